using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class ReportsModel(AppDbContext db, IFileStore files, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? On { get; set; }

    [BindProperty]
    public string? Kind { get; set; } = "quarterly";

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public int? Period { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public DateOnly Day => On ?? VietnamTime.Today(time);

    public string? Message { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public bool CanSubmit { get; private set; }
    public bool CanReview => ReformAccess.CanEdit(User);
    public string? UnitName { get; private set; }
    public ReportObligation[] Obligations { get; private set; } = [];
    public DueReportDto[] Late { get; private set; } = [];
    public DueReportDto[] Reminders { get; private set; } = [];
    public UnitReportDto[] Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        Year ??= today.Year;
        Period ??= (today.Month + 2) / 3;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        var result = await ReportsApi.SubmitAsync(User, Kebab.Parse<ReportKind>(Kind), Year, Period, Text, Files, db, files, time, t, ct);
        if (result.Invalid is { } invalid)
        {
            Errors = invalid.ProblemDetails.Errors.ToDictionary();
        }
        else if (result.Conflict is { } conflict)
        {
            Errors = new Dictionary<string, string[]> { ["period"] = [conflict.ProblemDetails.Detail ?? ""] };
        }
        else
        {
            TempData["Message"] = t["Đã nộp báo cáo."].Value;
            return RedirectToPage();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, bool accept, string? note, CancellationToken ct)
    {
        if (!CanReview)
        {
            return Forbid();
        }

        var scope = ReformAccess.Scope(User);
        if (await db.UnitReports.SingleOrDefaultAsync(r => r.Id == id && r.Unit!.Path.StartsWith(scope), ct) is not { } report)
        {
            return NotFound();
        }

        report.Status = accept ? UnitReportStatus.Accepted : UnitReportStatus.Returned;
        report.ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note[..Math.Min(note.Length, 2000)];
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public string KindName(ReportKind kind) => Obligations.FirstOrDefault(o => o.Kind == kind)?.Name ?? kind.ToString();

    public string StatusName(UnitReportStatus s) => s switch
    {
        UnitReportStatus.Submitted => "Đã nộp",
        UnitReportStatus.Accepted => "Đã tiếp nhận",
        _ => "Bị trả lại",
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        var on = On ?? VietnamTime.Today(time);
        On = on;
        Obligations = await db.ReportObligations.AsNoTracking().OrderBy(o => o.Id).ToArrayAsync(ct);
        var unitId = User.UnitId();
        var unit = unitId is null ? null : await db.Units.AsNoTracking().Include(u => u.Parent).SingleOrDefaultAsync(u => u.Id == unitId, ct);
        UnitName = unit?.Name;
        CanSubmit = unit is { Kind: UnitKind.Office or UnitKind.Commune, Parent.Kind: UnitKind.District };
        Late = await ReportsApi.LateAsync(db, User, on, ct);
        Reminders = await ReportsApi.RemindersAsync(db, User, on, ct);
        Reports = await ReportsApi.ListAsync(db, User, on.Year, null, ct);
    }
}
