using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Allocates the next sequence number of a (unit, local date) inside the caller's transaction with one atomic upsert,
/// so that codes have no gaps (a rolled-back intake rolls its number back) and no duplicates under concurrency.
/// </summary>
public static class DossierCodes
{
    private const string SqliteSql =
        """INSERT INTO "DossierCounters" AS c ("UnitId", "Day", "Last") VALUES (@unit, @day, @n) ON CONFLICT ("UnitId", "Day") DO UPDATE SET "Last" = c."Last" + @n RETURNING "Last";""";

    private const string PostgresSql =
        """INSERT INTO "DossierCounters" AS c ("UnitId", "Day", "Last") VALUES (@unit, @day, @n) ON CONFLICT ("UnitId", "Day") DO UPDATE SET "Last" = c."Last" + @n RETURNING c."Last";""";

    public static Task<int> NextAsync(AppDbContext db, int unitId, DateOnly day, CancellationToken ct) => NextAsync(db, unitId, day, 1, ct);

    /// <summary>Reserves <paramref name="count"/> consecutive numbers and returns the last of them.</summary>
    public static async Task<int> NextAsync(AppDbContext db, int unitId, DateOnly day, int count, CancellationToken ct)
    {
        await using var cmd = Command(db, unitId, day, count);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The same, blocking: for the intake writer's own thread.</summary>
    public static int Next(AppDbContext db, int unitId, DateOnly day, int count)
    {
        using var cmd = Command(db, unitId, day, count);
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(AppDbContext db, int unitId, DateOnly day, int count)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Allocate dossier codes inside the intake transaction.");
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = transaction.GetDbTransaction();
        cmd.CommandText = db.Database.IsNpgsql() ? PostgresSql : SqliteSql;
        Add(cmd, "@unit", unitId);
        Add(cmd, "@n", count);
        // SQLite stores DateOnly as ISO text, PostgreSQL as date: pass what each provider's column holds.
        Add(cmd, "@day", db.Database.IsNpgsql() ? day : day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
