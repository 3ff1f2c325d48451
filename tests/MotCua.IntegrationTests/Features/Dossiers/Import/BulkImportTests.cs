using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Import;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Dossiers.Import;

/// <summary>The batched import on its own database: its 1,300 generated dossiers would change the other import tests' counts.</summary>
public sealed class BulkImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Bulk_import_in_batches_writes_each_dossier_once_with_aggregates_equal_to_a_rebuild()
    {
        var ct = TestContext.Current.CancellationToken;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (units, procedures) = await GenerateDossiers.ChoicesAsync(db, ct);
        var file = new StringWriter();
        await GenerateDossiers.WriteAsync(file, 1_300, 4242, new DateOnly(2023, 1, 1), new DateOnly(2025, 6, 30), units, procedures, ct);
        var lines = file.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // A repeat inside the file and a bad line between batches; a batch of 300 puts batch boundaries inside the file.
        var body = string.Join('\n', [.. lines[..700], lines[10], "{\"code\":\"X\"}", .. lines[700..]]);
        var importer = scope.ServiceProvider.GetRequiredService<ImportDossiers>();
        var first = await importer.RunAsync(new StringReader(body), "test", ct, batchSize: 300);
        Assert.Equal(1_300, first.Imported);
        Assert.Equal(1, first.AlreadyPresent);
        Assert.Equal([702L], first.Errors.Select(e => e.Line));

        // A resumed import (the first half again, then the rest) adds nothing and changes no aggregate.
        var before = await AggregateRowsAsync(db);
        var again = await importer.RunAsync(new StringReader(body), "test", ct, batchSize: 300);
        Assert.Equal(0, again.Imported);
        Assert.Equal(1_301, again.AlreadyPresent);
        Assert.Equal(before, await AggregateRowsAsync(db));

        var stored = await db.Dossiers.AsNoTracking().Where(d => d.Code.StartsWith("SIM-")).Include(d => d.Pauses).ToListAsync(ct);
        Assert.Equal(1_300, stored.Count);
        Assert.Equal(lines.Count(l => l.Contains("\"pauses\":[{", StringComparison.Ordinal)), stored.Count(d => d.Pauses.Count == 1));
        Assert.Equal(1_300, await db.DossierEvents.CountAsync(e => e.DossierCode.StartsWith("SIM-") && e.Action == "imported", ct));
        Assert.Empty((await VerifyHistory.RunAsync(db, null, ct)).Broken);

        await RebuildAggregates.RunAsync(db, ct);
        Assert.Equal(await AggregateRowsAsync(db), before);
    }

    private static async Task<List<string>> AggregateRowsAsync(AppDbContext db)
    {
        var rows = await db.IndicatorAggregates.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        return [.. rows.Where(r => !r.ToVector().IsZero)
            .Select(r => $"{r.ProcedureCode}|{r.Grain}|{r.Day:yyyy-MM-dd}|{r.UnitPath}|{string.Join(',', r.ToVector().ToArray())}")
            .Order(StringComparer.Ordinal)];
    }
}
