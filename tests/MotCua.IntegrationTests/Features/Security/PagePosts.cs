using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Features.Dossiers;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>
/// Every Razor Pages POST handler (found through the page loader, so a new handler without a row fails
/// <c>Every_page_post_handler_is_classified</c>), who may post it, and a valid form for it. The matrix posts each form
/// with a valid antiforgery token of the principal's own cookie session, so the handler itself decides.
///
/// Letters per principal, in the order of <see cref="Principals.All"/> (anonymous · citizen · admin · leader · desk ·
/// specialist · reform · other commune):
///   Y  the action succeeds: 2xx or the page's success redirect, and the effect is visible (a stored row changed, or the row's own check)
///   N  refused by authorization or scope: 401, 403, 404 or a redirect to sign-in / "denied"; nothing stored
///   R  the handler is reached and refuses (the page again with its message, or a 4xx other than 400/401/403/404); nothing stored
/// </summary>
public static class PagePosts
{
    public enum Effect
    {
        /// <summary>A stored row changes (the digest of every table, volatile ones aside).</summary>
        Stores,

        /// <summary>Nothing is stored by design (sign-in, a check, a PDF): the row's <see cref="Row.Check"/> decides.</summary>
        Shows,
    }

    /// <summary>What one case posts: the page URL (handler included), form fields and files.</summary>
    public sealed record Post(string Url, IReadOnlyList<KeyValuePair<string, string>> Fields, IReadOnlyList<(string Field, string FileName, byte[] Content)>? Files = null);

    /// <summary>A check of a successful answer; returns why it is not a success, or null.</summary>
    public delegate Task<string?> SuccessCheck(Case c, HttpResponseMessage response, string body, HttpClient client);

    public sealed record Row(string Key, string Expect, Func<Case, Task<Post>> Prepare, Effect Kind = Effect.Stores, SuccessCheck? Check = null, bool FreshClient = false);

    /// <summary>One principal posting one row: the numbers and rows it needs are made here, before the digest is taken.</summary>
    public sealed class Case(SecurityApp app, IReadOnlyDictionary<string, string> values, string principal, int number)
    {
        public SecurityApp App => app;
        public IReadOnlyDictionary<string, string> Values => values;
        public string Principal => principal;

        /// <summary>Unique per case: dates, codes and phone numbers built from it do not collide.</summary>
        public int N => number;

        public string Account => Principals.Account(principal) ?? "anonymous";

        public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> work)
        {
            using var scope = app.Services.CreateScope();
            return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }

        /// <summary>A dossier received by the district desk whose applicant is the demo citizen, optionally moved to another state in the database.</summary>
        public async Task<string> CitizenDossierAsync(Action<Dossier>? change = null)
        {
            var desk = await app.As(Principals.Desk);
            var code = (await DossierApi.ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
            await DbAsync(async db =>
            {
                var citizenId = await db.Users.Where(u => u.UserName == "congdan").Select(u => u.Id).SingleAsync();
                var d = await db.Dossiers.SingleAsync(x => x.Code == code);
                d.ApplicantUserId = citizenId;
                change?.Invoke(d);
                return await db.SaveChangesAsync();
            });
            return code;
        }

        public async Task<JsonElement> ApiAsync(string principalName, HttpMethod method, string url, object? body = null)
        {
            var client = await app.As(principalName);
            using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{method} {url} → {(int)response.StatusCode} {text}");
            }

            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    /// <summary>A machine client registered for this case only.</summary>
    private static async Task<string> ApiClientAsync(Case c)
    {
        using var scope = c.App.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<MotCua.Web.Features.Accounts.RegisterApiClient>()
            .HandleAsync(new("Hệ thống " + D(c.N), "56.BACAI", ["dossiers:read"]), "admin", null, TestContext.Current.CancellationToken);
        return ((MotCua.Web.Features.Accounts.RegisterApiClient.Registered)outcome).Client.ClientId;
    }

    /// <summary>A subscription of a new client at Xã Bác Ái with one logged delivery.</summary>
    private static async Task<(long Subscription, long Delivery)> WebhookAsync(Case c)
    {
        var clientId = await ApiClientAsync(c);
        using var scope = c.App.Services.CreateScope();
        var subscribed = (MotCua.Web.Features.Webhooks.SubscribeWebhook.Subscribed)await scope.ServiceProvider.GetRequiredService<MotCua.Web.Features.Webhooks.SubscribeWebhook>()
            .HandleAsync(clientId, new("https://lgsp.example.vn/hooks/" + D(c.N), ["dossier.received"]), TestContext.Current.CancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Infrastructure.AppDbContext>();
        var delivery = new MotCua.Web.Features.Notifications.OutboxMessage
        {
            Channel = MotCua.Web.Features.Notifications.NotificationChannel.Webhook,
            Kind = MotCua.Web.Features.Notifications.NotificationKind.DossierEvent,
            To = subscribed.Subscription.Url,
            Subject = "dossier.received",
            Body = """{"id":"evt_x_1","type":"dossier.received"}""",
            DossierCode = "56.BACAI-261207-9999",
            FailedPermanently = true,
            WebhookSubscriptionId = subscribed.Subscription.Id,
        };
        db.OutboxMessages.Add(delivery);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (subscribed.Subscription.Id, delivery.Id);
    }

    /// <summary>A meeting of 584 from 08:30 today (the matrix's clock is 09:00), chaired by lanhdao with motcua invited; held ones have minutes and a task for motcua.</summary>
    private static async Task<long> MeetingAsync(Case c, bool held)
    {
        var id = (await c.ApiAsync(Principals.Leader, HttpMethod.Post, "/api/v1/meetings", new
        {
            title = "Họp kiểm thử trang " + D(c.N),
            chairUserName = "lanhdao",
            start = "2025-06-03T08:30",
            durationMinutes = 90,
            online = true,
            inviteUsers = new[] { "motcua" },
        })).GetProperty("id").GetInt64();
        if (held)
        {
            await c.ApiAsync(Principals.Leader, HttpMethod.Post, $"/api/v1/meetings/{id}/minutes", new
            {
                text = "Thống nhất (kiểm thử trang).",
                tasks = new[] { new { title = "Báo cáo kết quả", ownerUserName = "motcua", dueDate = "2025-06-30" } },
            });
        }

        return id;
    }

    private static Post Form(string url, params KeyValuePair<string, string>[] fields) => new(url, fields);

    private static Post Form(string url, List<KeyValuePair<string, string>> fields) => new(url, fields);

    private static string D(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>An ID number of the demo format (province 058) unique per case.</summary>
    private static string IdNumber(int n) => "0580911" + (10000 + n).ToString(CultureInfo.InvariantCulture)[^5..];

    private static string Phone(int n) => "0907" + (100000 + n).ToString(CultureInfo.InvariantCulture)[^6..];

    private static readonly byte[] Pdf = [.. "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8];

    //                                      a c A L D S R o
    private const string Anyone = /*     */ "YYYYYYYY";
    private const string AdminOnly = /*  */ "NNYNNNNN";
    private const string ReformEdit = /* */ "NNYNNNYN";
    private const string CitizenOnly = /**/ "NYNNNNNN";

    public static readonly Row[] Table =
    [
        // Accounts: anyone signs in (a fresh client each time) and out.
        new("POST /Accounts/Login", Anyone, c => Task.FromResult(Form("/Account/Login",
                F("UserName", Principals.Account(c.Principal) ?? "congdan"), F("Password", MotCua.Testing.AppFactory.DemoPassword))),
            Effect.Shows, SignedIn, FreshClient: true),
        new("POST /Accounts/Logout", Anyone, c => Task.FromResult(Form("/Account/Logout")), Effect.Shows, SignedOut, FreshClient: true),
        // Machine clients (issue 26.2): only an administrator registers, rotates and revokes.
        new("POST /Accounts/Clients?handler=Register", AdminOnly, c => Task.FromResult(Form("/Staff/Clients?handler=Register",
            F("Name", "Hệ thống kết nối " + D(c.N)), F("UnitCode", "56.BACAI"), F("Scopes", "dossiers:read")))),
        new("POST /Accounts/Clients?handler=Rotate", AdminOnly, async c => Form("/Staff/Clients?handler=Rotate", F("clientId", await ApiClientAsync(c)))),
        new("POST /Accounts/Clients?handler=Revoke", AdminOnly, async c => Form("/Staff/Clients?handler=Revoke", F("clientId", await ApiClientAsync(c)))),
        // Webhooks (issue 26.3): an administrator replays a delivery or ends a subscription of the clients in their units.
        new("POST /Webhooks/Index?handler=Replay", AdminOnly, async c =>
            {
                var (subscription, delivery) = await WebhookAsync(c);
                return Form("/Staff/Webhooks?handler=Replay", F("deliveryId", delivery.ToString(CultureInfo.InvariantCulture)), F("subscription", subscription.ToString(CultureInfo.InvariantCulture)));
            }),
        new("POST /Webhooks/Index?handler=Delete", AdminOnly, async c => Form("/Staff/Webhooks?handler=Delete", F("id", (await WebhookAsync(c)).Subscription.ToString(CultureInfo.InvariantCulture)))),

        // Portal sign-up and its code, for anyone (one new person per case).
        new("POST /Portal/SignUp", Anyone, c => Task.FromResult(Form("/Portal/SignUp",
                F("AccountType", "citizen"), F("FullName", "Đàng Thị Kiểm " + D(c.N)), F("IdNumber", IdNumber(c.N)), F("Phone", Phone(c.N)),
                F("Channel", "sms"), F("Password", "Kiem@2025abc"))),
            Check: Redirects("/Portal/Verify?id="), FreshClient: true),
        new("POST /Portal/Verify", Anyone, async c =>
            {
                var id = await SignUpAsync(c);
                return Form($"/Portal/Verify?id={id}", F("Code", await c.App.Captured!.LatestCodeAsync(c.App.Services, Phone(c.N))));
            },
            Check: Redirects("/Portal?welcome=true"), FreshClient: true),
        new("POST /Portal/Verify?handler=Resend", Anyone, async c =>
            {
                var id = await SignUpAsync(c);
                await c.App.Captured!.LatestCodeAsync(c.App.Services, Phone(c.N));
                return Form($"/Portal/Verify?id={id}&handler=Resend");
            },
            Check: Contains("Đã gửi mã mới.")),

        // Public desk services.
        new("POST /Feedback/Send", Anyone, c => Task.FromResult(Form("/Feedback/Send",
            F("Kind", "Suggestion"), F("Subject", "Góp ý giờ làm việc " + D(c.N)), F("Text", "Đề nghị mở cửa thêm sáng thứ Bảy (kiểm thử trang)."),
            F("SenderName", "Người góp ý " + D(c.N)), F("SenderPhone", Phone(c.N))))),
        new("POST /Queue/Book", Anyone, async c =>
            {
                var slots = await c.ApiAsync(Principals.Anonymous, HttpMethod.Get, "/api/v1/queue/units/584.MC/slots?date=2025-06-05");
                var slot = slots.EnumerateArray().First(s => s.GetProperty("remaining").GetInt32() > 0).GetProperty("id").GetInt32();
                return Form("/Queue/Book?unit=584.MC&procedure=2.000815&date=2025-06-05",
                    F("SlotId", D(slot)), F("FullName", "Người đặt lịch " + D(c.N)), F("Phone", Phone(c.N)));
            }),
        new("POST /Queue/Book?handler=Cancel", Anyone, async c =>
            {
                var code = await BookAsync(c);
                return Form("/Queue/Book?unit=584.MC&handler=Cancel", F("CancelCode", code), F("PhoneLast4", Phone(c.N)[^4..]));
            }),

        // The payment sandbox (demo mode only): pay a transaction the citizen started, or send its held-back notification.
        new("POST /Payments/Sandbox/Pay", Anyone, async c => Form(await SandboxUrlAsync(c), F("txnRef", c.Values["txn:" + c.N]), F("outcome", "pay"))),
        new("POST /Payments/Sandbox/Pay?handler=SendIpn", Anyone, async c =>
            {
                var url = await SandboxUrlAsync(c);
                var txn = c.Values["txn:" + c.N];
                await c.DbAsync(async db =>
                {
                    var t = await db.SandboxTransactions.SingleAsync(x => x.TxnRef == txn);
                    (t.Status, t.ResponseCode, t.TransactionNo, t.IpnHeld) = ("success", "00", "KT" + D(c.N), true);
                    return await db.SaveChangesAsync();
                });
                return Form(url.Split('?')[0] + "?handler=SendIpn", F("txnRef", txn));
            }),

        // Citizens.
        new("POST /Portal/Submit?handler=Save", CitizenOnly, c => Task.FromResult(Form("/Portal/Submit?procedure=2.000815&handler=Save",
            F("UnitCode", "584.MC"), F("FullName", "Chamaléa Thị Dân " + D(c.N)), F("IdNumber", "058090001234"), F("Phone", "0912345678"),
            F("Address", "Thôn Ma Hoa, xã Phước Bình")))),
        new("POST /Portal/Submit?handler=Submit", CitizenOnly, c => Task.FromResult(new Post("/Portal/Submit?procedure=2.000815&handler=Submit",
            [F("UnitCode", "584.MC"), F("FullName", "Chamaléa Thị Dân " + D(c.N)), F("IdNumber", "058090001234"), F("Phone", "0912345678"),
                F("Address", "Thôn Ma Hoa, xã Phước Bình"), F("Docs[0].Choice", "upload")],
            [("file_0", "ban-chinh.pdf", Pdf)])),
            Check: Redirects("/Portal/Receipt?code=")),
        new("POST /Feedback/Rate", "NYNNRNNN", async c =>
            {
                var code = await c.CitizenDossierAsync(d => d.Status = DossierStatus.Returned);
                return Form($"/Feedback/Rate?code={code}", F("Form.Overall", "5"), F("Form.Time", "4"), F("Form.Contacts", "1"), F("Form.Attitude", "5"), F("Form.Transparency", "5"));
            }),
        new("POST /Payments/Index", "NYRRYNNN", async c =>
            {
                var code = await c.CitizenDossierAsync(d => (d.Status, d.FeeVnd) = (DossierStatus.AwaitingFee, 10_000));
                return Form($"/Payments?code={code}");
            },
            Check: Redirects("/sandbox-gateway")),
        // Anyone checks a signed PDF on /Verify (issue 23.4): the report is shown, nothing stored.
        new("POST /Signing/Verify", Anyone, c => Task.FromResult(new Post("/Verify", [], [("file", "van-ban.pdf", Signing.SignedSamples.Pdf)])),
            Effect.Shows, Contains("data-testid=\"verify-result\"")),
        new("POST /Results/Index", "NYRRYNNN", async c => Form($"/Results?code={await c.CitizenDossierAsync()}",
            F("RecipientName", "Chamaléa Thị Mỹ Hường"), F("Phone", "0912345678"), F("Address", "Thôn Ma Hoa, xã Phước Bình, huyện Bác Ái"))),

        // Desk officers: intake at the desk, form 02, assisted online filing.
        new("POST /Dossiers/Receive", "NNNNYNNY", async c => Form("/Dossiers/Receive?procedure=2.000815", await IntakeFieldsAsync(c, complete: true)),
            Check: Redirects("/Dossiers/Details?code=")),
        new("POST /Dossiers/Receive?handler=Offers", "NNNNYNNY", async c => Form("/Dossiers/Receive?procedure=2.000815&handler=Offers", await IntakeFieldsAsync(c, complete: true)),
            Effect.Shows, Contains("data-testid=\"reuse-consent\"")),
        // The population-database check (issue 22.4): with no provider configured the page says so, and nothing is stored.
        new("POST /Dossiers/Receive?handler=CitizenCheck", "NNNNYNNY", async c => Form("/Dossiers/Receive?procedure=2.000815&handler=CitizenCheck", await IntakeFieldsAsync(c, complete: true)),
            Effect.Shows, Contains("data-testid=\"documents\"")),
        new("POST /Dossiers/Receive?handler=Guidance", "NNNNYNNY", async c => Form("/Dossiers/Receive?procedure=2.000815&handler=Guidance", await IntakeFieldsAsync(c, complete: false)),
            Effect.Shows, PdfAnswer),
        new("POST /Assisted/Desk?handler=Start", "NNNNYNNY", c => Task.FromResult(Form("/Assisted/Desk?procedure=2.000815&handler=Start",
            F("FullName", "Người được hỗ trợ " + D(c.N)), F("IdNumber", IdNumber(c.N)), F("Phone", Phone(c.N)), F("Address", "Thôn Ma Hoa"),
            F("Documents", c.Values["firstDocument"])))),
        new("POST /Assisted/Desk?handler=Confirm", "NNNNYNNY", async c =>
            {
                var (id, phone) = await AssistedAsync(c);
                return Form("/Assisted/Desk?handler=Confirm", F("SubmissionId", id), F("Code", await c.App.Captured!.LatestCodeAsync(c.App.Services, phone)));
            },
            Check: Redirects("/Dossiers/Details?code=")),

        // Dossier actions: the desk asks for a supplement; the other roles reach the handler, which refuses the action for their role.
        new("POST /Dossiers/Details", "NNRRYNNN", async c => Form($"/Dossiers/Details?code={await c.CitizenDossierAsync()}",
            F("actionName", "request-supplement"), F("note", "Thiếu bản sao (kiểm thử trang)"))),

        // Corrections (issue 20.7): the desk of the receiving unit; a leader or administrator reaches the handler, which refuses.
        new("POST /Dossiers/Details?handler=Correct", "NNRRYNNN", async c =>
            {
                var code = await c.CitizenDossierAsync();
                return Form($"/Dossiers/Details?code={code}&handler=Correct", F("code", code), F("fullName", "Chamaléa Thị Mỹ Hường"),
                    F("idNumber", "058090001234"), F("phone", Phone(c.N)), F("address", "Thôn Ma Hoa, xã Phước Bình"), F("reason", "Sai số điện thoại (kiểm thử trang)"));
            },
            Check: Redirects("/Dossiers/Details?code=")),

        // Ratings at the kiosk: desk officers only (the kiosk is a desk device), with the code and the last 4 digits; a code
        // outside the officer's scope is answered in the form as "not found" (R), like a mistyped one.
        new("POST /Feedback/Kiosk", "NNRRYRRR", async c => Form("/Feedback/Kiosk",
            F("Code", await c.CitizenDossierAsync(d => d.Status = DossierStatus.Returned)), F("Verifier", "1234"),
            F("Form.Overall", "4"), F("Form.Time", "4"), F("Form.Contacts", "2"), F("Form.Attitude", "4"), F("Form.Transparency", "4"))),

        // Complaints handled by the staff of the unit's subtree (584.MC): others get the page again with "not found".
        new("POST /Feedback/Staff", "NNYYYRRR", async c =>
            {
                var number = (await c.ApiAsync(Principals.Anonymous, HttpMethod.Post, "/api/v1/feedback", new
                {
                    kind = "complaint", subject = "Chờ lâu " + D(c.N), content = "Nội dung phản ánh kiểm thử trang.", senderName = "Người phản ánh",
                    senderPhone = Phone(c.N), unitCode = "584.MC",
                })).GetProperty("number").GetString()!;
                return Form("/Feedback/Staff", F("number", number), F("actionName", "answer"), F("text", "Đã chấn chỉnh, xin lỗi công dân (kiểm thử)."), F("publish", "false"));
            }),

        // Administrators.
        new("POST /Calendar/Index?handler=Add", AdminOnly, c => Task.FromResult(Form("/Calendar?handler=Add",
            F("Input.Date", new DateOnly(2098, 1, 1).AddDays(c.N).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), F("Input.Kind", "holiday"),
            F("Input.Name", "Ngày nghỉ kiểm thử " + D(c.N)), F("Input.Source", "kiểm thử")))),
        new("POST /Calendar/Index?handler=Delete", AdminOnly, async c =>
            {
                var date = new DateOnly(2097, 1, 1).AddDays(c.N).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await c.ApiAsync(Principals.Admin, HttpMethod.Post, "/api/v1/calendar/days", new { date, kind = "holiday", name = "Xóa kiểm thử", source = "test" });
                return Form("/Calendar?handler=Delete", F("date", date));
            }),
        new("POST /Dossiers/Admin/Reasons", AdminOnly, c => Task.FromResult(Form("/Dossiers/Admin/Reasons",
            F("code", "KT-" + D(c.N)), F("text", "Lý do kiểm thử " + D(c.N)), F("actions", "refuse"), F("active", "true")))),
        // On the matrix's clock (June 2025) no unit has ended yet: the administrator reaches the handler and is refused.
        new("POST /Dossiers/Admin/HandOver", "NNRNNNNN", c => Task.FromResult(Form("/Dossiers/Admin/HandOver", F("from", "22783"), F("to", "56.BACAITAY")))),
        new("POST /Dossiers/Verify", AdminOnly, c => Task.FromResult(Form("/Dossiers/Verify")), Effect.Shows, Contains("hồ sơ có chuỗi bị phá vỡ")),
        // No portal configured in the matrix's app: staff reach the handler, which says so.
        new("POST /NationalPortal/Index?handler=Retry", "NNYYYYYY", c => Task.FromResult(Form("/NationalPortal/Index?handler=Retry", F("code", c.Values["dossier"]))),
            Effect.Shows, Contains("Chưa cấu hình kết nối")),
        new("POST /Payments/Reconciliation?handler=Run", AdminOnly, c => Task.FromResult(Form("/Payments/Reconciliation?handler=Run")),
            Effect.Shows, Contains("Đã đối soát")),
        new("POST /Payments/Reconciliation?handler=Resolve", AdminOnly, async c =>
            {
                var id = await c.DbAsync(async db =>
                {
                    var issue = new MotCua.Web.Features.Payments.PaymentIssue
                    {
                        Reference = "KT" + D(c.N), DossierCode = "", Kind = "amount-mismatch", Detail = "Kiểm thử", DetectedAtUtc = new DateTime(2025, 6, 3, 2, 0, 0, DateTimeKind.Utc),
                    };
                    db.PaymentIssues.Add(issue);
                    await db.SaveChangesAsync();
                    return issue.Id;
                });
                return Form("/Payments/Reconciliation?handler=Resolve", F("id", id.ToString(CultureInfo.InvariantCulture)), F("note", "Đã đối chiếu với ngân hàng (kiểm thử)."));
            }),
        new("POST /Procedures/Admin/Edit", AdminOnly, async c =>
            {
                var fields = await ScrapeAsync(c, "/Procedures/Admin/Edit?code=2.000815", null);
                return new Post("/Procedures/Admin/Edit?code=2.000815", Override(fields, "Input.LegalBasis", "Nghị định 23/2015/NĐ-CP (kiểm thử " + D(c.N) + ")"));
            },
            Check: Redirects("/Procedures/Details?code=")),

        // Reform plan: Phòng Nội vụ and administrators edit; every staff unit reports and self-assesses.
        new("POST /ReformPlan/EditPlan", ReformEdit, async c =>
            {
                var url = $"/ReformPlan/EditPlan?id={c.Values["plan"]}";
                return new Post(url, Override(await ScrapeAsync(c, url, null), "Input.Note", "Ghi chú kiểm thử " + D(c.N)));
            }),
        // Admin opens a period of the province (in force today) with a year of its own; Phòng Nội vụ's scope is the old district: refused.
        new("POST /ReformPlan/Plan?handler=CarryForward", "NNYNNNRN", c => Task.FromResult(Form($"/ReformPlan/Plan?handler=CarryForward&id={c.Values["plan"]}",
            F("CarryUnitCode", "56"), F("CarryYear", D(2026 + (c.N % 10)))))),
        new("POST /ReformPlan/EditTask", ReformEdit, async c =>
            {
                var url = $"/ReformPlan/EditTask?planId={c.Values["taskPlan"]}&id={c.Values["task"]}";
                return new Post(url, Override(await ScrapeAsync(c, url, null), "Input.Product", "Báo cáo kiểm thử " + D(c.N)));
            }),
        new("POST /ReformPlan/EditTarget", ReformEdit, async c =>
            {
                var url = $"/ReformPlan/EditTarget?planId={c.Values["targetPlan"]}&id={c.Values["target"]}";
                return new Post(url, Override(await ScrapeAsync(c, url, null), "Input.Note", "Ghi chú kiểm thử " + D(c.N)));
            }),
        new("POST /ReformPlan/EditCriterion", ReformEdit, async c =>
            {
                var url = $"/ReformPlan/EditCriterion?schemeId={c.Values["scheme"]}&id={c.Values["criterion"]}";
                return new Post(url, Override(await ScrapeAsync(c, url, null), "Title", "Tiêu chí kiểm thử " + D(c.N)));
            }),
        // Years before the demo's 2024 scheme, so that the evaluation page keeps showing the demo scheme.
        new("POST /ReformPlan/Schemes", ReformEdit, c => Task.FromResult(Form("/ReformPlan/Schemes",
            F("Year", D(2000 + (c.N % 20))), F("Name", "Bộ tiêu chí kiểm thử " + D(c.N)), F("CopyPrevious", "false")))),
        new("POST /ReformPlan/Scheme?handler=Move", ReformEdit, async c =>
            {
                var (scheme, criterion) = await CriterionAsync(c);
                return Form($"/ReformPlan/Scheme?id={scheme}&handler=Move", F("criterionId", criterion), F("direction", "up"));
            }),
        new("POST /ReformPlan/Scheme?handler=Delete", ReformEdit, async c =>
            {
                var (scheme, criterion) = await CriterionAsync(c);
                return Form($"/ReformPlan/Scheme?id={scheme}&handler=Delete", F("criterionId", criterion));
            }),
        new("POST /ReformPlan/Inspections?handler=Create", ReformEdit, c => Task.FromResult(Form("/ReformPlan/Inspections?handler=Create",
            F("UnitCode", "584.MC"), F("ScheduledOn", "2025-07-1" + D(c.N % 10)), F("Inspectors", "Tổ kiểm tra " + D(c.N))))),
        new("POST /ReformPlan/Inspections?handler=Record", ReformEdit, async c => Form("/ReformPlan/Inspections?handler=Record",
            F("Id", await InspectionAsync(c)), F("HeldOn", "2025-06-02"), F("Findings", "Niêm yết đủ thủ tục (kiểm thử " + D(c.N) + ")."))),
        new("POST /ReformPlan/Inspections?handler=FollowUp", ReformEdit, async c => Form("/ReformPlan/Inspections?handler=FollowUp",
            F("Id", await InspectionAsync(c)), F("Action", "Bổ sung bảng niêm yết " + D(c.N)), F("Deadline", "2025-07-31"))),
        new("POST /ReformPlan/Occurrence?handler=Update", ReformEdit, async c =>
            {
                // A due date inside the occurrence's year, different for each case.
                var year = await c.DbAsync(db => db.PlanTaskOccurrences.Where(o => o.Id == int.Parse(c.Values["occurrence"], CultureInfo.InvariantCulture)).Select(o => o.Year).SingleAsync());
                var date = new DateOnly(year, 12, 1).AddDays(c.N % 28);
                return Form($"/ReformPlan/Occurrence?id={c.Values["occurrence"]}&handler=Update", F("DueDate", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), F("Progress", "InProgress"));
            }),
        new("POST /ReformPlan/Occurrence?handler=Entry", "NNYNNYYY", c => Task.FromResult(Form($"/ReformPlan/Occurrence?id={c.Values["occurrence"]}&handler=Entry",
            F("Text", "Đã triển khai (kiểm thử " + D(c.N) + ")")))),
        new("POST /ReformPlan/Reports?handler=Submit", "NNRRRYYY", c => Task.FromResult(new Post("/ReformPlan/Reports?handler=Submit",
            [F("Kind", "monthly"), F("Year", "2024"), F("Period", D(1 + (c.N % 12))), F("Text", "Báo cáo tháng (kiểm thử " + D(c.N) + ")")],
            [("Files", "bao-cao.pdf", Pdf)]))),
        new("POST /ReformPlan/Reports?handler=Review", ReformEdit, async c =>
            {
                var id = await c.DbAsync(async db =>
                {
                    var report = new MotCua.Web.Features.ReformPlan.UnitReport
                    {
                        UnitId = await db.Units.Where(u => u.Code == "584.TCKH").Select(u => u.Id).SingleAsync(),
                        Kind = MotCua.Domain.ReformPlan.ReportKind.Monthly, Year = 2023, Period = 1 + (c.N % 12), SubmittedAt = new DateTime(2025, 6, 2, 2, 0, 0, DateTimeKind.Utc),
                        SubmittedBy = "chuyenvien", Text = "Báo cáo để duyệt " + D(c.N), Status = MotCua.Web.Features.ReformPlan.UnitReportStatus.Submitted,
                    };
                    db.UnitReports.Add(report);
                    await db.SaveChangesAsync();
                    return report.Id;
                });
                return Form("/ReformPlan/Reports?handler=Review", F("Id", D(id)), F("Accept", "true"), F("Note", "Đạt (kiểm thử)"));
            }),
        new("POST /ReformPlan/Evaluation?handler=Self", "NNRRRYYY", async c => Form("/ReformPlan/Evaluation?handler=Self",
            F("CriterionCode", await LeafCodeAsync(c)), F("Score", "0.5"))),
        new("POST /ReformPlan/Evaluation?handler=Appraise", ReformEdit, async c => Form("/ReformPlan/Evaluation?unit=584.TCKH&handler=Appraise",
            F("Unit", "584.TCKH"), F("CriterionCode", await LeafCodeAsync(c)), F("Score", c.Principal == Principals.Admin ? "0.15" : "0.35"))),

        // Queue at the desk of 584.MC: staff whose scope covers the counter; others reach the handler and are refused.
        new("POST /Queue/Kiosk?handler=Issue", "NNYYYRRR", c => Task.FromResult(Form("/Queue/Kiosk?unit=584.MC&handler=Issue", F("CounterId", c.Values["counter"])))),
        new("POST /Queue/Kiosk?handler=Booking", "NNYYYRRR", async c => Form("/Queue/Kiosk?unit=584.MC&handler=Booking", F("BookingCode", await BookAsync(c, today: true)))),
        // Meetings (issue 24): each case gets its own meeting of 584, chaired by lanhdao, with motcua invited (as in EndpointAccess).
        new("POST /Meetings/Schedule", "NNYYYYYY", c => Task.FromResult(Form("/Meetings/Schedule", F("Title", "Họp kiểm thử trang " + D(c.N)), F("Start", "2025-06-12T08:00"),
            F("DurationMinutes", "60"), F("Place", "Phòng họp"), F("Online", "false"), F("ChairUserName", ""), F("ChairName", "Chủ trì"), F("InviteUsers", "motcua")))),
        new("POST /Meetings/Details?handler=Respond", "NNRYYNNN", async c =>
        {
            var id = await MeetingAsync(c, held: false);
            return Form($"/Meetings/Details?id={id}&handler=Respond", F("response", "accept"));
        }),
        new("POST /Meetings/Details?handler=Attendance", "NNYYRNNN", async c =>
        {
            var id = await MeetingAsync(c, held: false);
            var invitee = await c.DbAsync(db => db.MeetingInvitees.Where(i => i.MeetingId == id && i.UserId == db.Users.Where(u => u.UserName == "motcua").Select(u => u.Id).First()).Select(i => i.Id).SingleAsync());
            return Form($"/Meetings/Details?id={id}&handler=Attendance", F("att-" + invitee.ToString(CultureInfo.InvariantCulture), "present"));
        }),
        new("POST /Meetings/Details?handler=Minutes", "NNYYRNNN", async c =>
        {
            var id = await MeetingAsync(c, held: false);
            return Form($"/Meetings/Details?id={id}&handler=Minutes", F("text", "Biên bản kiểm thử trang " + D(c.N)));
        }),
        new("POST /Meetings/Details?handler=TaskDone", "NNYYYNNN", async c =>
        {
            var id = await MeetingAsync(c, held: true);
            var task = await c.DbAsync(db => db.MeetingTasks.Where(x => x.MeetingId == id).Select(x => x.Id).SingleAsync());
            return Form($"/Meetings/Details?id={id}&handler=TaskDone", F("taskId", task.ToString(CultureInfo.InvariantCulture)));
        }),
        new("POST /Queue/Desk?handler=Call", "NNYYYRRR", async c =>
            {
                await c.ApiAsync(Principals.Desk, HttpMethod.Post, "/api/v1/queue/tickets", new { counterId = int.Parse(c.Values["counter"], CultureInfo.InvariantCulture) });
                return Form($"/Queue/Desk?counter={c.Values["counter"]}&handler=Call");
            }),
        new("POST /Queue/Desk?handler=Act", "NNYYYRRR", async c =>
            {
                var ticket = (await c.ApiAsync(Principals.Desk, HttpMethod.Post, "/api/v1/queue/tickets", new { counterId = int.Parse(c.Values["counter"], CultureInfo.InvariantCulture) }))
                    .GetProperty("id").GetInt64();
                return Form($"/Queue/Desk?counter={c.Values["counter"]}&handler=Act", F("TicketId", ticket.ToString(CultureInfo.InvariantCulture)), F("Action", "no-show"));
            }),

        // Issue 23: registers, processing and work files (documents and work files of 584.MC, made by motcua).
        new("POST /Documents/Register", "NNYYYYYY", c => Task.FromResult(Form("/Documents/Register",
            F("Notation", D(c.N) + "/UBND-VP"), F("IssuedOn", "02/01/2025"), F("Type", "CV"), F("Issuer", "UBND tỉnh"), F("Subject", "Văn bản đến " + D(c.N)), F("Signer", "Người ký"))),
            Check: Redirects("/Documents/Details?id=")),
        new("POST /Documents/Issue", "NNYYYYYY", c => Task.FromResult(Form("/Documents/Issue",
            F("IssuerAbbreviation", "UBND"), F("Type", "TB"), F("Issuer", "UBND huyện Bác Ái"), F("Subject", "Thông báo " + D(c.N)), F("Signer", "Người ký"))),
            Check: Redirects("/Documents/Details?id=")),
        new("POST /Documents/Details?handler=Assign", "NNYYRNNN", async c =>
            {
                var id = await IncomingDocumentAsync(c);
                return Form($"/Documents/Details?id={id}&handler=Assign", F("Id", id), F("Lead", "motcua"), F("WorkingDays", "2"));
            }),
        new("POST /Documents/Details?handler=Progress", "NNRRYNNN", async c =>
            {
                var id = await IncomingDocumentAsync(c);
                await c.ApiAsync(Principals.Leader, HttpMethod.Post, $"/api/v1/documents/{id}/assignments", new { holders = new[] { new { userName = "motcua", role = "chu-tri" } }, workingDays = 2 });
                return Form($"/Documents/Details?id={id}&handler=Progress", F("Id", id), F("Note", "Đã xử lý " + D(c.N)), F("Close", "true"));
            }),
        new("POST /Documents/Draft", "NNYYYYYY", c => Task.FromResult(Form("/Documents/Draft",
            F("IssuerAbbreviation", "UBND"), F("DrafterAbbreviation", "VP"), F("Type", "CV"), F("Issuer", "UBND huyện Bác Ái"), F("Subject", "Dự thảo " + D(c.N)),
            F("Signer", "Người ký"), F("Text", "Nội dung dự thảo " + D(c.N)))),
            Check: Redirects("/Documents/Details?id=")),
        new("POST /Documents/Details?handler=Sign", "NNYYRNNN", async c =>
            {
                var id = await DraftAsync(c);
                return Form($"/Documents/Details?id={id}&handler=Sign", F("Id", id));
            }),
        new("POST /Documents/Details?handler=Return", "NNYYRNNN", async c =>
            {
                var id = await DraftAsync(c);
                return Form($"/Documents/Details?id={id}&handler=Return", F("Id", id), F("Note", "Sửa lại " + D(c.N)));
            }),
        new("POST /Documents/Details?handler=Resubmit", "NNRRYNNN", async c =>
            {
                var id = await DraftAsync(c);
                await c.ApiAsync(Principals.Leader, HttpMethod.Post, $"/api/v1/documents/{id}/return", new { note = "Sửa lại" });
                return Form($"/Documents/Details?id={id}&handler=Resubmit", F("Id", id), F("Text", "Bản sửa " + D(c.N)));
            }),
        new("POST /Documents/Details?handler=Issue", "NNYRYNNN", async c =>
            {
                var id = await DraftAsync(c);
                await c.ApiAsync(Principals.Leader, HttpMethod.Post, $"/api/v1/documents/{id}/sign", null);
                return Form($"/Documents/Details?id={id}&handler=Issue", F("Id", id));
            }),
        // Issue 23.5: "Gửi liên thông" of an issued outgoing document of 584.MC to 22792.
        new("POST /Documents/Exchange", "NNYYYNNN", async c =>
            {
                var id = (await c.ApiAsync(Principals.Desk, HttpMethod.Post, "/api/v1/documents/outgoing", new
                {
                    type = "CV", issuer = "UBND huyện Bác Ái", issuerAbbreviation = "UBND", drafterAbbreviation = "VP", subject = "Công văn liên thông " + D(c.N), signer = "Người ký",
                })).GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
                return Form($"/Documents/Exchange?id={id}", F("Recipients", "22792"));
            },
            Check: Redirects("/Documents/Exchange?id=")),
        new("POST /Documents/WorkFiles", "NNYYYYYY", c => Task.FromResult(Form("/Documents/WorkFiles", F("Title", "Hồ sơ công việc " + D(c.N)))),
            Check: Redirects("/Documents/WorkFile?id=")),
        new("POST /Documents/WorkFile?handler=Item", "NNYYYNNN", async c =>
            {
                var id = await WorkFileAsync(c, null);
                return Form($"/Documents/WorkFile?id={id}&handler=Item", F("Id", id), F("Kind", "note"), F("Text", "Ghi chú " + D(c.N)));
            }),
        new("POST /Documents/WorkFile?handler=Done", "NNYYYNNN", async c =>
            {
                var file = await WorkFileJsonAsync(c, "task");
                var item = file.GetProperty("items")[0].GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
                return Form($"/Documents/WorkFile?id={file.GetProperty("id").GetInt64()}&handler=Done", F("Id", file.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)), F("ItemId", item));
            }),
        new("POST /Documents/WorkFile?handler=Close", "NNYYYNNN", async c =>
            {
                var id = await WorkFileAsync(c, "note");
                return Form($"/Documents/WorkFile?id={id}&handler=Close", F("Id", id), F("Medium", "electronic"));
            }),
    ];

    private static async Task<string> IncomingDocumentAsync(Case c) =>
        (await c.ApiAsync(Principals.Desk, HttpMethod.Post, "/api/v1/documents/incoming", new
        {
            issuer = "UBND tỉnh",
            notation = D(c.N) + "/UBND-TH",
            issuedOn = "2025-01-02",
            type = "CV",
            subject = "Văn bản đến " + D(c.N),
            signer = "Người ký",
        })).GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

    private static async Task<string> DraftAsync(Case c) =>
        (await c.ApiAsync(Principals.Desk, HttpMethod.Post, "/api/v1/documents/drafts", new
        {
            type = "CV",
            issuer = "UBND huyện Bác Ái",
            issuerAbbreviation = "UBND",
            subject = "Dự thảo " + D(c.N),
            signer = "Người ký",
            text = "Nội dung dự thảo " + D(c.N),
        })).GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

    private static async Task<string> WorkFileAsync(Case c, string? kind) => (await WorkFileJsonAsync(c, kind)).GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

    private static async Task<JsonElement> WorkFileJsonAsync(Case c, string? kind)
    {
        var file = await c.ApiAsync(Principals.Desk, HttpMethod.Post, "/api/v1/workfiles", new { title = "Hồ sơ công việc " + D(c.N) });
        var id = file.GetProperty("id").GetInt64();
        return kind is null ? file : await c.ApiAsync(Principals.Desk, HttpMethod.Post, $"/api/v1/workfiles/{id}/items", new { kind, text = "Mục " + D(c.N) });
    }

    private static async Task<string> SignUpAsync(Case c) =>
        (await c.ApiAsync(Principals.Anonymous, HttpMethod.Post, "/api/v1/portal/sign-up", new
        {
            accountType = "citizen",
            fullName = "Đàng Văn Kiểm " + D(c.N),
            idNumber = IdNumber(c.N),
            phone = Phone(c.N),
            channel = "sms",
            password = "Kiem@2025abc",
        })).GetProperty("signUpId").GetString()!;

    private static async Task<string> BookAsync(Case c, bool today = false)
    {
        var date = today ? "2025-06-03" : "2025-06-05";
        var slots = await c.ApiAsync(Principals.Anonymous, HttpMethod.Get, $"/api/v1/queue/units/584.MC/slots?date={date}");
        var slot = slots.EnumerateArray().First(s => s.GetProperty("remaining").GetInt32() > 0).GetProperty("id").GetInt32();
        var booking = await c.ApiAsync(Principals.Anonymous, HttpMethod.Post, "/api/v1/queue/bookings",
            new { slotId = slot, procedureCode = "2.000815", fullName = "Người đặt lịch " + D(c.N), phone = Phone(c.N) });
        return booking.GetProperty("code").GetString()!;
    }

    /// <summary>Starts a payment as the citizen on a fresh dossier awaiting its fee and returns the sandbox page's URL (its GET opens the transaction).</summary>
    private static async Task<string> SandboxUrlAsync(Case c)
    {
        var code = await c.CitizenDossierAsync(d => (d.Status, d.FeeVnd) = (DossierStatus.AwaitingFee, 10_000));
        var payment = await c.ApiAsync(Principals.Citizen, HttpMethod.Post, $"/api/v1/dossiers/{code}/payments");
        var redirect = payment.GetProperty("redirectUrl").GetString()!;
        var relative = redirect.StartsWith('/') ? redirect : new Uri(redirect).PathAndQuery;
        ((Dictionary<string, string>)c.Values)["txn:" + c.N] = payment.GetProperty("reference").GetString()!;
        // The gateway records the transaction when its page is opened.
        using (var open = await c.App.Raw().GetAsync(relative, TestContext.Current.CancellationToken))
        {
            if (!open.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {relative} (from {redirect}) → {(int)open.StatusCode}");
            }
        }

        return relative;
    }

    private static async Task<List<KeyValuePair<string, string>>> IntakeFieldsAsync(Case c, bool complete)
    {
        List<KeyValuePair<string, string>> fields =
        [
            F("Channel", "Direct"), F("Applicant.FullName", "Pi Năng Thị Ượt " + D(c.N)), F("Applicant.IdNumber", IdNumber(c.N)),
            F("Applicant.Phone", Phone(c.N)), F("Applicant.Address", "Thôn Suối Rua"), F("IdempotencyKey", Guid.NewGuid().ToString()),
        ];
        if (complete)
        {
            fields.AddRange(JsonDocument.Parse(c.Values["documents"]).RootElement.EnumerateArray().Select(d => F("Documents", d.GetProperty("name").GetString()!)));
        }

        await Task.CompletedTask;
        return fields;
    }

    private static async Task<(string Id, string Phone)> AssistedAsync(Case c)
    {
        var desk = Principals.Account(c.Principal) is "motcua.phuoctien" ? Principals.OtherCommune : Principals.Desk;
        var unit = desk == Principals.OtherCommune ? "22792" : "584.MC";
        var started = await c.ApiAsync(desk, HttpMethod.Post, "/api/v1/assisted-submissions", new
        {
            procedureCode = "2.000815",
            unitCode = unit,
            channel = "online",
            applicant = new { fullName = "Người được hỗ trợ " + D(c.N), idNumber = IdNumber(c.N), phone = Phone(c.N), address = "Thôn Ma Hoa" },
            documents = JsonDocument.Parse(c.Values["documents"]).RootElement,
        });
        return (started.GetProperty("id").GetRawText(), Phone(c.N));
    }

    private static async Task<string> InspectionAsync(Case c) =>
        (await c.ApiAsync(Principals.Reform, HttpMethod.Post, "/api/v1/reform/inspections",
            new { unitCode = "584.MC", scheduledOn = "2025-06-02", surprise = false, inspectors = "Tổ kiểm tra " + D(c.N) })).GetProperty("id").GetRawText();

    /// <summary>A new leaf criterion of the demo scheme, so that moving or deleting it touches nothing else.</summary>
    private static async Task<(string Scheme, string Criterion)> CriterionAsync(Case c)
    {
        var scheme = c.Values["scheme"];
        var parent = await c.DbAsync(db => db.ScoringCriteria.Where(x => x.Id == int.Parse(c.Values["criterion"], CultureInfo.InvariantCulture)).Select(x => x.Code).SingleAsync());
        var code = parent + ".KT" + D(c.N);
        await c.ApiAsync(Principals.Reform, HttpMethod.Post, $"/api/v1/reform/evaluation/schemes/{scheme}/criteria",
            new { code, title = "Tiêu chí tạm " + D(c.N), parentCode = parent, maxPoints = 0.5m, evidenceRequired = false });
        var id = await c.DbAsync(db => db.ScoringCriteria.Where(x => x.SchemeId == int.Parse(scheme, CultureInfo.InvariantCulture) && x.Code == code).Select(x => x.Id).SingleAsync());
        return (scheme, D(id));
    }

    /// <summary>A leaf criterion of the first scheme that needs no evidence file.</summary>
    private static Task<string> LeafCodeAsync(Case c) => c.DbAsync(async db =>
    {
        var schemeId = await db.ScoringSchemes.OrderByDescending(s => s.Year).Select(s => s.Id).FirstAsync();
        var parents = db.ScoringCriteria.Where(x => x.ParentId != null).Select(x => x.ParentId);
        return await db.ScoringCriteria.Where(x => x.SchemeId == schemeId && !x.EvidenceRequired && !parents.Contains(x.Id) && x.MaxPoints >= 0.5m)
            .OrderBy(x => x.Id).Select(x => x.Code).FirstAsync();
    });

    /// <summary>The fields of the page's post form (the one for <paramref name="handler"/>), as the allowed principal sees it.</summary>
    private static async Task<List<KeyValuePair<string, string>>> ScrapeAsync(Case c, string url, string? handler)
    {
        // The form as the posting principal sees it (its choices depend on its scope); an administrator's for those refused.
        using var own = await (await c.App.As(c.Principal)).GetAsync(url, TestContext.Current.CancellationToken);
        var html = own.StatusCode == System.Net.HttpStatusCode.OK ? await own.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)
            : await (await c.App.As(Principals.Admin)).GetStringAsync(url, TestContext.Current.CancellationToken);
        return HtmlForms.Fields(html, handler).Where(f => f.Key != "__RequestVerificationToken").ToList();
    }

    private static List<KeyValuePair<string, string>> Override(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var result = fields.Where(f => f.Key != name).ToList();
        result.Add(F(name, value));
        return result;
    }

    private static SuccessCheck Redirects(string prefix) => (_, r, _, _) => Task.FromResult(
        (int)r.StatusCode is >= 300 and < 400 && (r.Headers.Location?.OriginalString ?? "").Contains(prefix, StringComparison.Ordinal)
            ? null : $"expected a redirect to {prefix}…, got {(int)r.StatusCode} {r.Headers.Location}");

    private static SuccessCheck Contains(string text) => (_, r, body, _) => Task.FromResult(
        r.IsSuccessStatusCode && System.Net.WebUtility.HtmlDecode(body).Contains(text, StringComparison.Ordinal) ? null : $"the answer does not say \"{text}\"");

    private static Task<string?> PdfAnswer(Case c, HttpResponseMessage r, string body, HttpClient client) => Task.FromResult(
        r.IsSuccessStatusCode && r.Content.Headers.ContentType?.MediaType == "application/pdf" ? null : $"expected form 02 as a PDF, got {(int)r.StatusCode} {r.Content.Headers.ContentType}");

    private static Task<string?> SignedIn(Case c, HttpResponseMessage r, string body, HttpClient client) => Task.FromResult(
        (int)r.StatusCode == 302 && r.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(k => k.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal) && !k.StartsWith(".AspNetCore.Identity.Application=;", StringComparison.Ordinal))
            ? null : $"no sign-in cookie ({(int)r.StatusCode})");

    /// <summary>Signed out: the session cookie is gone, so the same browser is anonymous again.</summary>
    private static async Task<string?> SignedOut(Case c, HttpResponseMessage r, string body, HttpClient client)
    {
        if ((int)r.StatusCode != 302)
        {
            return $"expected a redirect home, got {(int)r.StatusCode}";
        }

        using var me = await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        return me.StatusCode == System.Net.HttpStatusCode.Unauthorized ? null : $"still signed in after signing out ({(int)me.StatusCode})";
    }
}
