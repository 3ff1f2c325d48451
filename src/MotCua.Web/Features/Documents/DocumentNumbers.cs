using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>
/// The next number of a series (unit, book, year) by one atomic upsert inside the caller's transaction, as for dossier codes:
/// a rolled-back registration gives its number back (no gaps), and the row lock (PostgreSQL) or the single writer (SQLite)
/// makes concurrent registrations wait for each other (no duplicates).
/// </summary>
public static class DocumentNumbers
{
    private const string SqliteSql =
        """INSERT INTO "DocumentCounters" AS c ("UnitId", "Book", "Year", "Last") VALUES (@unit, @book, @year, 1) ON CONFLICT ("UnitId", "Book", "Year") DO UPDATE SET "Last" = c."Last" + 1 RETURNING "Last";""";

    private const string PostgresSql =
        """INSERT INTO "DocumentCounters" AS c ("UnitId", "Book", "Year", "Last") VALUES (@unit, @book, @year, 1) ON CONFLICT ("UnitId", "Book", "Year") DO UPDATE SET "Last" = c."Last" + 1 RETURNING c."Last";""";

    public static async Task<int> NextAsync(AppDbContext db, int unitId, string book, int year, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Allocate document numbers inside the registering transaction.");
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = transaction.GetDbTransaction();
        cmd.CommandText = db.Database.IsNpgsql() ? PostgresSql : SqliteSql;
        Add(cmd, "@unit", unitId);
        Add(cmd, "@book", book);
        Add(cmd, "@year", year);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
