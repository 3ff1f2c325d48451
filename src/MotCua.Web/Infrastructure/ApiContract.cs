using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// The published OpenAPI contract (ADR 0024): every operation named and summarised at its endpoint (<see cref="Doc"/>), the
/// bearer scheme applied to each operation that needs it, and the problem responses that the middleware can give.
/// </summary>
public static class ApiContract
{
    public const string BearerScheme = "bearer";
    public const string ClientCredentialsScheme = "clientCredentials";
    private const string ProblemSchema = "ProblemDetails";

    /// <summary>Names the operation (a stable operationId for generated clients) with a Vietnamese summary and an English description.</summary>
    public static RouteHandlerBuilder Doc(this RouteHandlerBuilder endpoint, string operationId, string summary, string description) =>
        endpoint.WithName(operationId).WithSummary(summary).WithDescription(description);

    /// <summary>A file answer (PDF, Excel, CSV…), which typed results cannot describe.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder endpoint, string contentType, params string[] more) =>
        endpoint.Produces(StatusCodes.Status200OK, responseType: null, contentType, more);

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Auth"] = "Đăng nhập và mã truy cập — tokens for API clients.",
        ["Dossiers"] = "Hồ sơ thủ tục hành chính: tiếp nhận, xử lý, tra cứu — intake, workflow actions, tracking.",
        ["Webhooks"] = "Sự kiện hồ sơ gửi tới hệ thống kết nối — dossier events pushed to client systems, signed (Standard Webhooks).",
        ["Results"] = "Kết quả giải quyết và trả kết quả — results and their delivery.",
        ["Payments"] = "Thanh toán phí, lệ phí trực tuyến — online payment of fees.",
        ["Feedback"] = "Đánh giá, phản ánh, kiến nghị — ratings and feedback.",
        ["Files"] = "Tệp đính kèm — uploads checked by content.",
        ["Portal"] = "Cổng dịch vụ công của người dân — citizen accounts, drafts and stored documents.",
        ["Queue"] = "Đặt lịch và xếp hàng tại bộ phận một cửa — bookings, tickets and counters.",
        ["Indicators"] = "Chỉ số cải cách hành chính và QĐ 766 — live indicators, reports and the national service index.",
        ["Statistics"] = "Thống kê công khai — public statistics.",
        ["Organisation"] = "Đơn vị hành chính theo thời gian — the dated unit tree.",
        ["Calendar"] = "Lịch làm việc, ngày nghỉ, ngày hẹn trả — the working-day calendar and due dates.",
        ["Procedures"] = "Danh mục thủ tục hành chính — the procedure catalogue.",
        ["ReformPlan"] = "Kế hoạch cải cách hành chính: nhiệm vụ, chỉ tiêu, báo cáo, đánh giá, kiểm tra — the reform plan.",
        ["Operations"] = "Vận hành hệ thống — background jobs.",
        ["Alarms"] = "Cảnh báo hạn xử lý — due and overdue alarms.",
        ["Workspace"] = "Việc của tôi — the officer's work queue.",
        ["National portal"] = "Đồng bộ Cổng Dịch vụ công quốc gia — sync state with the national public-service portal.",
        ["Documents"] = "Văn bản đến, văn bản đi, giao xử lý và hồ sơ công việc theo Nghị định 30/2020 — document registers, processing and work files.",
        ["CitizenData"] = "Đối chiếu CSDL quốc gia về dân cư — citizen-data checks with consent.",
        ["Signatures"] = "Kiểm tra chữ ký số PDF cho mọi người — public verification of signed PDFs (PAdES).",
        ["Meetings"] = "Họp trực tuyến — meetings: schedule, invitations, personal join links, attendance, signed minutes, tasks.",
    };

    public static IHostApplicationBuilder AddApiContract(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o =>
        {
            // Schema ids are type names: two DTOs of the same name in different features would overwrite each other.
            o.CreateSchemaReferenceId = info => OpenApiOptions.CreateDefaultSchemaReferenceId(info) is { } id && SharedTypeNames.Contains(info.Type.Name)
                ? info.Type.Namespace?.Split('.')[^1] + id
                : OpenApiOptions.CreateDefaultSchemaReferenceId(info);
            o.AddDocumentTransformer((document, context, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "MotCua — API hệ thống một cửa điện tử",
                    Version = "v1",
                    Description = "API của hệ thống một cửa điện tử MotCua: tiếp nhận và giải quyết thủ tục hành chính, chỉ số cải cách hành chính. "
                        + "Mọi lỗi trả về theo RFC 9457 (problem details), thông báo bằng tiếng Việt. "
                        + "The MotCua one-stop e-government API: errors are RFC 9457 problem details; obtain a bearer token from POST /api/v1/auth/token.",
                    License = new OpenApiLicense { Name = "Proprietary — cơ quan nhà nước sử dụng hệ thống", Identifier = "LicenseRef-MotCua" },
                };
                // One server: the public address when configured (behind a proxy), else the origin the document was read from.
                var request = context.ApplicationServices.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request;
                var configured = context.ApplicationServices.GetRequiredService<IConfiguration>()["Notifications:PublicBaseUrl"];
                var origin = !string.IsNullOrEmpty(configured) ? configured : request is null ? null : $"{request.Scheme}://{request.Host}{request.PathBase}";
                document.Servers = origin is null ? [] : [new OpenApiServer { Url = origin.TrimEnd('/') }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Mã truy cập từ POST /api/v1/auth/token — the access token from POST /api/v1/auth/token.",
                };
                document.Components.SecuritySchemes[ClientCredentialsScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "Hệ thống khác lấy mã truy cập bằng OAuth 2.0 client credentials (RFC 6749 §4.4) — other systems get tokens with the client-credentials grant.",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            // Relative to the server (OpenAPI 3.1 allows it): the committed contract stays the same on every host.
                            TokenUrl = new Uri("/api/v1/auth/token", UriKind.Relative),
                            Scopes = ClientScope.All.ToDictionary(s => s.Scope, s => s.Description),
                        },
                    },
                };
                document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                document.Components.Schemas.TryAdd(ProblemSchema, Problem());
                foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
                {
                    tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
                }

                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                // Strings pass through BoundedStringConverter, which hides their type from the generator: give it back.
                if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null && schema.OneOf is null)
                {
                    schema.Type = IsNullable(context.JsonPropertyInfo) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                }

                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
                operation.Responses ??= [];
                if (anonymous)
                {
                    // An empty list says "no credentials needed", as opposed to a missing one ("the document's default").
                    operation.Security = [];
                }
                else
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                    // Either a person's token or a machine client's holding one of the declared scopes.
                    if (metadata.OfType<ClientScopeMetadata>().Select(m => m.Scope).ToList() is { Count: > 0 } scopes)
                    {
                        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ClientCredentialsScheme, context.Document)] = scopes });
                    }

                    AddProblem(operation, context.Document, 401, "Chưa đăng nhập hoặc mã truy cập hết hạn — no or expired credentials.");
                    AddProblem(operation, context.Document, 403, "Ngoài phạm vi đơn vị hoặc vai trò của người gọi — outside the caller's units or role.");
                }

                var hasInput = operation.RequestBody is not null || operation.Parameters is { Count: > 0 };
                if (hasInput)
                {
                    // Binding failures (malformed JSON, wrong types) are problem details too (ProblemSetup).
                    AddProblem(operation, context.Document, 400, "Dữ liệu gửi lên không hợp lệ — invalid input.");
                }

                if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true)
                {
                    AddProblem(operation, context.Document, 404, "Không tìm thấy hoặc không được xem — not found (or not visible to the caller).");
                }

                if (!hasInput && anonymous)
                {
                    // The only failure an anonymous call without input can meet is the rate limiter.
                    AddProblem(operation, context.Document, 429, "Quá nhiều yêu cầu — too many requests; see Retry-After.");
                }

                ApiExamples.Apply(operation);
                return Task.CompletedTask;
            });
        });
        builder.Services.AddHttpContextAccessor();
        return builder;
    }

    private static readonly HashSet<string> SharedTypeNames = [.. typeof(ApiContract).Assembly.GetTypes()
        .Where(t => t.IsPublic || t.IsNestedPublic).GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key)];

    private static readonly NullabilityInfoContext Nullability = new();

    private static bool IsNullable(JsonPropertyInfo? property)
    {
        lock (Nullability)
        {
            return property?.AttributeProvider switch
            {
                PropertyInfo p => Nullability.Create(p).ReadState != NullabilityState.NotNull,
                FieldInfo f => Nullability.Create(f).ReadState != NullabilityState.NotNull,
                _ => false,
            };
        }
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiDocument? document, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        };
    }

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details; title and detail in the caller's language (Vietnamese by default).",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        },
        Examples = [JsonNode.Parse("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Không tìm thấy","status":404,"traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}""")!],
    };
}
