using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace MotCua.Web.Infrastructure;

/// <summary>Examples of the main flows in the contract (intake, an action, tracking, indicators, a token), for integrators.</summary>
internal static class ApiExamples
{
    private static readonly Dictionary<string, string> Requests = new(StringComparer.Ordinal)
    {
        ["issueToken"] = """{"username":"motcua.bacai","password":"…"}""",
        ["receiveDossier"] = """
            {"procedureCode":"1.001193","unitCode":"56.BACAI","channel":"direct",
             "applicant":{"fullName":"Nguyễn Văn An","idNumber":"058195000123","taxCode":null,"birthDate":"1990-05-12","phone":"0912345678","email":null,"address":"Thôn Suối Rua, xã Bác Ái, tỉnh Khánh Hòa"},
             "documents":[{"name":"Tờ khai đăng ký khai sinh","kind":"original","count":1,"fileId":"3f2b8c1e9a4d4e0fb6a1c2d3e4f5a6b7","reused":false},
                          {"name":"Giấy chứng sinh","kind":"original","count":1,"fileId":"8d7c6b5a4f3e4d2c1b0a9f8e7d6c5b4a","reused":false}],
             "idempotencyKey":"desk-56BACAI-2026-12-07-0001"}
            """,
        ["actOnDossier"] = """{"action":"request-supplement","note":"Thiếu bản sao giấy chứng nhận kết hôn của cha mẹ","version":2}""",
    };

    private static readonly Dictionary<(string Operation, string Status), string> Responses = new()
    {
        [("issueToken", "200")] = """{"accessToken":"CfDJ8…","expiresAt":"2026-12-07T16:30:00+00:00"}""",
        [("receiveDossier", "201")] = """{"code":"56.BACAI-261207-0001","receivedAt":"2026-12-07T01:30:00Z","dueDate":"2026-12-08","status":"Received","dueDateEstimated":false,"currentUnitCode":"56.BACAI"}""",
        [("trackDossier", "200")] = """
            {"code":"56.BACAI-261207-0001","status":"Received","statusLabel":"Đã tiếp nhận","procedureName":"Thủ tục đăng ký khai sinh",
             "currentUnitName":"Xã Bác Ái","receivedOn":"2026-12-07","appointmentDate":"2026-12-08","dueDateEstimated":false,
             "explanation":["Hạn giải quyết 1 ngày làm việc, tính từ ngày làm việc tiếp theo sau ngày tiếp nhận."],"applicantName":"N. V. A.",
             "steps":[{"at":"2026-12-07T01:30:00Z","action":"Tiếp nhận hồ sơ","status":"Đã tiếp nhận"}],
             "plan":[{"order":1,"name":"Thẩm định, trình ký","unitName":"Xã Bác Ái","dueDate":"2026-12-08","state":"đang thực hiện"}]}
            """,
    };

    private static readonly Dictionary<(string Operation, string Parameter), string> Parameters = new()
    {
        [("getIndicators", "unit")] = "\"56.BACAI\"",
        [("getIndicators", "from")] = "\"2026-01-01\"",
        [("getIndicators", "to")] = "\"2026-12-31\"",
        [("trackDossier", "code")] = "\"56.BACAI-261207-0001\"",
    };

    public static void Apply(OpenApiOperation operation)
    {
        var id = operation.OperationId ?? "";
        if (Requests.TryGetValue(id, out var request) && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
        {
            body.Example = JsonNode.Parse(request);
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (Responses.TryGetValue((id, status), out var example) && response.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = JsonNode.Parse(example);
            }
        }

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter p && Parameters.TryGetValue((id, p.Name ?? ""), out var value))
            {
                p.Example = JsonNode.Parse(value);
            }
        }
    }
}
