namespace MotCua.Web.Features.Calendar;

public static class CalendarSeed
{
    /// <summary>Loads the official 2021–2026 calendar (shared holidays-vn.csv); the import is idempotent, so reseeding changes nothing.</summary>
    public static async Task SeedAsync(IServiceProvider sp, string dataFolder, CancellationToken ct)
    {
        using var reader = File.OpenText(Path.Combine(dataFolder, "holidays-vn.csv"));
        await sp.GetRequiredService<CalendarService>().ImportAsync(reader, null, "demo-seed", ct);
    }
}
