using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Procedures;

public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public Procedure Procedure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? code, string? on, CancellationToken ct)
    {
        DateOnly? date = DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (string.IsNullOrWhiteSpace(code) || await FindProcedure.VersionAsync(db, code, date, ct) is not { } p)
        {
            return NotFound();
        }

        Procedure = p;
        return Page();
    }
}
