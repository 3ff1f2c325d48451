using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Features.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>The endpoints the app maps (from its EndpointDataSource, pages included), and the demo values that fill their routes.</summary>
public static class EndpointCatalog
{
    /// <summary>"GET /api/v1/…" for endpoints, "PAGE /Folder/Page" for Razor Pages; static files and framework fallbacks are left out.</summary>
    public static SortedSet<string> Discover(IServiceProvider services)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
            {
                continue;
            }

            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                keys.Add("PAGE " + page.ViewEnginePath);
                continue;
            }

            if (endpoint is not RouteEndpoint route)
            {
                continue;
            }

            var pattern = "/" + route.RoutePattern.RawText!.Trim('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m != HttpMethods.Head && m != HttpMethods.Options))
            {
                keys.Add($"{method} {pattern}");
            }
        }

        return keys;
    }

    /// <summary>Demo rows the sample URLs point at; creates the dossier, an inspection and a report that the demo seed does not have.</summary>
    public static async Task<Dictionary<string, string>> SampleValuesAsync(SecurityApp app)
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await app.As(Principals.Desk);
        var dossier = await DossierApi.ReceivedAsync(desk, "584.MC");
        var values = new Dictionary<string, string> { ["dossier"] = dossier.GetProperty("code").GetString()! };

        var admin = await app.As(Principals.Admin);
        await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2099-01-02", kind = "holiday", name = "Ngày nghỉ (kiểm thử phân quyền)", source = "test" }, ct);
        var reform = await app.As(Principals.Reform);
        var inspection = await reform.PostAsJsonAsync("/api/v1/reform/inspections",
            new { unitCode = "584.MC", scheduledOn = "2025-06-10", surprise = true, inspectors = "Tổ kiểm tra (kiểm thử)" }, ct);
        var specialist = await app.As(Principals.Specialist);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("quarterly"), "kind" },
            { new StringContent("2025"), "year" },
            { new StringContent("1"), "period" },
            { new StringContent("Báo cáo quý I (kiểm thử)"), "text" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 báo cáo")), "files", "bao-cao.pdf" },
        };
        var report = await specialist.PostAsync("/api/v1/reform/reports", form, ct);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        values["plan"] = Id(await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct));
        var task = await db.PlanTasks.OrderBy(p => p.Id).Select(p => new { p.Id, p.PlanId }).FirstAsync(ct);
        var target = await db.PlanTargets.OrderBy(p => p.Id).Select(p => new { p.Id, p.PlanId }).FirstAsync(ct);
        values["task"] = Id(task.Id);
        values["taskPlan"] = Id(task.PlanId);
        values["target"] = Id(target.Id);
        values["targetPlan"] = Id(target.PlanId);
        values["occurrence"] = Id(await db.PlanTaskOccurrences.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct));
        values["scheme"] = Id(await db.ScoringSchemes.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct));
        values["inspection"] = await db.Inspections.OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) is { } i
            ? Id(i) : throw new InvalidOperationException("no inspection: " + await inspection.Content.ReadAsStringAsync(ct));
        values["report"] = await db.UnitReports.OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) is { } r
            ? Id(r) : throw new InvalidOperationException("no report: " + await report.Content.ReadAsStringAsync(ct));
        values["sha"] = await db.UnitReports.Where(r => r.Id == int.Parse(values["report"], System.Globalization.CultureInfo.InvariantCulture))
            .SelectMany(r => r.Files).Select(f => f.Sha256).FirstAsync(ct);
        var counters = await desk.GetFromJsonAsync<JsonElement>("/api/v1/queue/counters?unit=584.MC", ct);
        var counter = counters.EnumerateArray().First(c => c.GetProperty("letter").GetString() == "A").GetProperty("id").GetInt32();
        values["counter"] = Id(counter);
        var ticket = await desk.PostAsJsonAsync("/api/v1/queue/tickets", new { counterId = counter }, ct);
        values["ticket"] = (await ticket.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["documents"] = JsonSerializer.Serialize(DossierApi.AllDocuments(await DossierApi.ProcedureAsync(desk, DossierApi.Certification)));
        values["criterion"] = Id(await db.ScoringCriteria.Where(c => c.SchemeId == int.Parse(values["scheme"], System.Globalization.CultureInfo.InvariantCulture) && c.ParentId == null)
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(ct));
        values["criterionCode"] = await db.ScoringCriteria.Where(c => c.Id == int.Parse(values["criterion"], System.Globalization.CultureInfo.InvariantCulture)).Select(c => c.Code).SingleAsync(ct);
        var parents = db.ScoringCriteria.Where(c => c.ParentId != null).Select(c => c.ParentId);
        values["leaf"] = await db.ScoringCriteria.Where(c => c.SchemeId == int.Parse(values["scheme"], System.Globalization.CultureInfo.InvariantCulture)
            && !c.EvidenceRequired && c.MaxPoints >= 0.5m && !parents.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Code).FirstAsync(ct);
        var slots = await app.Raw().GetFromJsonAsync<JsonElement>("/api/v1/queue/units/584.MC/slots?date=2025-06-05", ct);
        values["slots"] = string.Join(",", slots.EnumerateArray().Where(x => x.GetProperty("remaining").GetInt32() > 0).Select(x => x.GetProperty("id").GetRawText()));
        await AddPortalValuesAsync(app, db, values, ct);
        foreach (var (key, value) in await MeetingAsync(app, "Họp mẫu kiểm thử phân quyền", held: false, ct))
        {
            values[key] = value;
        }

        values["heldMeeting"] = (await MeetingAsync(app, "Họp đã có biên bản", held: true, ct))["meeting"];
        foreach (var (_, make) in Consumable)
        {
            foreach (var (key, value) in await make(app, values, Interlocked.Increment(ref _made), ct))
            {
                values[key] = value;
            }
        }

        return values;
    }

    /// <summary>
    /// One more of each used-up row for every principal that a row naming it allows, stored as "key@principal" (and its
    /// companions, "key.code@principal"): each allowed call acts on its own, so it can succeed; refused calls get the shared one.
    /// </summary>
    public static async Task FreshValuesAsync(SecurityApp app, Dictionary<string, string> values)
    {
        var ct = TestContext.Current.CancellationToken;
        var made = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in EndpointAccess.Table)
        {
            foreach (var (placeholder, make) in Consumable.Where(c => row.Url.Contains("{" + c.Key + "}", StringComparison.Ordinal)))
            {
                for (var i = 0; i < Principals.All.Length; i++)
                {
                    if (row.Expect[i] != 'Y' || !made.Add(placeholder + "@" + Principals.All[i]))
                    {
                        continue;
                    }

                    foreach (var (key, value) in await make(app, values, Interlocked.Increment(ref _made), ct))
                    {
                        values[key + "@" + Principals.All[i]] = value;
                    }
                }
            }
        }
    }

    /// <summary>The principal's own copy of a value ("key@principal") when one was made, else the shared value.</summary>
    public static string ValueFor(IReadOnlyDictionary<string, string> values, string key, string? principal) =>
        principal is not null && values.TryGetValue(key + "@" + principal, out var own) ? own : values[key];

    /// <summary>An outgoing draft of 584.MC written by motcua as text (the system lays it out as a PDF).</summary>
    internal static async Task<string> DraftAsync(SecurityApp app, int n, CancellationToken ct) =>
        await IdOfAsync(await (await app.As(Principals.Desk)).PostAsJsonAsync("/api/v1/documents/drafts", new
        {
            type = "CV",
            issuer = "UBND huyện Bác Ái",
            issuerAbbreviation = "UBND",
            drafterAbbreviation = "VP",
            subject = "Dự thảo kiểm thử " + n,
            signer = "Người ký",
            text = "Nội dung dự thảo " + n,
        }, ct), "id", ct);

    private static int _made;

    private delegate Task<Dictionary<string, string>> Make(SecurityApp app, IReadOnlyDictionary<string, string> values, int n, CancellationToken ct);

    /// <summary>Rows that an allowed call uses up, by the URL placeholder that names them; each maker returns the value and its companions.</summary>
    private static readonly Dictionary<string, Make> Consumable = new(StringComparer.Ordinal)
    {
        // A meeting whose minutes are not written yet, and a held meeting's open task (issue 24).
        ["meetingToMinute"] = async (app, values, n, ct) => new() { ["meetingToMinute"] = (await MeetingAsync(app, "Họp chờ biên bản " + n, held: false, ct))["meeting"] },
        ["meetingTask"] = async (app, values, n, ct) => new() { ["meetingTask"] = (await MeetingAsync(app, "Họp có nhiệm vụ " + n, held: true, ct))["meetingTask"] },

        // A waiting ticket at counter A of 584.MC, for a no-show.
        ["ticketToAct"] = async (app, values, n, ct) => new()
        {
            ["ticketToAct"] = await IdOfAsync(await (await app.As(Principals.Desk)).PostAsJsonAsync("/api/v1/queue/tickets",
                new { counterId = int.Parse(values["counter"], System.Globalization.CultureInfo.InvariantCulture) }, ct), "id", ct),
        },

        // Issue 23: an incoming document registered at 584.MC, to assign.
        ["docToAssign"] = async (app, values, n, ct) => new()
        {
            ["docToAssign"] = await IdOfAsync(await (await app.As(Principals.Desk)).PostAsJsonAsync("/api/v1/documents/incoming", new
            {
                issuer = "UBND tỉnh",
                notation = $"{n}/UBND-VP",
                issuedOn = "2025-01-02",
                type = "CV",
                subject = "Văn bản để giao " + n,
                signer = "Người ký",
            }, ct), "id", ct),
        },

        // Issue 23.5: an issued outgoing document of 584.MC; one already sent to 22792; one received over edXML at 584.MC.
        ["docToSend"] = async (app, values, n, ct) => new() { ["docToSend"] = await OutgoingAsync(app, "Văn bản để gửi liên thông " + n, ct) },
        ["docSent"] = async (app, values, n, ct) =>
        {
            var id = await OutgoingAsync(app, "Văn bản đã gửi liên thông " + n, ct);
            await IdOfAsync(await (await app.As(Principals.Desk)).PostAsJsonAsync($"/api/v1/documents/{id}/send", new { recipients = new[] { "22792" } }, ct), "id", ct);
            return new() { ["docSent"] = id };
        },
        ["docReceived"] = async (app, values, n, ct) =>
        {
            using var content = EdxmlPackage(900_000 + n, "584.MC");
            var response = await (await app.As(Principals.Desk)).PostAsync("/api/v1/documents/edxml", content, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"edXML import → {(int)response.StatusCode} {body}");
            }

            return new() { ["docReceived"] = JsonDocument.Parse(body).RootElement.GetProperty("documentIds")[0].GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) };
        },

        // An incoming document of 584.MC assigned to motcua as chủ trì, for progress.
        ["heldDoc"] = async (app, values, n, ct) =>
        {
            var id = await IdOfAsync(await (await app.As(Principals.Desk)).PostAsJsonAsync("/api/v1/documents/incoming", new
            {
                issuer = "UBND tỉnh",
                notation = $"{n}/UBND-TH",
                issuedOn = "2025-01-02",
                type = "CV",
                subject = "Văn bản đang xử lý " + n,
                signer = "Người ký",
            }, ct), "id", ct);
            await IdOfAsync(await (await app.As(Principals.Leader)).PostAsJsonAsync($"/api/v1/documents/{id}/assignments",
                new { holders = new[] { new { userName = "motcua", role = "chu-tri" } }, workingDays = 3 }, ct), "id", ct);
            return new() { ["heldDoc"] = id };
        },

        // Issue 23: outgoing drafts of 584.MC made by motcua: one to sign, one to return, one returned to it, one signed by the leader.
        ["draftToSign"] = async (app, values, n, ct) => new() { ["draftToSign"] = await DraftAsync(app, n, ct) },
        ["draftToReturn"] = async (app, values, n, ct) => new() { ["draftToReturn"] = await DraftAsync(app, n, ct) },
        ["draftReturned"] = async (app, values, n, ct) =>
        {
            var id = await DraftAsync(app, n, ct);
            await IdOfAsync(await (await app.As(Principals.Leader)).PostAsJsonAsync($"/api/v1/documents/{id}/return", new { note = "Sửa lại " + n }, ct), "id", ct);
            return new() { ["draftReturned"] = id };
        },
        ["draftSigned"] = async (app, values, n, ct) =>
        {
            var id = await DraftAsync(app, n, ct);
            await IdOfAsync(await (await app.As(Principals.Leader)).PostAsync($"/api/v1/documents/{id}/sign", null, ct), "id", ct);
            return new() { ["draftSigned"] = id };
        },

        // Work files opened by motcua at 584.MC: one to read and add to, one with a task to finish, one with a note to close.
        ["workfile"] = async (app, values, n, ct) => new()
        {
            ["workfile"] = await IdOfAsync(await (await app.As(Principals.Desk)).PostAsJsonAsync("/api/v1/workfiles", new { title = "Hồ sơ công việc " + n }, ct), "id", ct),
        },
        ["workTask"] = async (app, values, n, ct) =>
        {
            var desk = await app.As(Principals.Desk);
            var id = await IdOfAsync(await desk.PostAsJsonAsync("/api/v1/workfiles", new { title = "Hồ sơ có việc " + n }, ct), "id", ct);
            var added = await desk.PostAsJsonAsync($"/api/v1/workfiles/{id}/items", new { kind = "task", text = "Việc " + n }, ct);
            var item = (await added.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("items")[0].GetProperty("id").GetInt64();
            return new() { ["workTask"] = id, ["workTask.item"] = item.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        },
        ["workToClose"] = async (app, values, n, ct) =>
        {
            var desk = await app.As(Principals.Desk);
            var id = await IdOfAsync(await desk.PostAsJsonAsync("/api/v1/workfiles", new { title = "Hồ sơ để đóng " + n }, ct), "id", ct);
            await IdOfAsync(await desk.PostAsJsonAsync($"/api/v1/workfiles/{id}/items", new { kind = "note", text = "Ghi chú " + n }, ct), "id", ct);
            return new() { ["workToClose"] = id };
        },

        // A booking on Friday 2025-06-06 (not the day the booking row books on), cancelled with the last 4 digits of its phone.
        ["booking"] = async (app, values, n, ct) =>
        {
            var slots = await app.Raw().GetFromJsonAsync<JsonElement>("/api/v1/queue/units/584.MC/slots?date=2025-06-06", ct);
            var slot = slots.EnumerateArray().First(x => x.GetProperty("remaining").GetInt32() > 0).GetProperty("id").GetInt32();
            var phone = FreshPhone(n);
            var code = await IdOfAsync(await app.Raw().PostAsJsonAsync("/api/v1/queue/bookings",
                new { slotId = slot, procedureCode = DossierApi.Certification, fullName = "Người hủy lịch " + n, phone }, ct), "code", ct);
            return new() { ["booking"] = code, ["booking.last4"] = phone[^4..] };
        },

        // A pending sign-up and the code its phone received.
        ["signUpToVerify"] = async (app, values, n, ct) =>
        {
            var phone = FreshPhone(n);
            var id = await SignUpAsync(app, phone, n, ct);
            return new() { ["signUpToVerify"] = id, ["signUpToVerify.code"] = await app.Captured!.LatestCodeAsync(app.Services, phone) };
        },
        ["signUpToResend"] = async (app, values, n, ct) => new() { ["signUpToResend"] = await SignUpAsync(app, FreshPhone(n), n, ct) },

        // An assisted submission prepared by the desk at 584.MC and the code the applicant's phone received.
        ["assisted"] = async (app, values, n, ct) =>
        {
            var phone = FreshPhone(n);
            var body = new
            {
                procedureCode = DossierApi.Certification,
                unitCode = "584.MC",
                channel = "online",
                applicant = new { fullName = "Người được hỗ trợ " + n, idNumber = FreshIdNumber(n), phone, address = "Thôn Ma Hoa, xã Phước Bình" },
                documents = JsonDocument.Parse(values["documents"]).RootElement,
            };
            var id = await IdOfAsync(await (await app.As(Principals.Desk)).PostAsJsonAsync("/api/v1/assisted-submissions", body, ct), "id", ct);
            return new() { ["assisted"] = id, ["assisted.code"] = await app.Captured!.LatestCodeAsync(app.Services, phone) };
        },

        // A complete draft of the citizen: every document of the procedure with a file the citizen uploaded.
        ["draftToSubmit"] = async (app, values, n, ct) =>
        {
            var citizen = await app.As(Principals.Citizen);
            using var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 bản chính " + n)), "file", $"ban-chinh-{n}.pdf" } };
            var fileId = await IdOfAsync(await citizen.PostAsync("/api/v1/files", upload, ct), "fileId", ct);
            var documents = JsonDocument.Parse(values["documents"]).RootElement.EnumerateArray().Select(d => new { name = d.GetProperty("name").GetString(), fileId }).ToArray();
            return new()
            {
                ["draftToSubmit"] = await IdOfAsync(await citizen.PostAsJsonAsync("/api/v1/me/drafts", new
                {
                    procedureCode = DossierApi.Certification,
                    unitCode = "584.MC",
                    fullName = "Chamaléa Thị Dân",
                    idNumber = "058090001234",
                    phone = "0912345678",
                    address = "Thôn Ma Hoa, xã Phước Bình",
                    documents,
                }, ct), "id", ct),
            };
        },

        ["toPay"] = async (app, values, n, ct) => new() { ["toPay"] = await CitizenDossierAsync(app, d => (d.Status, d.FeeVnd) = (DossierStatus.AwaitingFee, 10_000), ct) },
        ["toRate"] = async (app, values, n, ct) => new() { ["toRate"] = await CitizenDossierAsync(app, d => d.Status = DossierStatus.Returned, ct) },

        ["feedbackToAct"] = async (app, values, n, ct) => new()
        {
            ["feedbackToAct"] = await IdOfAsync(await app.Raw().PostAsJsonAsync("/api/v1/feedback", new
            {
                kind = "complaint",
                subject = "Chờ lâu " + n + " (kiểm thử phân quyền)",
                content = "Nội dung kiểm thử phân quyền.",
                senderName = "Người kiểm thử",
                senderPhone = FreshPhone(n),
                unitCode = "584.MC",
            }, ct), "number", ct),
        },

        ["procedureToEdit"] = async (app, values, n, ct) => new()
        {
            ["procedureToEdit"] = await IdOfAsync(await (await app.As(Principals.Admin)).PostAsJsonAsync("/api/v1/procedures",
                new { code = "KT.S" + n, name = "Thủ tục kiểm thử " + n, field = "Chứng thực", levels = "xã", processingDays = 5 }, ct), "code", ct),
        },

        ["targetToEdit"] = async (app, values, n, ct) =>
        {
            var code = "KT.S" + n;
            var id = await IdOfAsync(await (await app.As(Principals.Reform)).PostAsJsonAsync($"/api/v1/plans/{values["targetPlan"]}/targets",
                new { code, text = "Chỉ tiêu kiểm thử " + n, value = 80, unit = "%", comparison = "at-least", year = 2025 }, ct), "id", ct);
            return new() { ["targetToEdit"] = id, ["targetToEdit.code"] = code };
        },

        ["criterionToEdit"] = async (app, values, n, ct) => await CriterionAsync(app, values, "criterionToEdit", n, ct),
        ["criterionToDelete"] = async (app, values, n, ct) => await CriterionAsync(app, values, "criterionToDelete", n, ct),

        // Reconciliation finds issues only against a gateway's statement: one is recorded here as it would.
        ["paymentIssue"] = async (app, values, n, ct) =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var issue = new MotCua.Web.Features.Payments.PaymentIssue
            {
                // One issue per reference and kind: a reference of its own each time.
                Reference = "KT" + n + values["receipt"],
                DossierCode = values["mine"],
                Kind = MotCua.Web.Features.Payments.IssueKinds.AmountMismatch,
                Detail = "Số tiền tại cổng khác số tiền đã ghi nhận (kiểm thử " + n + ")",
                DetectedAtUtc = new DateTime(2025, 6, 3, 2, 0, 0, DateTimeKind.Utc),
            };
            db.PaymentIssues.Add(issue);
            await db.SaveChangesAsync(ct);
            return new() { ["paymentIssue"] = Id(issue.Id) };
        },
    };

    private static string FreshPhone(int n) => "0904" + (1_000_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture)[^6..];

    private static string FreshIdNumber(int n) => "0580955" + (100_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture)[^5..];

    private static async Task<string> SignUpAsync(SecurityApp app, string phone, int n, CancellationToken ct) =>
        await IdOfAsync(await app.Raw().PostAsJsonAsync("/api/v1/portal/sign-up", new
        {
            accountType = "citizen",
            fullName = "Đàng Văn Kiểm " + n,
            idNumber = FreshIdNumber(n),
            phone,
            channel = "sms",
            password = "Kiem@2025abc",
        }, ct), "signUpId", ct);

    /// <summary>A dossier received by the desk of 584.MC whose applicant is the demo citizen, then moved to another state in the database.</summary>
    private static async Task<string> CitizenDossierAsync(SecurityApp app, Action<Dossier> change, CancellationToken ct)
    {
        var code = (await DossierApi.ReceivedAsync(await app.As(Principals.Desk), "584.MC")).GetProperty("code").GetString()!;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Code == code, ct);
        dossier.ApplicantUserId = await db.Users.Where(u => u.UserName == "congdan").Select(u => u.Id).SingleAsync(ct);
        change(dossier);
        await db.SaveChangesAsync(ct);
        return code;
    }

    /// <summary>A new leaf under {criterionCode} of the demo scheme, so that changing or deleting it touches nothing else.</summary>
    private static async Task<Dictionary<string, string>> CriterionAsync(SecurityApp app, IReadOnlyDictionary<string, string> values, string key, int n, CancellationToken ct)
    {
        var code = values["criterionCode"] + ".S" + n;
        var response = await (await app.As(Principals.Reform)).PostAsJsonAsync($"/api/v1/reform/evaluation/schemes/{values["scheme"]}/criteria",
            new { code, title = "Tiêu chí tạm " + n, parentCode = values["criterionCode"], maxPoints = 0.5m, evidenceRequired = false }, ct);
        await IdOfAsync(response, "id", ct);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var scheme = int.Parse(values["scheme"], System.Globalization.CultureInfo.InvariantCulture);
        return new() { [key] = Id(await db.ScoringCriteria.Where(c => c.SchemeId == scheme && c.Code == code).Select(c => c.Id).SingleAsync(ct)), [key + ".code"] = code };
    }

    /// <summary>Rows of the portal, payments, feedback, files, measurements and assisted intake that the demo seed does not have.</summary>
    private static async Task AddPortalValuesAsync(SecurityApp app, AppDbContext db, Dictionary<string, string> values, CancellationToken ct)
    {
        var desk = await app.As(Principals.Desk);
        var citizen = await app.As(Principals.Citizen);
        var mine = (await DossierApi.ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        var citizenId = await db.Users.Where(u => u.UserName == "congdan").Select(u => u.Id).SingleAsync(ct);
        var dossier = await db.Dossiers.SingleAsync(d => d.Code == mine, ct);
        dossier.ApplicantUserId = citizenId;
        var reference = "TEST" + mine.Replace("-", "", StringComparison.Ordinal);
        db.Payments.Add(new MotCua.Web.Features.Payments.Payment
        {
            Reference = reference,
            DossierId = dossier.Id,
            DossierCode = mine,
            AmountVnd = 10_000,
            Gateway = "sandbox",
            Status = MotCua.Web.Features.Payments.PaymentStatus.Paid,
            CreatedAtUtc = dossier.ReceivedAtUtc,
            ExpiresAtUtc = dossier.ReceivedAtUtc.AddMinutes(15),
            CompletedAtUtc = dossier.ReceivedAtUtc,
            StartedBy = "congdan",
            ReceiptNo = "BL-" + mine,
        });
        db.DossierRatings.Add(new MotCua.Web.Features.Feedback.DossierRating
        {
            DossierId = dossier.Id,
            DossierCode = mine,
            UnitPath = dossier.ReceivingUnitPath,
            Overall = 5,
            Time = 5,
            Contacts = 1,
            Attitude = 5,
            Transparency = 5,
            Channel = "online",
            RatedAtUtc = dossier.ReceivedAtUtc,
        });
        await db.SaveChangesAsync(ct);
        values["mine"] = mine;
        values["receipt"] = reference;

        values["draft"] = await IdOfAsync(await citizen.PostAsJsonAsync("/api/v1/me/drafts", new { procedureCode = DossierApi.Certification, unitCode = "584.MC", fullName = "Chamaléa Thị Dân" }, ct), "id", ct);
        values["draftToDelete"] = await IdOfAsync(await citizen.PostAsJsonAsync("/api/v1/me/drafts", new { procedureCode = DossierApi.Certification, unitCode = "584.MC" }, ct), "id", ct);
        values["signUp"] = await IdOfAsync(await app.Raw().PostAsJsonAsync("/api/v1/portal/sign-up", new
        {
            accountType = "citizen",
            fullName = "Đàng Văn Kiểm",
            idNumber = "058090009876",
            phone = "0906111222",
            channel = "sms",
            password = "Kiem@2025abc",
        }, ct), "signUpId", ct);
        using (var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 tệp của bộ phận một cửa")), "file", "giay-to.pdf" } })
        {
            values["upload"] = await IdOfAsync(await desk.PostAsync("/api/v1/files", upload, ct), "fileId", ct);
        }

        var reform = await app.As(Principals.Reform);
        using (var evidence = new MultipartFormDataContent
        {
            { new StringContent("1"), "value" },
            { new StringContent("Số liệu kiểm thử"), "note" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 minh chứng chỉ tiêu")), "file", "minh-chung.pdf" },
        })
        {
            values["measurement"] = await IdOfAsync(await reform.PostAsync($"/api/v1/plans/{values["targetPlan"]}/targets/{values["target"]}/measurements", evidence, ct), "id", ct);
        }

        // A result ready to download: the citizen's first download signs it and returns the dossier, so later reads store nothing.
        var withResult = await CitizenDossierAsync(app, d => (d.Status, d.ResultCode, d.FinishedOn) = (DossierStatus.ResultReady, d.Code + "-KQ1", new DateOnly(2025, 6, 3)), ct);
        using (var first = await citizen.GetAsync($"/api/v1/dossiers/{withResult}/result.pdf", ct))
        {
            if (!first.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"result.pdf of {withResult} → {(int)first.StatusCode} {await first.Content.ReadAsStringAsync(ct)}");
            }
        }

        values["withResult"] = withResult;
    }

    /// <summary>
    /// A meeting of 584 scheduled by the district leader, chaired by him, with the one-stop desk (motcua) invited, from 08:30 today
    /// (the matrix's clock is 09:00 on 03/06/2025, so the join links are open); held ones have signed minutes and a task for the desk.
    /// </summary>
    private static async Task<Dictionary<string, string>> MeetingAsync(SecurityApp app, string title, bool held, CancellationToken ct)
    {
        var leader = await app.As(Principals.Leader);
        var id = await IdOfAsync(await leader.PostAsJsonAsync("/api/v1/meetings", new
        {
            title,
            chairUserName = "lanhdao",
            start = "2025-06-03T08:30",
            durationMinutes = 90,
            online = true,
            inviteUsers = new[] { "motcua" },
        }, ct), "id", ct);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var meetingId = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
        var invitees = await db.MeetingInvitees.Where(i => i.MeetingId == meetingId).Join(db.Users, i => i.UserId, u => u.Id, (i, u) => new { Invitee = i, u.UserName }).ToListAsync(ct);
        var desk = invitees.Single(x => x.UserName == "motcua").Invitee;
        // The desk has used its link already, so a later join (the matrix's, the fuzzer's) stores nothing; attendance rows act on the chair.
        desk.Attendance = MotCua.Web.Features.Meetings.Attendance.JoinedOnline;
        desk.JoinedAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        var chair = invitees.Single(x => x.UserName == "lanhdao").Invitee;
        var result = new Dictionary<string, string> { ["meeting"] = id, ["meeting.invitee"] = chair.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["meetingKey"] = desk.JoinKey };
        if (held)
        {
            await IdOfAsync(await leader.PostAsJsonAsync($"/api/v1/meetings/{id}/minutes", new
            {
                text = "Thống nhất nội dung (kiểm thử phân quyền).",
                tasks = new[] { new { title = "Báo cáo kết quả", ownerUserName = "motcua", dueDate = "2025-06-30" } },
            }, ct), "id", ct);
            result["meetingTask"] = (await db.MeetingTasks.AsNoTracking().Where(x => x.MeetingId == meetingId).Select(x => x.Id).SingleAsync(ct)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return result;
    }

    private static async Task<string> OutgoingAsync(SecurityApp app, string subject, CancellationToken ct) =>
        await IdOfAsync(await (await app.As(Principals.Desk)).PostAsJsonAsync("/api/v1/documents/outgoing", new
        {
            type = "CV",
            issuer = "UBND huyện Bác Ái",
            issuerAbbreviation = "UBND",
            drafterAbbreviation = "VP",
            subject,
            signer = "Người ký",
        }, ct), "id", ct);

    private static readonly Lazy<System.Security.Cryptography.X509Certificates.X509Certificate2> EdxmlSender =
        new(() => MotCua.IntegrationTests.Infrastructure.TestCertificates.Create("Hệ thống quản lý văn bản khác (kiểm thử)"));

    /// <summary>A signed edXML package from another organ to <paramref name="to"/> (default: the units of every staff principal), unique by <paramref name="n"/>.</summary>
    public static HttpContent EdxmlPackage(int n, params string[] to)
    {
        var organs = (to.Length > 0 ? to : ["584.MC", "584.TCKH", "584.NV", "22792"]).Select(c => new Web.Features.Documents.EdxmlOrgan(c, "Đơn vị nhận " + c)).ToList();
        var xml = Web.Features.Documents.Edxml.Write(new(
            new("000.00.00.H47", "Văn phòng UBND tỉnh Khánh Hòa"), organs, n % 100_000 + 1, "VPUBND-KT", "Khánh Hòa", new DateOnly(2025, 1, 2), "CV", "Công văn",
            "Công văn liên thông kiểm thử " + n, "Người ký", null, 1, [], 0, 1, 0, null, $"000.00.00.H47,2025/01/02,{n}/VPUBND-KT/{Guid.NewGuid():N}",
            [("000.00.00.H47", new DateTime(2025, 1, 2, 8, 0, 0))], []));
        Web.Features.Documents.Edxml.SignAsync(xml, new Web.Features.Signing.CertificateSigningKey(EdxmlSender.Value, [], "test"), CancellationToken.None).GetAwaiter().GetResult();
        return new ByteArrayContent(Web.Features.Documents.Edxml.Bytes(xml)) { Headers = { ContentType = new("application/xml") } };
    }

    private static async Task<string> IdOfAsync(HttpResponseMessage response, string property, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} → {(int)response.StatusCode} {body}");
        }

        if (!JsonDocument.Parse(body).RootElement.TryGetProperty(property, out var value))
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: no '{property}' in {body}");
        }

        return value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString()!;
    }

    /// <summary>The URL with its placeholders filled: the principal's own copies first (see <see cref="FreshValuesAsync"/>), then the shared values.</summary>
    public static string Fill(string url, IReadOnlyDictionary<string, string> values, string? principal = null)
    {
        var own = "@" + principal;
        foreach (var (key, value) in values.Where(v => principal is not null && v.Key.EndsWith(own, StringComparison.Ordinal)))
        {
            url = url.Replace("{" + key[..^own.Length] + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        foreach (var (key, value) in values)
        {
            url = url.Replace("{" + key + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return url;
    }

    /// <summary>The request a row describes, with the row's valid body for this principal when it has one.</summary>
    public static HttpRequestMessage Request(EndpointAccess.Row row, IReadOnlyDictionary<string, string> values, string principal, int number)
    {
        var request = Request(row, values, principal);
        if (row.Valid is { } valid && request.Method != HttpMethod.Get && request.Method != HttpMethod.Delete)
        {
            request.Content = valid(new EndpointAccess.Sample(principal, values, number)) switch
            {
                HttpContent content => content,
                var body => new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
            };
        }

        return request;
    }

    /// <summary>The request a row describes: its method, filled URL and body (an empty JSON object for writes unless the row gives one).</summary>
    public static HttpRequestMessage Request(EndpointAccess.Row row, IReadOnlyDictionary<string, string> values, string? principal = null)
    {
        var method = row.Key.StartsWith("PAGE ", StringComparison.Ordinal) ? "GET" : row.Key[..row.Key.IndexOf(' ', StringComparison.Ordinal)];
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(row.Url, values, principal));
        if (method is "GET" or "DELETE")
        {
            return request;
        }

        request.Content = row.Body switch
        {
            EndpointAccess.Form => new MultipartFormDataContent { { new StringContent("kiểm thử"), "note" } },
            EndpointAccess.NoBody => null,
            null => new StringContent("{}", Encoding.UTF8, "application/json"),
            string text => new StringContent(text, Encoding.UTF8, row.ContentType ?? "application/json"),
            var body => new StringContent(
                JsonSerializer.Serialize(body).Replace("\"{documents}\"", values["documents"], StringComparison.Ordinal), Encoding.UTF8, "application/json"),
        };
        return request;
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
