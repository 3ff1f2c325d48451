using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class ReportsModel(AppDbContext db, TimeProvider time, SubmitUnitReport submit, ReviewUnitReport review, IStringLocalizer<SharedResource> t) : PageModel
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
        switch (await submit.HandleAsync(new SubmitReportRequest(Kebab.Parse<ReportKind>(Kind), Year, Period, Text, Files), User, ct))
        {
            case SubmitUnitReport.Invalid(var errors):
                Errors = errors;
                break;
            case SubmitUnitReport.Conflict(var message):
                Errors = new Dictionary<string, string[]> { ["period"] = [message] };
                break;
            default:
                TempData["Message"] = t["Đã nộp báo cáo."].Value;
                return RedirectToPage();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, bool accept, string? note, CancellationToken ct)
    {
        // A blank note from the form means no note.
        return await review.HandleAsync(id, new ReviewRequest(accept, string.IsNullOrWhiteSpace(note) ? null : note), User, ct) switch
        {
            ReviewUnitReport.Reviewed => RedirectToPage(),
            ReviewUnitReport.NotFound => NotFound(),
            _ => Forbid(),
        };
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
        // A date outside 1900–2100 (fuzzed 0001-01-01, 9999-12-31) overflows the due-date arithmetic: such a day shows today.
        var on = On is { Year: >= 1900 and <= 2100 } day ? day : VietnamTime.Today(time);
        On = on;
        Obligations = await db.ReportObligations.AsNoTracking().OrderBy(o => o.Id).ToArrayAsync(ct);
        var unitId = User.UnitId();
        var unit = unitId is null ? null : await db.Units.AsNoTracking().Include(u => u.Parent).SingleOrDefaultAsync(u => u.Id == unitId, ct);
        UnitName = unit?.Name;
        CanSubmit = unit is { Kind: UnitKind.Office or UnitKind.Commune, Parent.Kind: UnitKind.District };
        Late = await ListDueReports.LateAsync(db, User, on, ct);
        Reminders = await ListDueReports.RemindersAsync(db, User, on, ct);
        Reports = await ListUnitReports.ListAsync(db, User, on.Year, null, ct);
    }
}
