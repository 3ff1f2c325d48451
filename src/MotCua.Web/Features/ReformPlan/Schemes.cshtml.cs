using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class SchemesModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public SchemeDto[] Schemes { get; private set; } = [];

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public bool CopyPrevious { get; set; } = true;

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(User))
        {
            return Forbid();
        }

        Schemes = await EvaluationApi.SchemesAsync(db, ct);
        Year ??= Schemes.Length == 0 ? null : Schemes.Max(s => s.Year) + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(User))
        {
            return Forbid();
        }

        var (scheme, errors) = await SchemesApi.CreateAsync(db, new SchemeRequest(Year, Name, CopyPrevious), t, ct);
        if (scheme is not null)
        {
            return Redirect($"/ReformPlan/Scheme?id={scheme.Id}");
        }

        Errors = errors;
        Schemes = await EvaluationApi.SchemesAsync(db, ct);
        return Page();
    }
}
