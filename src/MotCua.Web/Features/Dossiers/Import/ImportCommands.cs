using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers.Import;

/// <summary>The admin commands of the historical import (listed in AdminCommands).</summary>
public static class ImportCommands
{
    public static async Task<int> ImportDossiersAsync(WebApplication app, string[] args)
    {
        if (args.Length < 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: import-dossiers FILE [--batch N]");
            return 2;
        }

        var batch = int.TryParse(AdminCommands.Options(args).GetValueOrDefault("batch"), out var b) && b > 0 ? b : ImportDossiers.DefaultBatchSize;
        await DatabaseSetup.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        var watch = Stopwatch.StartNew();
        using var reader = new StreamReader(args[0]);
        var result = await scope.ServiceProvider.GetRequiredService<ImportDossiers>().RunAsync(reader, "Nhập dữ liệu lịch sử từ tệp " + Path.GetFileName(args[0]), CancellationToken.None, batch);
        foreach (var e in result.Errors)
        {
            Console.WriteLine($"line {e.Line}: {e.Message}");
        }

        Console.WriteLine($"{result.Lines} line(s): {result.Imported} imported, {result.AlreadyPresent} already present, {result.Rejected} rejected in {watch.Elapsed.TotalSeconds:F1} s.");
        return result.Rejected == 0 ? 0 : 1;
    }

    public static async Task<int> GenerateDossiersAsync(WebApplication app, string[] args)
    {
        var o = AdminCommands.Options(args);
        if (args.Length < 2 || !long.TryParse(args[0], CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            Console.Error.WriteLine("usage: generate-dossiers N FILE --seed S [--from 2021-01-01 --to 2025-06-30]");
            return 2;
        }

        var seed = int.TryParse(o.GetValueOrDefault("seed"), CultureInfo.InvariantCulture, out var s) ? s : 1;
        var from = DateOnly.TryParse(o.GetValueOrDefault("from"), CultureInfo.InvariantCulture, out var f) ? f : new DateOnly(2021, 1, 1);
        var to = DateOnly.TryParse(o.GetValueOrDefault("to"), CultureInfo.InvariantCulture, out var z) ? z : new DateOnly(2025, 6, 30);
        await DatabaseSetup.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (units, procedures) = await GenerateDossiers.ChoicesAsync(db, CancellationToken.None);
        if (units.Count == 0 || procedures.Count == 0)
        {
            Console.Error.WriteLine("generate-dossiers: the database has no communes or procedures to generate for; run seed-demo (or import the catalogue and units) first.");
            return 1;
        }

        await using var writer = new StreamWriter(args[1]);
        await GenerateDossiers.WriteAsync(writer, n, seed, from, to, units, procedures, CancellationToken.None);
        Console.WriteLine($"Wrote {n} generated dossier(s) to {args[1]}.");
        return 0;
    }

    /// <summary>
    /// Benchmarks only: adds a file's dossiers to the aggregate rows without storing the dossiers, i.e. the rows an import
    /// of the file writes, so the report can be timed at 10^6–10^7 dossiers where the full import takes too long.
    /// </summary>
    public static async Task<int> AggregateDossiersAsync(WebApplication app, string[] args)
    {
        if (args.Length < 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: aggregate-dossiers FILE");
            return 2;
        }

        await DatabaseSetup.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var units = (await db.Units.AsNoTracking().ToListAsync()).GroupBy(u => u.Code)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(u => u.ValidFrom).First(), StringComparer.Ordinal);
        var procedures = (await db.Procedures.AsNoTracking().Select(p => new { p.Id, p.Code, p.Name, p.ValidFrom }).ToListAsync())
            .GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.ValidFrom).First(), StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        var delta = new AggregateContribution();
        long lines = 0, used = 0;
        async Task FlushAsync()
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await delta.ApplyAsync(db, CancellationToken.None);
            await tx.CommitAsync();
            delta.Clear();
        }

        using var reader = new StreamReader(args[0]);
        while (await reader.ReadLineAsync() is { } line)
        {
            lines++;
            var row = System.Text.Json.JsonSerializer.Deserialize<ImportLine>(line, System.Text.Json.JsonSerializerOptions.Web);
            if (row is null || ImportDossiers.Build(row, units.GetValueOrDefault(row.UnitCode ?? "") is { } u ? (u.Id, u.Path) : null,
                    procedures.GetValueOrDefault(row.ProcedureCode ?? "") is { } p ? (p.Id, p.Name) : null, out var d, out _) is not null)
            {
                continue;
            }

            used++;
            delta.Add(d!, AggregateContribution.OpenPauseSince(d!), +1);
            if (delta.Count > 200_000)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        Console.WriteLine($"{lines} line(s), {used} dossier(s) added to the aggregates in {watch.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }
}
