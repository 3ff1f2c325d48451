using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Dossiers.Import;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

/// <summary>
/// Invented past dossiers for the demo (setting <c>Demo:HistoryDossiers</c>, on for <c>dotnet run</c>), so that the
/// dashboard, reports and plan targets show figures on a fresh start; loaded once, through the historical import.
/// </summary>
public static class DemoHistory
{
    public const int Seed = 2025;

    public static async Task SeedAsync(IServiceProvider sp, int count, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (count <= 0 || await db.Dossiers.AnyAsync(ct))
        {
            return;
        }

        var today = VietnamTime.Today(sp.GetRequiredService<TimeProvider>());
        var (units, procedures) = await GenerateDossiers.ChoicesAsync(db, ct);
        using var lines = new StringWriter();
        await GenerateDossiers.WriteAsync(lines, count, Seed, new DateOnly(today.Year - 2, 1, 1), today.AddDays(-1), units, procedures, ct);
        using var reader = new StringReader(lines.ToString());
        await sp.GetRequiredService<ImportDossiers>().RunAsync(reader, "Dữ liệu minh hoạ tự sinh (không phải số liệu thật)", ct);
    }
}
