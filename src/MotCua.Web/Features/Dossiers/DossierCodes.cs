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
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Allocate dossier codes inside the intake transaction.");
        var connection = db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction.GetDbTransaction();
        cmd.CommandText = db.Database.IsNpgsql() ? PostgresSql : SqliteSql;
        Add(cmd, "@unit", unitId);
        Add(cmd, "@n", count);
        // SQLite stores DateOnly as ISO text, PostgreSQL as date: pass what each provider's column holds.
        Add(cmd, "@day", db.Database.IsNpgsql() ? day : day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var result = await cmd.ExecuteScalarAsync(ct);
        return Convert.ToInt32(result, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
