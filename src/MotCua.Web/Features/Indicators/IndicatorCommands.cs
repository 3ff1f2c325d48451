using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

/// <summary>The admin commands of the indicators feature (listed in AdminCommands).</summary>
public static class IndicatorCommands
{
    public static async Task<int> RebuildAsync(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var watch = Stopwatch.StartNew();
        var count = await RebuildAggregates.RunAsync(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None, scope.ServiceProvider.GetServices<IAggregateSource>());
        Console.WriteLine($"Rebuilt the indicator aggregates from {count} dossier(s) in {watch.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    /// <summary>Times the indicator report in process against a reference measured in the same run: COUNT(*) over the dossiers.</summary>
    public static async Task<int> MeasureAsync(WebApplication app, string[] args)
    {
        var o = AdminCommands.Options(args);
        var runs = int.TryParse(o.GetValueOrDefault("runs"), CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 20;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var service = scope.ServiceProvider.GetRequiredService<IndicatorService>();
        var unit = o.TryGetValue("unit", out var code)
            ? await db.Units.AsNoTracking().Where(u => u.Code == code).OrderByDescending(u => u.ValidFrom).FirstAsync()
            : await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Path).FirstAsync();
        var today = new DateOnly(2025, 12, 31);
        var total = await db.Dossiers.CountAsync();
        var aggregates = await db.IndicatorAggregates.CountAsync();
        async Task<double> Median(Func<Task> work)
        {
            await work();
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                db.ChangeTracker.Clear();
                var w = Stopwatch.StartNew();
                await work();
                times.Add(w.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            return times[times.Count / 2];
        }

        var reference = await Median(() => db.Dossiers.CountAsync());
        var unitId = unit.Id;
        var pk = await Median(() => db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).FirstAsync());
        var month = await Median(() => service.ReportAsync(unit, new(2024, 3, 1), new(2024, 3, 31), null, false, null, today, CancellationToken.None));
        var year = await Median(() => service.ReportAsync(unit, new(2024, 1, 1), new(2024, 12, 31), 2023, false, null, today, CancellationToken.None));
        var full = await Median(() => service.ReportAsync(unit, new(2024, 1, 1), new(2024, 12, 31), 2023, true, Breakdown.Unit, today, CancellationToken.None));
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"provider={db.Database.ProviderName} dossiers={total} aggregateRows={aggregates} unit={unit.Code} runs={runs}"));
        Console.WriteLine(string.Create(inv, $"COUNT(*) reference: {reference:F1} ms"));
        Console.WriteLine(string.Create(inv, $"one-row primary-key reference: {pk:F2} ms"));
        Console.WriteLine(string.Create(inv, $"one month: {month:F1} ms (x{month / reference:F2} of COUNT, x{month / pk:F1} of the key lookup)"));
        Console.WriteLine(string.Create(inv, $"one year + base year: {year:F1} ms (x{year / reference:F2} of COUNT, x{year / pk:F1} of the key lookup)"));
        Console.WriteLine(string.Create(inv, $"one year + monthly series + unit breakdown: {full:F1} ms (x{full / reference:F2} of COUNT, x{full / pk:F1} of the key lookup)"));
        return 0;
    }
}
