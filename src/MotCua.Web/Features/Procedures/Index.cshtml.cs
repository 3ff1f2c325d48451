using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Procedures;

public sealed class IndexModel(AppDbContext db, ProcedureCatalogue catalogue) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNo { get; set; } = 1;

    public string[] Fields { get; private set; } = [];
    public string[] Levels { get; private set; } = [];
    public SearchPage Result { get; private set; } = new(0, 1, 20, []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (items, fields, levels) = await catalogue.CurrentAsync(db, ct);
        Fields = fields;
        Levels = levels;
        Result = ProcedureCatalogue.Search(items, new SearchQuery(Q, Field, Level, null, Math.Clamp(PageNo, 1, 100_000)));
    }

    public string PageLink(int page) =>
        $"/Procedures?q={Uri.EscapeDataString(Q ?? "")}&field={Uri.EscapeDataString(Field ?? "")}&level={Uri.EscapeDataString(Level ?? "")}&p={page}";
}
