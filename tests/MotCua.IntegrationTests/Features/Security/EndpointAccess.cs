namespace MotCua.IntegrationTests.Features.Security;

/// <summary>
/// Who may call what: one row per API endpoint and per page, read by the authorization matrix, the bad-input tests and
/// the fuzz test. An endpoint or page that is mapped but missing here fails <c>Every_endpoint_and_page_is_classified</c>:
/// add its row when merging a feature.
///
/// Expectation letters, one per principal in this order (see <see cref="Principals.All"/>):
///   anonymous · citizen (congdan) · admin · leader (lanhdao, 584) · desk (motcua, 584.MC) · specialist (chuyenvien, 584.TCKH)
///   · reform (noivu, 584.NV) · other commune (motcua.phuoctien, 22792)
///   Y  allowed: the request passes authorization and scoping (any answer but 401, 403, 404, a redirect to sign-in or "denied")
///   N  forbidden: 401 or 403, or 404 because the row is outside the caller's scope, or a page redirect to sign-in / "denied"
///   R  refused by the handler with a 4xx other than 401/403 (a unit outside the caller's scope, a role that may not do it) — and nothing stored
/// Sample URLs use demo data; {dossier} is a dossier received by motcua at 584.MC, {plan}, {task}, {target}, {occurrence},
/// {scheme}, {inspection}, {report} are the first demo rows (the matrix creates the inspection, the report and a
/// holiday on 2099-01-02); {taskPlan} and {targetPlan} are the plans of {task} and {target}; {mine} is a dossier received at 584.MC
/// whose applicant is the demo citizen; the other values are rows that <see cref="EndpointCatalog.SampleValuesAsync"/> creates.
/// A value that an allowed call uses up (a ticket to close, a booking to cancel, a code to verify, a draft to submit, …) is
/// made once more for each principal the row allows (<see cref="EndpointCatalog.FreshValuesAsync"/>): that principal's copy
/// ("key@principal") fills its URL and body, the shared one the URLs of those refused.
/// </summary>
public static class EndpointAccess
{
    //                                        a c A L D S R o
    public const string Public = /*       */ "YYYYYYYY";
    public const string SignedIn = /*     */ "NYYYYYYY";
    public const string Staff = /*        */ "NNYYYYYY";
    public const string AdminOnly = /*    */ "NNYNNNNN";
    public const string ReformEdit = /*   */ "NNYNNNYN";
    public const string Citizen = /*      */ "NYNNNNNN";
    public const string OwnDossier = /*   */ "NYYYYNNN";

    /// <summary>A multipart form with one text field and nothing else: passes the content-type check, fails validation.</summary>
    public const string Form = "multipart/form-data";

    /// <summary>An action that takes no body (resend a code, run a reconciliation): left out of the bad-body tests, fuzzed by route only.</summary>
    public const string NoBody = "no-body";

    public sealed record Row(string Key, string Url, string Expect, object? Body = null, string? ContentType = null, Func<Sample, object>? Valid = null);

    /// <summary>What a valid body may depend on: who sends it, the demo rows, and a number unique to the request.</summary>
    public sealed record Sample(string Principal, IReadOnlyDictionary<string, string> Values, int Number)
    {
        public int Index => Array.IndexOf(Principals.All, Principal);

        /// <summary>The principal's own copy of a value when the row made one for it, else the shared value.</summary>
        public string Value(string key) => EndpointCatalog.ValueFor(Values, key, Principal);
    }

    private static string Day(Sample s, int year) => new DateOnly(year, 1, 1).AddDays(s.Number % 360).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Phone(Sample s) => "0908" + (100000 + s.Number).ToString(System.Globalization.CultureInfo.InvariantCulture)[^6..];

    private static string N(Sample s) => s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static MultipartFormDataContent Multipart(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private static MultipartFormDataContent WithPdf(MultipartFormDataContent form, string field, string name)
    {
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("%PDF-1.4 minh chứng " + name));
        file.Headers.ContentType = new("application/pdf");
        form.Add(file, field, name);
        return form;
    }

    /// <summary>Request body that reaches the dossier role check: only the desk may ask for a supplement on a received dossier.</summary>
    private static readonly object Correction = new { reason = "Sai số điện thoại (kiểm thử phân quyền)", applicant = new { phone = "0987654321" } };

    private static readonly object SupplementRequest = new { action = "request-supplement", note = "Thiếu bản sao giấy tờ (kiểm thử phân quyền)" };

    /// <summary>A complete desk intake at 584.MC (district one-stop desk).</summary>
    public static readonly object Intake = new
    {
        procedureCode = "2.000815",
        unitCode = "584.MC",
        channel = "direct",
        applicant = new { fullName = "Chamaléa Thị Mỹ Hường", idNumber = "058090001234", phone = "0912345678", address = "Thôn Ma Hoa, xã Phước Bình" },
        documents = "{documents}",
    };

    public static readonly Row[] Table =
    [
        // Shell
        new("GET /language", "/language?c=vi&returnUrl=/", Public),
        new("GET /health", "/health", Public),
        new("GET /openapi/{documentName}.json", "/openapi/v1.json", Public),
        new("GET /api-docs/{documentName?}", "/api-docs", Public),
        new("GET /api-docs/scalar.js", "/api-docs/scalar.js", Public),
        new("GET /api-docs/scalar.aspnetcore.js", "/api-docs/scalar.aspnetcore.js", Public),
        new("GET /api-docs/favicon.svg", "/api-docs/favicon.svg", Public),
        new("GET /{**path:file}", "/css/site.css", Public),

        // Accounts
        new("POST /api/v1/auth/token", "/api/v1/auth/token", Public,
            Valid: s => new { username = Principals.Account(s.Principal) ?? "congdan", password = MotCua.Testing.AppFactory.DemoPassword }),
        new("GET /api/v1/me", "/api/v1/me", SignedIn),

        // Organisation
        new("GET /api/v1/units", "/api/v1/units", Staff),
        new("GET /api/v1/units/{code}", "/api/v1/units/584.MC", "NNYYYNNN"),
        new("POST /api/v1/units", "/api/v1/units", AdminOnly,
            Valid: s => new { code = "584.KT" + N(s), name = "Tổ kiểm thử " + N(s), kind = "office", parentCode = "584", validFrom = "2024-01-01" }),

        // Calendar
        new("GET /api/v1/calendar/due-date", "/api/v1/calendar/due-date?receivedOn=2025-06-03&workingDays=5", Public),
        new("GET /api/v1/calendar/days", "/api/v1/calendar/days?year=2025", Staff),
        new("POST /api/v1/calendar/days", "/api/v1/calendar/days", AdminOnly, Valid: s => new { date = Day(s, 2099), kind = "holiday", name = "Ngày nghỉ kiểm thử", source = "test" }),
        new("DELETE /api/v1/calendar/days/{date}", "/api/v1/calendar/days/2099-01-02", AdminOnly),
        new("POST /api/v1/calendar/import", "/api/v1/calendar/import", AdminOnly, "date,name,kind,source\n", "text/csv"),

        // Procedures
        new("GET /api/v1/procedures", "/api/v1/procedures?q=chung+thuc", Public),
        new("GET /api/v1/procedures/export.csv", "/api/v1/procedures/export.csv", Public),
        new("GET /api/v1/procedures/export.xlsx", "/api/v1/procedures/export.xlsx", Public),
        new("GET /api/v1/procedures/{code}", "/api/v1/procedures/2.000815", Public),
        new("POST /api/v1/procedures/import", "/api/v1/procedures/import", AdminOnly, "code\n", "text/csv",
            Valid: s => new StringContent("code,name,field,level,days,fee_vnd,online,documents,source\n"
                + $"KT.N{N(s)},Thủ tục nhập kiểm thử {N(s)},Chứng thực,xã,5,0,,Đơn đề nghị [1 bản chính],kiểm thử phân quyền\n", System.Text.Encoding.UTF8, "text/csv")),
        new("POST /api/v1/procedures", "/api/v1/procedures", AdminOnly,
            Valid: s => new { code = "KT.C" + N(s), name = "Thủ tục kiểm thử " + N(s), field = "Chứng thực", levels = "xã", processingDays = 5 }),
        // {procedureToEdit}: a procedure the matrix creates, so that the demo catalogue keeps its versions.
        new("PUT /api/v1/procedures/{code}", "/api/v1/procedures/{procedureToEdit}", AdminOnly,
            Valid: s => new { name = "Thủ tục kiểm thử (sửa " + N(s) + ")", field = "Chứng thực", levels = "xã", processingDays = 7 }),

        // Dossiers
        new("POST /api/v1/dossiers", "/api/v1/dossiers", "NRRRYRNR", Intake),
        new("GET /api/v1/dossiers", "/api/v1/dossiers", SignedIn),
        new("GET /api/v1/dossiers/{code}", "/api/v1/dossiers/{dossier}", "NNYYYNNN"),
        new("GET /api/v1/dossiers/{code}/history", "/api/v1/dossiers/{dossier}/history", "NNYYYNNN"),
        new("POST /api/v1/dossiers/{code}/actions", "/api/v1/dossiers/{dossier}/actions", "NNNNYNNN", SupplementRequest),
        new("GET /api/v1/dossiers/{code}/forms/{form}", "/api/v1/dossiers/{dossier}/forms/01.html", "NNYYYNNN"),
        new("GET /api/v1/reports/tracking-book", "/api/v1/reports/tracking-book?from=2025-06-01&to=2025-06-30&format=html", Staff),
        new("GET /api/v1/tracking/{code}", "/api/v1/tracking/{dossier}?verifier=1234", Public),
        new("GET /api/v1/admin/history/verify", "/api/v1/admin/history/verify", AdminOnly),

        // Reform plan
        new("GET /api/v1/plans", "/api/v1/plans", Staff),
        new("GET /api/v1/plans/{id:int}", "/api/v1/plans/{plan}", Staff),
        new("GET /api/v1/plans/{id:int}/tasks", "/api/v1/plans/{plan}/tasks", Staff),
        new("GET /api/v1/plans/{id:int}/targets", "/api/v1/plans/{plan}/targets", Staff),
        new("POST /api/v1/plans", "/api/v1/plans", ReformEdit,
            Valid: s => new { title = "Kế hoạch kiểm thử " + s.Number, decisionNumber = "KT/" + s.Number, issuingUnitCode = "584", periodFrom = 2026, periodTo = 2030 }),
        new("PUT /api/v1/plans/{id:int}", "/api/v1/plans/{plan}", ReformEdit,
            Valid: s => new { title = "Kế hoạch CCHC (kiểm thử " + s.Number + ")", decisionNumber = "KT/" + s.Number, issuingUnitCode = "584", periodFrom = 2021, periodTo = 2025 }),
        new("POST /api/v1/plans/{id:int}/tasks", "/api/v1/plans/{plan}/tasks", ReformEdit, Valid: s => new { sectionCode = "IX", sectionTitle = "Nhiệm vụ kiểm thử", number = "9." + s.Number, text = "Rà soát quy trình (kiểm thử)", product = "Báo cáo", timing = "Quý IV", leadText = "Phòng Nội vụ", partnersText = "Các xã" }),
        new("PUT /api/v1/plans/{id:int}/tasks/{taskId:int}", "/api/v1/plans/{taskPlan}/tasks/{task}", ReformEdit, Valid: s => new { sectionCode = "IX", sectionTitle = "Nhiệm vụ kiểm thử", number = "9." + s.Number, text = "Rà soát quy trình (kiểm thử)", product = "Báo cáo", timing = "Quý IV", leadText = "Phòng Nội vụ", partnersText = "Các xã" }),
        new("POST /api/v1/plans/{id:int}/targets", "/api/v1/plans/{plan}/targets", ReformEdit,
            Valid: s => new { code = "KT" + N(s), text = "Chỉ tiêu kiểm thử " + N(s), value = 80, unit = "%", comparison = "at-least", year = 2025 }),
        new("PUT /api/v1/plans/{id:int}/targets/{targetId:int}", "/api/v1/plans/{targetPlan}/targets/{targetToEdit}", ReformEdit,
            Valid: s => new { code = s.Value("targetToEdit.code"), text = "Chỉ tiêu kiểm thử (sửa " + N(s) + ")", value = 90, unit = "%", comparison = "at-least", year = 2025 }),
        // Corrections (issue 20.7): the desk of the receiving unit corrects; whoever sees the dossier reads the versions.
        new("POST /api/v1/dossiers/{code}/corrections", "/api/v1/dossiers/{dossier}/corrections", "NNNNYNNN", Correction),
        new("GET /api/v1/dossiers/{code}/corrections", "/api/v1/dossiers/{dossier}/corrections", "NNYYYNNN"),
        // Periods open only for units in force on the test clock (early 2025) and after it: Khánh Hòa (56) for the
        // administrator; Phòng Nội vụ's scope is the district, which ends on 30/06/2025, so it is refused there.
        new("POST /api/v1/plans/{id:int}/carry-forward", "/api/v1/plans/{plan}/carry-forward", "NNYNNNRN",
            Valid: s => new { unitCode = "56", year = 2026 + (s.Number % 10) }),
        new("GET /api/v1/reform/files/{sha}", "/api/v1/reform/files/{sha}", "NNYYNYYN"), // a report of 584.TCKH: its unit, the district leader, Phòng Nội vụ

        new("GET /api/v1/occurrences/{id:int}", "/api/v1/occurrences/{occurrence}", Staff),
        new("PUT /api/v1/occurrences/{id:int}", "/api/v1/occurrences/{occurrence}", ReformEdit, new { progress = "in-progress" }),
        new("POST /api/v1/occurrences/{id:int}/entries", "/api/v1/occurrences/{occurrence}/entries", "NNYNNYYY", Form,
            Valid: s => Multipart(("text", "Đã triển khai (kiểm thử " + s.Number + ")"))),
        new("GET /api/v1/reform/inspections", "/api/v1/reform/inspections", Staff),
        new("GET /api/v1/reform/inspections/counts", "/api/v1/reform/inspections/counts?year=2025", Staff),
        new("POST /api/v1/reform/inspections", "/api/v1/reform/inspections", ReformEdit,
            Valid: s => new { unitCode = "584.MC", scheduledOn = Day(s, 2026), surprise = false, inspectors = "Tổ kiểm tra " + s.Number }),
        new("PUT /api/v1/reform/inspections/{id:int}", "/api/v1/reform/inspections/{inspection}", ReformEdit,
            Valid: s => new { unitCode = "584.MC", scheduledOn = "2025-06-10", heldOn = "2025-06-02", surprise = true, inspectors = "Tổ kiểm tra " + s.Number, findings = "Đủ niêm yết" }),
        new("POST /api/v1/reform/inspections/{id:int}/follow-ups", "/api/v1/reform/inspections/{inspection}/follow-ups", ReformEdit,
            Valid: s => new { action = "Bổ sung niêm yết " + s.Number, deadline = "2025-07-31" }),
        new("GET /api/v1/reform/reports/obligations", "/api/v1/reform/reports/obligations", Staff),
        new("GET /api/v1/reform/reports", "/api/v1/reform/reports?year=2025", Staff),
        // Reports come from the units that report to Phòng Nội vụ: the province, the district and its one-stop desk are told they do not.
        new("POST /api/v1/reform/reports", "/api/v1/reform/reports", "NNRRRYYY", Form,
            Valid: s => WithPdf(Multipart(("kind", "monthly"), ("year", "2024"), ("period", (1 + (s.Number % 12)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("text", "Báo cáo tháng (kiểm thử)")), "files", "bao-cao.pdf")),
        new("POST /api/v1/reform/reports/{id:int}/review", "/api/v1/reform/reports/{report}/review", ReformEdit, Valid: s => new { accept = s.Index % 2 == 0, note = "Xét duyệt " + s.Number }),
        new("GET /api/v1/reform/reports/late", "/api/v1/reform/reports/late?on=2025-06-03", Staff),
        new("GET /api/v1/reform/reports/reminders", "/api/v1/reform/reports/reminders?on=2025-06-03", Staff),
        new("GET /api/v1/reform/overview", "/api/v1/reform/overview?year=2025", Staff),
        new("GET /api/v1/reform/overview.xlsx", "/api/v1/reform/overview.xlsx?year=2025", Staff),
        new("GET /api/v1/reform/evaluation/schemes", "/api/v1/reform/evaluation/schemes", Staff),
        new("GET /api/v1/reform/evaluation/schemes/{id:int}/results", "/api/v1/reform/evaluation/schemes/{scheme}/results", Staff),
        new("GET /api/v1/reform/evaluation/schemes/{id:int}/results.xlsx", "/api/v1/reform/evaluation/schemes/{scheme}/results.xlsx", Staff),
        // Self-assessed by the offices and communes under the district; the others reach the handler and are told their unit is not assessed.
        new("POST /api/v1/reform/evaluation/schemes/{id:int}/self-assessments", "/api/v1/reform/evaluation/schemes/{scheme}/self-assessments", "NNRRRYYY", Form,
            Valid: s => Multipart(("criterionCode", s.Values["leaf"]), ("score", "0.5"))),
        new("PUT /api/v1/reform/evaluation/schemes/{id:int}/appraisals", "/api/v1/reform/evaluation/schemes/{scheme}/appraisals", ReformEdit,
            Valid: s => new { unitCode = "584.TCKH", criterionCode = s.Values["leaf"], score = s.Index == 2 ? 0.25m : 0.5m }),

        // Queue and bookings at the desk ({counter} is counter A of 584.MC, {ticket} a ticket issued there)
        new("GET /api/v1/queue/units/{code}/slots", "/api/v1/queue/units/584.MC/slots?date=2025-06-05", Public),
        new("POST /api/v1/queue/bookings", "/api/v1/queue/bookings", Public,
            Valid: s => new { slotId = int.Parse(s.Values["slots"].Split(',')[s.Index], System.Globalization.CultureInfo.InvariantCulture), procedureCode = "2.000815", fullName = "Người đặt lịch " + s.Number, phone = Phone(s) }),
        new("POST /api/v1/queue/bookings/{code}/cancel", "/api/v1/queue/bookings/{booking}/cancel", Public, new { phoneLast4 = "9999" },
            Valid: s => new { phoneLast4 = s.Value("booking.last4") }),
        new("GET /api/v1/queue/units/{code}/display", "/api/v1/queue/units/584.MC/display", Public),
        new("GET /api/v1/queue/counters", "/api/v1/queue/counters", Staff),
        new("GET /api/v1/queue/counters/{id:int}/tickets", "/api/v1/queue/counters/{counter}/tickets", "NNYYYNNN"),
        // A counter of 584.MC: the staff whose scope covers it call and issue; for the others it does not exist (404), or is not theirs to issue at (400).
        new("POST /api/v1/queue/tickets/call-next", "/api/v1/queue/tickets/call-next", "NNYYYNNN", Valid: s => new { counterId = int.Parse(s.Values["counter"], System.Globalization.CultureInfo.InvariantCulture) }),
        new("POST /api/v1/queue/tickets", "/api/v1/queue/tickets", "NNYYYRRR", Valid: s => new { counterId = int.Parse(s.Values["counter"], System.Globalization.CultureInfo.InvariantCulture) }),
        new("GET /api/v1/queue/tickets/{id:long}", "/api/v1/queue/tickets/{ticket}", "NNYYYNNN"),
        new("POST /api/v1/queue/tickets/{id:long}/actions", "/api/v1/queue/tickets/{ticketToAct}/actions", "NNYYYNNN", Valid: s => new { action = "no-show" }),
        new("GET /api/v1/queue/stats", "/api/v1/queue/stats", Staff),

        // Portal (citizen accounts; {mine} is a dossier whose applicant is the demo citizen, {draft} and {draftToDelete} the citizen's drafts)
        new("POST /api/v1/portal/sign-up", "/api/v1/portal/sign-up", Public,
            Valid: s => new { accountType = "citizen", fullName = "Đàng Văn Mới " + s.Number, idNumber = "0580933" + (10000 + s.Number).ToString(System.Globalization.CultureInfo.InvariantCulture)[^5..], phone = Phone(s), channel = "sms", password = "Moi@2025abcd" }),
        // The code is read from the fake phone when the sign-up is made (SecurityApp.Captured).
        new("POST /api/v1/portal/sign-up/{id:guid}/verify", "/api/v1/portal/sign-up/{signUpToVerify}/verify", Public, Valid: s => new { code = s.Value("signUpToVerify.code") }),
        new("POST /api/v1/portal/sign-up/{id:guid}/resend", "/api/v1/portal/sign-up/{signUpToResend}/resend", Public, NoBody),
        new("GET /api/v1/portal/procedures/{code}/form", "/api/v1/portal/procedures/2.000815/form", Citizen),
        new("GET /api/v1/me/documents", "/api/v1/me/documents", Citizen),
        new("GET /api/v1/me/drafts", "/api/v1/me/drafts", Citizen),
        new("POST /api/v1/me/drafts", "/api/v1/me/drafts", Citizen, Valid: s => new { procedureCode = "2.000815", unitCode = "584.MC", fullName = "Chamaléa Thị Dân" }),
        new("GET /api/v1/me/drafts/{id:guid}", "/api/v1/me/drafts/{draft}", Citizen),
        new("PUT /api/v1/me/drafts/{id:guid}", "/api/v1/me/drafts/{draft}", Citizen, Valid: s => new { fullName = "Chamaléa Thị Dân " + s.Number, address = "Thôn Ma Hoa" }),
        new("DELETE /api/v1/me/drafts/{id:guid}", "/api/v1/me/drafts/{draftToDelete}", Citizen),
        new("POST /api/v1/me/drafts/{id:guid}/submit", "/api/v1/me/drafts/{draftToSubmit}/submit", Citizen, NoBody),
        new("POST /api/v1/files", "/api/v1/files", SignedIn, Form, Valid: s => WithPdf(new MultipartFormDataContent(), "file", "giay-to-" + s.Number + ".pdf")),
        new("GET /api/v1/files/{id:length(32)}", "/api/v1/files/{upload}", "NNNNYNNN"),
        // Signature verification for anyone (issue 23.4): a signed PDF in, a report out; nothing stored.
        new("POST /api/v1/signatures/verify", "/api/v1/signatures/verify", Public, Form, Valid: s =>
            {
                var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(Signing.SignedSamples.Pdf);
                file.Headers.ContentType = new("application/pdf");
                form.Add(file, "file", "van-ban-" + s.Number + ".pdf");
                return form;
            }),
        new("POST /api/v1/assisted-submissions", "/api/v1/assisted-submissions", "NNNNYNNR", Intake),
        new("POST /api/v1/assisted-submissions/{id:long}/confirm", "/api/v1/assisted-submissions/{assisted}/confirm", "NNNNYNNN", Valid: s => new { code = s.Value("assisted.code") }),
        new("POST /api/v1/dossiers/{code}/result-file", "/api/v1/dossiers/{dossier}/result-file", "NNRRRNNN", Form),
        new("GET /api/v1/decision-reasons", "/api/v1/decision-reasons", Staff),
        // The population-database check: staff only; here no register is connected, so the handler answers 409 and stores nothing.
        // Webhook subscriptions are a machine client's own: every person is refused (issue 26.3).
        new("POST /api/v1/webhooks", "/api/v1/webhooks", "NNNNNNNN", Valid: s => new { url = "https://lgsp.example.vn/hooks", events = new[] { "dossier.received" } }),
        new("GET /api/v1/webhooks", "/api/v1/webhooks", "NNNNNNNN"),
        new("DELETE /api/v1/webhooks/{id:long}", "/api/v1/webhooks/1", "NNNNNNNN"),
        new("GET /api/v1/webhooks/{id:long}/deliveries", "/api/v1/webhooks/1/deliveries", "NNNNNNNN"),
        new("POST /api/v1/webhooks/deliveries/{deliveryId:long}/replay", "/api/v1/webhooks/deliveries/1/replay", "NNNNNNNN", NoBody),
        new("POST /api/v1/citizen-checks", "/api/v1/citizen-checks", "NNRRRRRR", Valid: s => new { idNumber = "058090001234", fullName = "Nguyễn Văn An", birthDate = "1990-05-12", consent = true }),

        // Payments
        // {toPay}: a dossier of the citizen awaiting its fee; the administrator and the leader see it but may not start a payment.
        new("POST /api/v1/dossiers/{code}/payments", "/api/v1/dossiers/{toPay}/payments", "NYNNYNNN", NoBody),
        new("GET /api/v1/dossiers/{code}/payments", "/api/v1/dossiers/{mine}/payments", OwnDossier),
        new("GET /api/v1/payments/ipn", "/api/v1/payments/ipn?vnp_TxnRef=x", Public),
        new("GET /api/v1/payments/{reference}/receipt.pdf", "/api/v1/payments/{receipt}/receipt.pdf", OwnDossier),
        new("GET /api/v1/payments/issues", "/api/v1/payments/issues", AdminOnly),
        new("POST /api/v1/payments/issues/{id:long}/resolve", "/api/v1/payments/issues/{paymentIssue}/resolve", AdminOnly,
            Valid: s => new { note = "Đã đối chiếu sao kê ngân hàng (kiểm thử " + N(s) + ")" }),
        new("POST /api/v1/payments/reconcile", "/api/v1/payments/reconcile", AdminOnly, NoBody),

        // Results and feedback
        new("GET /api/v1/dossiers/{code}/result", "/api/v1/dossiers/{mine}/result", OwnDossier),
        // {withResult}: a dossier of the citizen whose electronic result is signed and already downloaded once (so a read stores nothing).
        new("GET /api/v1/dossiers/{code}/result.pdf", "/api/v1/dossiers/{withResult}/result.pdf", OwnDossier),
        // The citizen or the one-stop desk records a postal return; the leaders reach the handler and are refused.
        new("POST /api/v1/dossiers/{code}/result-delivery", "/api/v1/dossiers/{mine}/result-delivery", "NYRRYNNN",
            Valid: s => new { recipientName = "Chamaléa Thị Mỹ Hường", phone = "0912345678", address = "Thôn Ma Hoa, xã Phước Bình, huyện Bác Ái" }),
        new("GET /api/v1/dossiers/{code}/rating", "/api/v1/dossiers/{mine}/rating", OwnDossier),
        // {toRate}: a returned dossier of the citizen, not rated yet; the desk rates at the kiosk with the applicant's verifier, so here it is refused.
        new("POST /api/v1/dossiers/{code}/rating", "/api/v1/dossiers/{toRate}/rating", "NYNNRNNN",
            Valid: s => new { overall = 5, time = 4, contacts = 1, attitude = 5, transparency = 4, comment = "Cán bộ hướng dẫn tận tình (kiểm thử)" }),
        new("POST /api/v1/feedback", "/api/v1/feedback", Public,
            Valid: s => new { kind = "suggestion", subject = "Góp ý " + s.Number, content = "Đề nghị niêm yết thêm (kiểm thử).", senderName = "Người góp ý", senderPhone = Phone(s), unitCode = "584.MC" }),
        new("GET /api/v1/feedback/published", "/api/v1/feedback/published", Public),
        new("GET /api/v1/feedback", "/api/v1/feedback", Staff),
        new("POST /api/v1/feedback/{number}/actions", "/api/v1/feedback/{feedbackToAct}/actions", "NNYYYNNN",
            Valid: s => new { action = "answer", text = "Đã chấn chỉnh, xin lỗi công dân (kiểm thử " + N(s) + ").", publish = false }),

        // Indicators, statistics, alarms
        new("GET /api/v1/indicators", "/api/v1/indicators", Staff),
        new("GET /api/v1/indicators/dossiers", "/api/v1/indicators/dossiers?indicator=received&from=2025-06-01&to=2025-06-30", Staff),
        new("GET /api/v1/indicators/report", "/api/v1/indicators/report", Staff),
        new("GET /api/v1/indicators/index766", "/api/v1/indicators/index766", Staff),
        new("GET /api/v1/open-data/indicators.csv", "/api/v1/open-data/indicators.csv", Public),
        new("POST /api/v1/dossiers/import", "/api/v1/dossiers/import", AdminOnly, "", "application/x-ndjson"),
        new("GET /api/v1/public-statistics", "/api/v1/public-statistics", Public),
        new("GET /api/v1/alarms", "/api/v1/alarms", Staff),
        new("GET /api/v1/workspace", "/api/v1/workspace", Staff),
        // National portal sync (issue 22): the matrix's app has no portal configured, so the retry is refused by the handler.
        new("GET /api/v1/integrations/dvcqg/status", "/api/v1/integrations/dvcqg/status", Staff),
        new("GET /api/v1/integrations/dvcqg/failures", "/api/v1/integrations/dvcqg/failures", Staff),
        new("POST /api/v1/integrations/dvcqg/dossiers/{code}/retry", "/api/v1/integrations/dvcqg/dossiers/{dossier}/retry", "NNRRRRRR", NoBody),

        // Meetings (issue 24): {meeting} is 584's meeting chaired by lanhdao with motcua invited; {heldMeeting} has signed minutes.
        // Everyone schedules in their own unit; the invitee and the chair answer (the administrator sees it but is not invited);
        // the organiser side (administrator, leader) records attendance and minutes, the invited desk is refused.
        new("POST /api/v1/meetings", "/api/v1/meetings", Staff,
            Valid: s => new { title = "Họp kiểm thử " + s.Number, chairName = "Chủ trì kiểm thử", start = "2025-06-10T08:00", durationMinutes = 60, place = "Phòng họp", online = false, inviteUsers = new[] { "motcua" } }),
        new("GET /api/v1/meetings", "/api/v1/meetings?from=2025-06-01&to=2025-06-30", Staff),
        new("GET /api/v1/meetings/{id:long}", "/api/v1/meetings/{meeting}", "NNYYYNNN"),
        new("POST /api/v1/meetings/{id:long}/responses", "/api/v1/meetings/{meeting}/responses", "NNRYYNNN", Valid: s => new { response = "accept" }),
        new("POST /api/v1/meetings/{id:long}/attendance", "/api/v1/meetings/{meeting}/attendance", "NNYYRNNN",
            Valid: s => new { entries = new[] { new { inviteeId = long.Parse(s.Values["meeting.invitee"], System.Globalization.CultureInfo.InvariantCulture), attendance = "present" } } }),
        new("POST /api/v1/meetings/{id:long}/minutes", "/api/v1/meetings/{meetingToMinute}/minutes", "NNYYRNNN", Valid: s => new { text = "Biên bản kiểm thử " + s.Number }),
        new("GET /api/v1/meetings/{id:long}/minutes.pdf", "/api/v1/meetings/{heldMeeting}/minutes.pdf", "NNYYYNNN"),
        new("POST /api/v1/meetings/tasks/{taskId:long}/done", "/api/v1/meetings/tasks/{meetingTask}/done", "NNYYYNNN", NoBody),
        // The personal link is the invitation: anyone holding it is sent to the room while its window is open.
        new("GET /api/v1/meetings/join/{key}", "/api/v1/meetings/join/{meetingKey}", Public),
        new("GET /api/v1/meetings/week", "/api/v1/meetings/week?unit=584&date=2025-06-03", Public),
        // A signed link is its own authorisation: a made-up token is the same 404 for everyone.
        new("GET /api/v1/files/public/{token}", "/api/v1/files/public/not-a-token", "NNNNNNNN"),
        new("GET /api/v1/ping", "/api/v1/ping", Public),

        // Reform plan additions
        new("GET /api/v1/plans/{id:int}/targets/{targetId:int}/measurements", "/api/v1/plans/{targetPlan}/targets/{target}/measurements", Staff),
        new("POST /api/v1/plans/{id:int}/targets/{targetId:int}/measurements", "/api/v1/plans/{targetPlan}/targets/{target}/measurements", ReformEdit, Form,
            Valid: s => WithPdf(Multipart(("value", (s.Number % 90).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("note", "Số liệu kiểm thử")), "file", "minh-chung.pdf")),
        new("GET /api/v1/plans/{id:int}/targets/{targetId:int}/measurements/{measurementId:int}/evidence",
            "/api/v1/plans/{targetPlan}/targets/{target}/measurements/{measurement}/evidence", Staff),
        new("GET /api/v1/reform/overview.pdf", "/api/v1/reform/overview.pdf?year=2025", Staff),
        new("GET /api/v1/reform/evaluation/schemes/{id:int}", "/api/v1/reform/evaluation/schemes/{scheme}", Staff),
        new("POST /api/v1/reform/evaluation/schemes", "/api/v1/reform/evaluation/schemes", ReformEdit, Valid: s => new { year = 2001 + s.Index, name = "Bộ tiêu chí kiểm thử", copyPrevious = false }),
        new("PUT /api/v1/reform/evaluation/schemes/{id:int}", "/api/v1/reform/evaluation/schemes/{scheme}", ReformEdit, Valid: s => new { name = "Bộ tiêu chí 2024 (kiểm thử " + s.Number + ")" }),
        new("POST /api/v1/reform/evaluation/schemes/{id:int}/criteria", "/api/v1/reform/evaluation/schemes/{scheme}/criteria", ReformEdit,
            Valid: s => new { code = s.Values["criterionCode"] + ".M" + s.Number, title = "Tiêu chí kiểm thử", parentCode = s.Values["criterionCode"], maxPoints = 0.5m, evidenceRequired = false }),
        new("PUT /api/v1/reform/evaluation/schemes/{id:int}/criteria/{criterionId:int}", "/api/v1/reform/evaluation/schemes/{scheme}/criteria/{criterionToEdit}", ReformEdit,
            Valid: s => new { code = s.Value("criterionToEdit.code"), title = "Tiêu chí kiểm thử (sửa " + N(s) + ")", parentCode = s.Values["criterionCode"], maxPoints = 0.5m, evidenceRequired = false }),
        new("DELETE /api/v1/reform/evaluation/schemes/{id:int}/criteria/{criterionId:int}", "/api/v1/reform/evaluation/schemes/{scheme}/criteria/{criterionToDelete}", ReformEdit),
        new("POST /api/v1/reform/evaluation/schemes/{id:int}/criteria/{criterionId:int}/move",
            "/api/v1/reform/evaluation/schemes/{scheme}/criteria/{criterion}/move", ReformEdit, Valid: s => new { direction = s.Index == 2 ? "down" : "up" }),

        // Operations
        new("GET /api/v1/admin/jobs", "/api/v1/admin/jobs", AdminOnly),

        // Pages (GET; their POST handlers share the page's authorization and need an antiforgery token, see AntiforgeryTests)
        new("PAGE /Index", "/", Public),
        new("PAGE /Accounts/Login", "/Account/Login", Public),
        new("PAGE /Accounts/Logout", "/Account/Logout", Public),
        new("PAGE /Accounts/Denied", "/Account/Denied", Public),
        new("PAGE /Tracking/Index", "/Tracking?code={dossier}&verifier=1234", Public),
        new("PAGE /Signing/Verify", "/Verify?code=KQ-KHONG-CO", Public),
        new("PAGE /Procedures/Index", "/Procedures", Public),
        new("PAGE /Procedures/Details", "/Procedures/Details?code=2.000815", Public),
        new("PAGE /Procedures/Admin/Edit", "/Procedures/Admin/Edit?code=2.000815", AdminOnly),
        new("PAGE /Calendar/Index", "/Calendar", Staff),
        new("PAGE /Calendar/DueDate", "/Calendar/DueDate?receivedOn=2025-06-03&workingDays=5", Public),
        new("PAGE /Organisation/Index", "/Organisation", Staff),
        new("PAGE /Workspace/Index", "/Staff", Staff),
        new("PAGE /Accounts/Users", "/Staff/Users", AdminOnly),
        new("PAGE /Accounts/Clients", "/Staff/Clients", AdminOnly),
        new("PAGE /Webhooks/Index", "/Staff/Webhooks", AdminOnly),
        new("PAGE /Dossiers/Index", "/Dossiers", Staff),
        new("PAGE /Dossiers/Details", "/Dossiers/Details?code={dossier}", "NNYYYNNN"),
        new("PAGE /Dossiers/Receive", "/Dossiers/Receive", "NNNNYNNY"),
        new("PAGE /Dossiers/Verify", "/Dossiers/Verify", AdminOnly),
        new("PAGE /Notifications/Index", "/Notifications", AdminOnly),
        new("PAGE /ReformPlan/Index", "/ReformPlan", Staff),
        new("PAGE /ReformPlan/Plan", "/ReformPlan/Plan?id={plan}", Staff),
        new("PAGE /ReformPlan/EditPlan", "/ReformPlan/EditPlan?id={plan}", ReformEdit),
        new("PAGE /ReformPlan/EditTask", "/ReformPlan/EditTask?planId={taskPlan}&id={task}", ReformEdit),
        new("PAGE /ReformPlan/EditTarget", "/ReformPlan/EditTarget?planId={targetPlan}&id={target}", ReformEdit),
        new("PAGE /ReformPlan/Occurrence", "/ReformPlan/Occurrence?id={occurrence}", Staff),
        new("PAGE /ReformPlan/Reports", "/ReformPlan/Reports", Staff),
        new("PAGE /ReformPlan/Inspections", "/ReformPlan/Inspections", Staff),
        new("PAGE /ReformPlan/Evaluation", "/ReformPlan/Evaluation", Staff),
        new("PAGE /ReformPlan/Overview", "/ReformPlan/Overview", Staff),
        new("PAGE /Portal/Index", "/Portal", Public),
        new("PAGE /Portal/SignUp", "/Portal/SignUp", Public),
        new("PAGE /Portal/Verify", "/Portal/Verify?id={signUp}", Public),
        new("PAGE /Portal/External", "/Portal/External", "NNNNNNNN"), // VNeID sign-in is not configured in tests: 404 for everyone
        new("PAGE /Portal/Mine", "/Portal/Mine", Citizen),
        new("PAGE /Portal/Documents", "/Portal/Documents", Citizen),
        new("PAGE /Portal/Submit", "/Portal/Submit?procedure=2.000815", Citizen),
        new("PAGE /Portal/Receipt", "/Portal/Receipt?code={mine}", Citizen),
        new("PAGE /Payments/Index", "/Payments?code={mine}", OwnDossier),
        new("PAGE /Payments/Return", "/Payments/Return", Public),
        new("PAGE /Payments/Sandbox/Pay", "/sandbox-gateway", Public),
        new("PAGE /Payments/Reconciliation", "/Payments/Reconciliation", AdminOnly),
        new("PAGE /NationalPortal/Index", "/NationalPortal", Staff),
        new("PAGE /Meetings/Index", "/Meetings", Staff),
        new("PAGE /Meetings/Schedule", "/Meetings/Schedule", Staff),
        new("PAGE /Meetings/Details", "/Meetings/Details?id={meeting}", "NNYYYNNN"),
        new("PAGE /Meetings/Week", "/Meetings/Week?unit=584", Public),
        new("PAGE /Results/Index", "/Results?code={mine}", OwnDossier),
        new("PAGE /Results/Postal", "/Results/Postal", Staff),
        new("PAGE /Feedback/Index", "/Feedback", Public),
        new("PAGE /Feedback/Send", "/Feedback/Send", Public),
        new("PAGE /Feedback/Rate", "/Feedback/Rate?code={mine}", OwnDossier),
        new("PAGE /Feedback/Staff", "/Feedback/Staff", Staff),
        new("PAGE /Feedback/Kiosk", "/Feedback/Kiosk", Staff),
        new("PAGE /Indicators/Index", "/Indicators", Staff),
        new("PAGE /Indicators/Public", "/Indicators/Public", Public),
        new("PAGE /Alarms/Index", "/Alarms", Staff),
        new("PAGE /Alarms/Admin", "/Alarms/Admin", AdminOnly),
        new("PAGE /Dossiers/Admin/Reasons", "/Dossiers/Admin/Reasons", AdminOnly),
        new("PAGE /Dossiers/Admin/HandOver", "/Dossiers/Admin/HandOver", AdminOnly),
        new("PAGE /ReformPlan/Schemes", "/ReformPlan/Schemes", ReformEdit),
        new("PAGE /ReformPlan/Scheme", "/ReformPlan/Scheme?id={scheme}", ReformEdit),
        new("PAGE /ReformPlan/EditCriterion", "/ReformPlan/EditCriterion?schemeId={scheme}&id={criterion}", ReformEdit),
        new("PAGE /Security/Index", "/Security", AdminOnly),
        new("PAGE /Operations/Index", "/Operations", AdminOnly),
        new("PAGE /Queue/Book", "/Queue/Book?unit=584.MC", Public),
        new("PAGE /Queue/Display", "/Queue/Display?unit=584.MC", Public),
        new("PAGE /Queue/Kiosk", "/Queue/Kiosk", Staff),
        new("PAGE /Queue/Desk", "/Queue/Desk", Staff),
        new("PAGE /Queue/Stats", "/Queue/Stats", Staff),
        new("PAGE /Assisted/Desk", "/Assisted/Desk", "NNNNYNNY"),

        // Issue 23: registers, processing and work files. {docToAssign}, {heldDoc}, {workfile}, {workTask} and {workToClose} are made at 584.MC.
        new("POST /api/v1/documents/incoming", "/api/v1/documents/incoming", Staff, Valid: s => new
        {
            issuer = "UBND tỉnh", notation = $"{s.Number}/UBND-VP", issuedOn = "2025-01-02", type = "CV", subject = "Văn bản đến kiểm thử " + N(s), signer = "Người ký",
        }),
        new("POST /api/v1/documents/outgoing", "/api/v1/documents/outgoing", Staff, Valid: s => new
        {
            type = "TB", issuer = "UBND huyện Bác Ái", issuerAbbreviation = "UBND", subject = "Thông báo kiểm thử " + N(s), signer = "Người ký",
        }),
        new("GET /api/v1/documents", "/api/v1/documents?q=kiem+thu", Staff),
        new("GET /api/v1/documents/{id:long}", "/api/v1/documents/{docToAssign}", "NNYYYNNN"),
        // Only a leader (or the administrator) assigns; the desk reaches the handler and is refused (409).
        new("POST /api/v1/documents/{id:long}/assignments", "/api/v1/documents/{docToAssign}/assignments", "NNYYRNNN",
            Valid: s => new { holders = new[] { new { userName = "motcua", role = "chu-tri" } }, workingDays = 2 }),
        // Only the holder (motcua) records progress; others who see the document are refused (409).
        new("POST /api/v1/documents/{id:long}/progress", "/api/v1/documents/{heldDoc}/progress", "NNRRYNNN", Valid: s => new { note = "Tiến độ " + N(s), close = true }),
        // Outgoing drafts: anyone on the staff drafts; a leader of the unit signs or returns (the desk is refused, 409); only the
        // drafter (motcua) sends a returned draft again; the clerk (desk, or the administrator) issues a signed one (the leader is refused).
        new("POST /api/v1/documents/drafts", "/api/v1/documents/drafts", Staff, Valid: s => new
        {
            type = "CV", issuer = "UBND huyện Bác Ái", issuerAbbreviation = "UBND", subject = "Dự thảo kiểm thử " + N(s), signer = "Người ký", text = "Nội dung " + N(s),
        }),
        new("GET /api/v1/documents/drafts", "/api/v1/documents/drafts", Staff),
        new("POST /api/v1/documents/{id:long}/sign", "/api/v1/documents/{draftToSign}/sign", "NNYYRNNN", NoBody),
        new("POST /api/v1/documents/{id:long}/return", "/api/v1/documents/{draftToReturn}/return", "NNYYRNNN", Valid: s => new { note = "Sửa lại " + N(s) }),
        new("POST /api/v1/documents/{id:long}/resubmit", "/api/v1/documents/{draftReturned}/resubmit", "NNRRYNNN", Valid: s => new { text = "Bản sửa " + N(s) }),
        new("POST /api/v1/documents/{id:long}/issue", "/api/v1/documents/{draftSigned}/issue", "NNYRYNNN", NoBody),
        // Issue 23.5, edXML: {docToSend} is an issued outgoing document of 584.MC, {docSent} one already sent to 22792, {docReceived} one received over edXML.
        new("GET /api/v1/documents/{id:long}/edxml", "/api/v1/documents/{docToSend}/edxml?to=22792", "NNYYYNNN"),
        // Each principal posts a package signed by another organ to the units of the demo tree; it registers in those of its own scope.
        new("POST /api/v1/documents/edxml", "/api/v1/documents/edxml", "NNYYYYYY", Valid: s => EndpointCatalog.EdxmlPackage(s.Number)),
        new("POST /api/v1/documents/{id:long}/send", "/api/v1/documents/{docToSend}/send", "NNYYYNNN", Valid: s => new { recipients = new[] { "22792" } }),
        new("POST /api/v1/documents/{id:long}/recall", "/api/v1/documents/{docSent}/recall", "NNYYYNNN", Valid: s => new { reason = "Thu hồi kiểm thử " + N(s) }),
        new("POST /api/v1/documents/{id:long}/refuse", "/api/v1/documents/{docReceived}/refuse", "NNYYYNNN", Valid: s => new { reason = "Từ chối kiểm thử " + N(s) }),
        new("POST /api/v1/workfiles", "/api/v1/workfiles", Staff, Valid: s => new { title = "Hồ sơ công việc " + N(s) }),
        new("GET /api/v1/workfiles", "/api/v1/workfiles", Staff),
        new("GET /api/v1/workfiles/{id:long}", "/api/v1/workfiles/{workfile}", "NNYYYNNN"),
        new("POST /api/v1/workfiles/{id:long}/items", "/api/v1/workfiles/{workfile}/items", "NNYYYNNN", Valid: s => new { kind = "note", text = "Ghi chú " + N(s) }),
        new("POST /api/v1/workfiles/{id:long}/items/{itemId:long}/done", "/api/v1/workfiles/{workTask}/items/{workTask.item}/done", "NNYYYNNN", NoBody),
        new("POST /api/v1/workfiles/{id:long}/close", "/api/v1/workfiles/{workToClose}/close", "NNYYYNNN", Valid: s => new { medium = "electronic" }),
        new("PAGE /Documents/Index", "/Documents", Staff),
        new("PAGE /Documents/Details", "/Documents/Details?id={docToAssign}", "NNYYYNNN"),
        new("PAGE /Documents/Exchange", "/Documents/Exchange?id={docToSend}", "NNYYYNNN"),
        new("PAGE /Documents/Register", "/Documents/Register", Staff),
        new("PAGE /Documents/Issue", "/Documents/Issue", Staff),
        new("PAGE /Documents/Draft", "/Documents/Draft", Staff),
        new("PAGE /Documents/WorkFiles", "/Documents/WorkFiles", Staff),
        new("PAGE /Documents/WorkFile", "/Documents/WorkFile?id={workfile}", "NNYYYNNN"),
    ];

}
