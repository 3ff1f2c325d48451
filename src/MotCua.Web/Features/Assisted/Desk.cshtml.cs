using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Assisted;

/// <summary>The desk page for an assisted online submission: prepare it, send the code to the citizen's phone, type the code the citizen reads out.</summary>
[Authorize(Roles = Roles.Desk)]
public sealed class DeskModel(
    AppDbContext db, OneTimeCodes codes, StartAssistedSubmission start, ConfirmAssistedSubmission confirm, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "procedure")] public string? ProcedureCode { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public List<string> Documents { get; set; } = [];
    [BindProperty] public long? SubmissionId { get; set; }
    [BindProperty] public string? Code { get; set; }

    public List<Procedure> Procedures { get; private set; } = [];
    public Procedure? Procedure { get; private set; }
    public AssistedStarted? Started { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var body = new ReceiveRequest(ProcedureCode, User.UnitPath()?.TrimEnd('/').Split('/')[^1], Channel.Online,
            new ApplicantInput(FullName, IdNumber, null, null, Phone, Email, Address),
            [.. Documents.Select(d => new Dossiers.DocumentInput(d, "original", null, 1, false))]);
        switch (await start.HandleAsync(body, User, ct))
        {
            case StartAssistedSubmission.Started(var started):
                Started = started;
                break;
            case StartAssistedSubmission.Invalid(var errors):
                Errors = new(errors);
                break;
            default:
                return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (SubmissionId is not { } id)
        {
            return RedirectToPage();
        }

        switch (await confirm.HandleAsync(id, new ConfirmRequest(Code), User, ct))
        {
            case ConfirmAssistedSubmission.Received(var dossier):
                return Redirect($"/Dossiers/Details?code={Uri.EscapeDataString(dossier.Code)}&received=1");
            case ConfirmAssistedSubmission.Invalid(var errors):
                Errors = new(errors);
                Started = await StartedAsync(id, ct);
                break;
            case ConfirmAssistedSubmission.Expired(var message):
                Errors["code"] = [message];
                Started = null;
                break;
            case ConfirmAssistedSubmission.NotReceived(var message):
                Errors["code"] = [message];
                Started = await StartedAsync(id, ct);
                break;
            default:
                Errors["code"] = [t["Không tìm thấy hồ sơ đang chờ xác nhận: hãy bắt đầu lại."]];
                break;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task<AssistedStarted?> StartedAsync(long id, CancellationToken ct) =>
        await db.Set<AssistedSubmission>().AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Id, a.CodeId, a.Phone }).SingleOrDefaultAsync(ct) is { } a
            && await codes.ExpiresAtAsync(a.CodeId, ct) is { } expires
            ? new AssistedStarted(a.Id, expires, Notifications.Masking.Recipient(a.Phone)) : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var unitId = User.UnitId();
        var codes = db.UnitProcedures.Where(up => up.UnitId == unitId && up.ValidFrom <= today && (up.ValidTo == null || up.ValidTo >= today)).Select(up => up.ProcedureCode);
        Procedures = await db.Procedures.AsNoTracking().Where(p => codes.Contains(p.Code) && p.ValidTo == null).OrderBy(p => p.Code).ToListAsync(ct);
        Procedure = Procedures.FirstOrDefault(p => p.Code == ProcedureCode);
    }
}
