using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Organisation;

public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public DateOnly Date { get; private set; }
    public UnitDto[] Units { get; private set; } = [];
    public int BaseDepth { get; private set; }

    public async Task OnGetAsync(DateOnly? date, CancellationToken ct)
    {
        Date = date ?? VietnamTime.Today(time);
        Units = await UnitTree.Query(db, User, Date).ToArrayAsync(ct);
        BaseDepth = Units.Length == 0 ? 0 : Units.Min(u => u.Path.Count(c => c == '/') - 1);
    }
}
