using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The desk officer's intake form: choose the procedure, tick the documents received, enter the applicant.</summary>
[Authorize(Roles = Roles.Desk)]
public sealed class ReceiveModel(
    AppDbContext db, ReceiveDossier receive, TimeProvider time, Queue.QueueReads queue, Queue.AttachDossierToTicket attachToTicket,
    SaveUpload uploads, IConfiguration config, IEnumerable<IStoredDocumentSource> stores, CitizenData.CheckCitizen citizenChecks) : PageModel
{
    /// <summary>The queue ticket the officer is serving: its dossier code is recorded on it (issue 11 item 4).</summary>
    [BindProperty(SupportsGet = true, Name = "ticket")] public long? TicketId { get; set; }

    [BindProperty(SupportsGet = true, Name = "procedure")] public string? ProcedureCode { get; set; }
    [BindProperty] public Channel? Channel { get; set; }
    [BindProperty] public string? PostalTrackingNumber { get; set; }
    [BindProperty] public ApplicantForm Applicant { get; set; } = new();
    [BindProperty] public List<string> Documents { get; set; } = [];

    /// <summary>Files already uploaded for a component (by its index in the procedure's list), kept when the form comes back with errors.</summary>
    [BindProperty] public Dictionary<int, string> FileIds { get; set; } = [];

    /// <summary>The stored document reused for a component: "dossier:{id}" (an earlier component) or "store:{id}" (the personal store).</summary>
    [BindProperty] public Dictionary<int, string> Reuse { get; set; } = [];

    /// <summary>"Công dân đồng ý sử dụng lại giấy tờ đã nộp": required when a component is reused.</summary>
    [BindProperty] public bool ReuseConsent { get; set; }

    /// <summary>The applicant's earlier documents the officer may reuse, found by the ID number or tax code typed.</summary>
    public ReusableDocument[] Offers { get; private set; } = [];

    /// <summary>One key per intake form: a resubmission (double click, the offline queue replayed) returns the first dossier.</summary>
    [BindProperty] public string? IdempotencyKey { get; set; }
    [BindProperty] public bool IdentityVerified { get; set; }

    /// <summary>The applicant agreed to the lookup in the population database (asked before every check).</summary>
    [BindProperty] public bool CitizenDataConsent { get; set; }

    /// <summary>The matching check made on this form, carried to the intake (hidden field).</summary>
    [BindProperty] public Guid? CitizenCheckId { get; set; }

    /// <summary>The answer of the check just made, shown beside the applicant's fields.</summary>
    public CitizenData.CitizenCheckView? CitizenCheck { get; private set; }

    public bool CitizenDataEnabled => citizenChecks.Enabled;

    public List<Procedure> Procedures { get; private set; } = [];
    public Procedure? Procedure { get; private set; }
    /// <summary>Set when the officer's unit no longer exists today (e.g. a district desk after 1/7/2025): why the list is empty.</summary>
    public OrgUnit? EndedUnit { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string[] Missing { get; private set; } = [];
    public string? Refusal { get; private set; }

    public sealed class ApplicantForm
    {
        public string? FullName { get; set; }
        public string? IdNumber { get; set; }
        public string? TaxCode { get; set; }
        public DateOnly? BirthDate { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Address { get; set; }
    }

    public static string FieldId(string field) => field.Replace('.', '-');

    public IEnumerable<(string Name, string Label, string Type, string? Value)> ApplicantFields() =>
    [
        ("FullName", "Họ và tên", "text", Applicant.FullName),
        ("IdNumber", "Số định danh cá nhân (12 số)", "text", Applicant.IdNumber),
        ("TaxCode", "Mã số thuế (tổ chức, doanh nghiệp)", "text", Applicant.TaxCode),
        ("BirthDate", "Ngày sinh", "date", Applicant.BirthDate?.ToString("yyyy-MM-dd")),
        ("Phone", "Số điện thoại", "tel", Applicant.Phone),
        ("Email", "Thư điện tử", "email", Applicant.Email),
        ("Address", "Địa chỉ", "text", Applicant.Address),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        IdempotencyKey = Guid.NewGuid().ToString();
        if (TicketId is { } ticket && await queue.ApplicantForTicketAsync(ticket, User, ct) is { } booked)
        {
            Applicant.FullName ??= booked.Name;
            Applicant.Phone ??= booked.Phone;
        }

        await LoadAsync(ct);
    }

    public string? FileError(int index) =>
        Errors.TryGetValue($"documents[{index}].fileId", out var e) || Errors.TryGetValue($"documents[{index}]", out e)
        || Errors.TryGetValue($"documents[{index}].reusedFromDocumentId", out e) || Errors.TryGetValue($"documents[{index}].reusedFromStoredDocumentId", out e)
            ? string.Join(" ", e) : null;

    /// <summary>The officer typed the ID number and asks for the applicant's earlier documents: the same form again, with offers.</summary>
    public async Task OnPostOffersAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The officer checks the applicant's ID, name and date of birth in the population database, with the applicant's consent.</summary>
    public async Task OnPostCitizenCheckAsync(CancellationToken ct)
    {
        CitizenCheckId = null;
        var request = new CitizenData.CheckCitizenRequest(Applicant.IdNumber, Applicant.FullName, Applicant.BirthDate, CitizenDataConsent);
        switch (await citizenChecks.HandleAsync(request, CitizenData.CheckCitizen.Desk, User.Identity?.Name ?? "", User.FindFirst(AppClaims.UnitPath)?.Value, ct))
        {
            case CitizenData.CheckCitizen.Checked(var check):
                CitizenCheck = check;
                CitizenCheckId = check.Result == CitizenData.RegistryAnswer.Match ? check.Id : null;
                break;
            case CitizenData.CheckCitizen.Invalid(var errors):
                Errors = errors.ToDictionary(kv => kv.Key is "consent" ? "citizenCheck" : "applicant." + char.ToUpperInvariant(kv.Key[0]) + kv.Key[1..], kv => kv.Value);
                break;
            case CitizenData.CheckCitizen.Off(var message):
                Errors["citizenCheck"] = [message];
                break;
        }

        ModelState.Clear();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var unitCode = UnitCode();
        // Components in the procedure's order, each with its upload (a plain file input per row) or the stored document reused.
        var indexes = new List<int>();
        var inputs = new List<DocumentInput>();
        var officer = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
        var uploaded = false;
        var names = Procedure is null ? [.. Documents] : Procedure.Documents.Select(d => d.Name).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            if (!Documents.Contains(names[i]))
            {
                continue;
            }

            string? fileId = FileIds.GetValueOrDefault(i) is { Length: > 0 } kept ? kept : null;
            if (Request.HasFormContentType && Request.Form.Files.GetFile($"File{i}") is { Length: > 0 } file)
            {
                switch (await uploads.CheckAndStoreAsync(file, officer, ct))
                {
                    case SaveUpload.Saved(var saved):
                        fileId = saved.Id;
                        FileIds[i] = saved.Id;
                        uploaded = true;
                        break;
                    case SaveUpload.Rejected(var message, _):
                        Errors[$"documents[{i}].fileId"] = [message];
                        break;
                }
            }

            var (fromDocument, fromStore) = ParseReuse(Reuse.GetValueOrDefault(i));
            indexes.Add(i);
            inputs.Add(new DocumentInput(names[i], null, fromDocument is null && fromStore is null ? fileId : null, 1, null, fromDocument, fromStore));
        }

        if (uploaded)
        {
            // The uploads are kept even when the intake below is refused: the form carries their ids back.
            await db.SaveChangesAsync(ct);
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var body = new ReceiveRequest(
            ProcedureCode, unitCode, Channel ?? Dossiers.Channel.Direct,
            new ApplicantInput(Applicant.FullName, Applicant.IdNumber, Applicant.TaxCode, Applicant.BirthDate, Applicant.Phone, Applicant.Email, Applicant.Address),
            [.. inputs],
            PostalTrackingNumber, IdempotencyKey: string.IsNullOrWhiteSpace(IdempotencyKey) ? null : IdempotencyKey.Trim(),
            IdentityVerified: IdentityVerified, ReuseConsent: ReuseConsent, CitizenCheckId: CitizenCheckId);
        switch (await receive.HandleAsync(body, User, ct))
        {
            case ReceiveDossier.Received(var dossier):
                if (TicketId is { } ticket)
                {
                    await attachToTicket.HandleAsync(ticket, dossier.Code, User, ct);
                }

                return Redirect($"/Dossiers/Details?code={Uri.EscapeDataString(dossier.Code)}&received=1");
            case ReceiveDossier.Invalid(var errors):
                // The handler numbers the components it was given; the page numbers the procedure's list.
                Errors = errors.ToDictionary(kv => ToPageIndex(kv.Key, indexes), kv => kv.Value);
                break;
            case ReceiveDossier.Incomplete(_, _, var missing):
                Missing = missing;
                break;
            case ReceiveDossier.Refused(var reason, _):
                Refusal = reason;
                break;
            default:
                return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    private static (long? FromDocument, long? FromStore) ParseReuse(string? value)
    {
        var parts = value?.Split(':', 2);
        if (parts is not [var source, var id] || !long.TryParse(id, out var n))
        {
            return (null, null);
        }

        return source == ReusableDocuments.FromDossier ? (n, null) : source == ReusableDocuments.FromStore ? (null, n) : (null, null);
    }

    private static string ToPageIndex(string key, List<int> indexes)
    {
        var end = key.IndexOf(']', StringComparison.Ordinal);
        if (!key.StartsWith("documents[", StringComparison.Ordinal) || end < 0 || !int.TryParse(key.AsSpan(10, end - 10), out var k) || k >= indexes.Count)
        {
            return key;
        }

        return $"documents[{indexes[k]}]{key[(end + 1)..]}";
    }

    /// <summary>Form 02 for an incomplete intake: the written, one-time guidance the applicant takes home (no dossier is created).</summary>
    public async Task<IActionResult> OnPostGuidanceAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Procedure is null)
        {
            return RedirectToPage();
        }

        var missing = ReceiveDossier.MissingDocuments(Procedure, [.. Documents.Select(d => new DocumentInput(d, null, null, 1, false))]);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == User.UnitId(), ct);
        var form = new Forms.SupplementRequestForm(
            await DossierForms.HeaderAsync(db, unit, VietnamTime.Today(time), ct), "—",
            new Forms.DossierRef("", Procedure.Code, Procedure.Name),
            new Forms.Applicant(Applicant.FullName ?? "", Applicant.Address ?? "", Applicant.Phone, Applicant.Email),
            VietnamTime.Now(time), missing, "Hồ sơ chưa đầy đủ thành phần theo quy định.", User.FindFirst(AppClaims.FullName)?.Value ?? "");
        return File(Forms.FormPdf.Render(form), "application/pdf", $"mau-02-{Procedure.Code}.pdf");
    }

    private string? UnitCode() => User.UnitPath()?.TrimEnd('/').Split('/')[^1];

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var unitId = User.UnitId();
        var codes = db.UnitProcedures.Where(up => up.UnitId == unitId && up.ValidFrom <= today && (up.ValidTo == null || up.ValidTo >= today)).Select(up => up.ProcedureCode);
        Procedures = await db.Procedures.AsNoTracking()
            .Where(p => codes.Contains(p.Code) && p.ValidTo == null)
            .OrderBy(p => p.Code).ToListAsync(ct);
        Procedure = Procedures.FirstOrDefault(p => p.Code == ProcedureCode);
        var owner = new ReuseOwner(null, Blank(Applicant.IdNumber), Blank(Applicant.TaxCode));
        if (Procedure is not null && (owner.IdNumber is not null || owner.TaxCode is not null))
        {
            Offers = await ReusableDocuments.ListAsync(db, stores, owner, today, ReusableDocuments.ValidityMonths(config), ct);
        }

        if (Procedures.Count == 0)
        {
            EndedUnit = await db.Units.AsNoTracking().Include(u => u.Successor)
                .SingleOrDefaultAsync(u => u.Id == unitId && u.ValidTo != null && u.ValidTo < today, ct);
        }
    }

    public ReusableDocument[] OffersFor(string documentName)
    {
        var kind = Domain.Portal.DocumentKinds.Of(documentName);
        return [.. Offers.Where(o => o.Kind == kind)];
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
