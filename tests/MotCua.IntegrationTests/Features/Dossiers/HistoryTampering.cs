using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>What someone with direct database access does: lift the append-only guard, rewrite rows, put the guard back.</summary>
internal static class HistoryTampering
{
    public static Task LiftGuardAsync(AppDbContext db) => db.Database.ExecuteSqlRawAsync(
        db.Database.IsNpgsql()
            ? """ALTER TABLE "DossierEvents" DISABLE TRIGGER "DossierEvents_append_only";"""
            : """DROP TRIGGER IF EXISTS "DossierEvents_no_update";""",
        TestContext.Current.CancellationToken);

    public static async Task RestoreGuardAsync(AppFactory app, AppDbContext db)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "DossierEvents" ENABLE TRIGGER "DossierEvents_append_only";""", TestContext.Current.CancellationToken);
        }

        await DatabaseSetup.MigrateAsync(app.Services, TestContext.Current.CancellationToken);
    }

    /// <summary>Writes a CLR value into one event's column, converted as EF would store it.</summary>
    public static Task SetAsync(AppDbContext db, long eventId, string column, object? value)
    {
        // The column name comes from the EF model, never from input.
        var sql = string.Concat("UPDATE \"DossierEvents\" SET \"", column, "\" = @tampered WHERE \"Id\" = @event");
        return db.Database.ExecuteSqlRawAsync(sql, [Parameter(db, "tampered", Stored(db, value)), Parameter(db, "event", eventId)], TestContext.Current.CancellationToken);
    }

    /// <summary>Rewrites a dossier's whole chain from its stored columns under <paramref name="version"/>, head included: a consistent forgery.</summary>
    public static async Task RehashAsync(AppDbContext db, string code, int version)
    {
        var ct = TestContext.Current.CancellationToken;
        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierCode == code).OrderBy(e => e.Sequence).ToListAsync(ct);
        var prev = MotCua.Domain.Dossiers.HistoryChain.Genesis;
        foreach (var e in events)
        {
            var hash = MotCua.Domain.Dossiers.HistoryChain.ComputeHash(prev, e.Content(), version);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "DossierEvents" SET "PreviousHash" = {0}, "Hash" = {1} WHERE "Id" = {2}""", [prev, hash, e.Id], ct);
            prev = hash;
        }

        await db.Database.ExecuteSqlRawAsync("""UPDATE "Dossiers" SET "LastHash" = {0} WHERE "Code" = {1}""", [prev, code], ct);
    }

    /// <summary>A typed parameter: EF cannot bind a bare null.</summary>
    private static System.Data.Common.DbParameter Parameter(AppDbContext db, string name, object value)
    {
        using var cmd = db.Database.GetDbConnection().CreateCommand();
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        return p;
    }

    public static object Stored(AppDbContext db, object? value)
    {
        var provider = value is Enum ? value.ToString() : value;
        return db.Database.IsNpgsql() ? provider ?? DBNull.Value : BulkTable.SqliteValue(provider);
    }

    public static async Task<VerifyHistory.Report> VerifyAsync(AppFactory app, string? code = null)
    {
        using var scope = app.Services.CreateScope();
        return await VerifyHistory.RunAsync(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(), app.Services.GetRequiredService<HistoryAnchors>(), code, TestContext.Current.CancellationToken);
    }
}
