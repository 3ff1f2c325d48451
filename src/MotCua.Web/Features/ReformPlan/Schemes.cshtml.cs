using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed class SchemesModel(AppDbContext db, CreateScheme create) : PageModel
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

        Schemes = await ReadSchemes.SchemesAsync(db, ct);
        Year ??= Schemes.Length == 0 ? null : Schemes.Max(s => s.Year) + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await create.HandleAsync(new SchemeRequest(Year, Name, CopyPrevious), User, ct))
        {
            case CreateScheme.Created(var scheme):
                return Redirect($"/ReformPlan/Scheme?id={scheme.Id}");
            case CreateScheme.Invalid(var errors):
                Errors = errors;
                Schemes = await ReadSchemes.SchemesAsync(db, ct);
                return Page();
            default:
                return Forbid();
        }
    }
}
