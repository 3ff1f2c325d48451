using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class EvaluationModel(AppDbContext db, IFileStore files, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public SchemeDto? Scheme { get; private set; }
    public ResultDto[] Results { get; private set; } = [];
    public Dictionary<int, Assessment> Own { get; private set; } = [];
    public Dictionary<int, Assessment> Appraised { get; private set; } = [];
    public OrgUnit? AppraisedUnit { get; private set; }
    public bool CanSelfAssess { get; private set; }
    public bool CanAppraise => ReformAccess.CanEdit(User);
    public string? UnitName { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSelfAsync(string? criterionCode, string? score, IFormFile? file, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Scheme is null)
        {
            return NotFound();
        }

        var errors = await EvaluationApi.SelfAssessAsync(db, files, time, User, Scheme.Id, criterionCode, Parse(score), null, file, t, ct);
        if (errors is null)
        {
            return RedirectToPage();
        }

        Errors = errors;
        return Page();
    }

    public async Task<IActionResult> OnPostAppraiseAsync(string? criterionCode, string? score, CancellationToken ct)
    {
        if (!CanAppraise)
        {
            return Forbid();
        }

        await LoadAsync(ct);
        if (Scheme is null)
        {
            return NotFound();
        }

        var errors = await EvaluationApi.AppraiseAsync(db, User, Scheme.Id, new AppraisalRequest(Unit, criterionCode, Parse(score), null), t, ct);
        if (errors is null)
        {
            return RedirectToPage(new { Unit });
        }

        Errors = errors;
        return Page();
    }

    private static decimal? Parse(string? s) =>
        decimal.TryParse(s?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        Scheme = (await EvaluationApi.SchemesAsync(db, ct)).FirstOrDefault();
        if (Scheme is null)
        {
            return;
        }

        Results = await EvaluationApi.ResultsAsync(db, User, Scheme.Id, ct) ?? [];
        var ids = Scheme.Criteria.Select(c => c.Id).ToList();
        var unitId = User.UnitId();
        var unit = unitId is null ? null : await db.Units.AsNoTracking().Include(u => u.Parent).SingleOrDefaultAsync(u => u.Id == unitId, ct);
        UnitName = unit?.Name;
        CanSelfAssess = unit is { Kind: UnitKind.Office or UnitKind.Commune, Parent.Kind: UnitKind.District };
        if (CanSelfAssess)
        {
            Own = await db.Assessments.AsNoTracking().Where(a => a.UnitId == unit!.Id && ids.Contains(a.CriterionId)).ToDictionaryAsync(a => a.CriterionId, ct);
        }

        if (CanAppraise && !string.IsNullOrWhiteSpace(Unit))
        {
            AppraisedUnit = await db.Units.AsNoTracking().InReformScope(User).SingleOrDefaultAsync(u => u.Code == Unit, ct);
            if (AppraisedUnit is not null)
            {
                Appraised = await db.Assessments.AsNoTracking().Where(a => a.UnitId == AppraisedUnit.Id && ids.Contains(a.CriterionId)).ToDictionaryAsync(a => a.CriterionId, ct);
            }
        }
    }
}
