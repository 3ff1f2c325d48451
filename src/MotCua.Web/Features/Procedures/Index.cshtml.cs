using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Procedures;

public sealed class IndexModel(AppDbContext db, ProcedureCatalogue catalogue, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    /// <summary>A life event's key (<see cref="MotCua.Domain.Procedures.LifeEvents"/>); an unknown key filters nothing.</summary>
    [BindProperty(SupportsGet = true, Name = "event")]
    public string? LifeEvent { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNo { get; set; } = 1;

    public string[] Fields { get; private set; } = [];
    public string[] Levels { get; private set; } = [];
    public SearchPage Result { get; private set; } = new(0, 1, 20, []);

    /// <summary>The life-event and field groups with their counts, shown when nothing is filtered yet.</summary>
    public ProcedureGroup[] ByLifeEvent { get; private set; } = [];
    public ProcedureGroup[] ByField { get; private set; } = [];

    /// <summary>The chosen life event's name, when one is chosen.</summary>
    public string? LifeEventName { get; private set; }

    public bool Unfiltered => string.IsNullOrWhiteSpace(Q) && string.IsNullOrEmpty(Field) && string.IsNullOrEmpty(Level) && LifeEventName is null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (items, fields, levels) = await catalogue.CurrentAsync(db, ct);
        Fields = fields;
        Levels = levels;
        var today = VietnamTime.Today(time);
        ByLifeEvent = ProcedureGroups.ByLifeEvent(items, today);
        ByField = ProcedureGroups.ByField(items);
        IReadOnlySet<string>? codes = null;
        if (ByLifeEvent.FirstOrDefault(g => g.Key == LifeEvent) is { } chosen)
        {
            LifeEventName = chosen.Name;
            codes = chosen.Items.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        }

        Result = ProcedureCatalogue.Search(items, new SearchQuery(Q, Field, Level, codes, Math.Clamp(PageNo, 1, 100_000)));
    }

    public string PageLink(int page) =>
        $"/Procedures?q={Uri.EscapeDataString(Q ?? "")}&field={Uri.EscapeDataString(Field ?? "")}&level={Uri.EscapeDataString(Level ?? "")}&event={Uri.EscapeDataString(LifeEventName is null ? "" : LifeEvent ?? "")}&p={page}";
}
