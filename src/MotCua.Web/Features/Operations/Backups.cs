using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Operations;

/// <summary>
/// Online, consistent backups of the embedded database (SQLite's backup API reads one snapshot while the app keeps
/// writing) and a restore that checks the file before it replaces anything. PostgreSQL uses pg_dump / pg_restore
/// (docs/reliability.md).
/// </summary>
public static class Backups
{
    public sealed record Outcome(int ExitCode, string Message);

    public static async Task<Outcome> BackupAsync(IServiceProvider services, string file, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsSqlite())
        {
            return new(2, "PostgreSQL: use pg_dump --format=custom (see docs/reliability.md).");
        }

        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            return new(2, $"{target} exists; choose a new file name.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            await RetryWhileBusyAsync(() => source.BackupDatabase(destination), ct);
            // The copy is a single file: no -wal beside it to lose.
            await using var cmd = destination.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=DELETE;";
            await cmd.ExecuteNonQueryAsync(ct);
        }

        var check = await CheckAsync(partial, ct);
        if (check is not null)
        {
            File.Delete(partial);
            return new(1, $"Backup failed its integrity check: {check}");
        }

        File.Move(partial, target);
        return new(0, $"Backup written to {target} ({new FileInfo(target).Length} bytes).");
    }

    /// <summary>Replaces the database with the backup (run with the app stopped), then verifies every dossier's history chain.</summary>
    public static async Task<Outcome> RestoreAsync(IServiceProvider services, string file, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsSqlite())
        {
            return new(2, "PostgreSQL: use pg_restore --clean --if-exists (see docs/reliability.md).");
        }

        if (!File.Exists(file))
        {
            return new(2, $"{file} does not exist.");
        }

        var problem = await CheckAsync(file, ct);
        if (problem is not null)
        {
            return new(1, $"{file} is not a usable backup: {problem}. Nothing was changed.");
        }

        await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var destination = new SqliteConnection(db.Database.GetConnectionString()))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            // The backup API swaps the pages in one transaction: a crash mid-restore leaves the old database.
            await RetryWhileBusyAsync(() => source.BackupDatabase(destination), ct);
            await using var cmd = destination.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL;";
            await cmd.ExecuteNonQueryAsync(ct);
        }

        SqliteConnection.ClearAllPools();
        await DatabaseSetup.MigrateAsync(services, ct);
        using var verifyScope = services.CreateScope();
        var report = await VerifyHistory.RunAsync(
            verifyScope.ServiceProvider.GetRequiredService<AppDbContext>(), verifyScope.ServiceProvider.GetRequiredService<HistoryAnchors>(), null, ct);
        var broken = string.Concat(report.Broken.Select(b => Environment.NewLine + VerifyHistory.Describe(b)))
            + (report.Anchors.Problem is { } p ? $"{Environment.NewLine}ANCHORS {report.Anchors.File}: {p}" : "");
        return new(report.Intact ? 0 : 1,
            $"Restored from {file}. History verified: {report.Checked} dossier(s), {report.Broken.Length} broken.{broken}");
    }

    /// <summary>A background pass still finishing its write holds the lock briefly; the backup API does not wait by itself.</summary>
    private static async Task RetryWhileBusyAsync(Action copy, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                copy();
                return;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 && attempt < 50)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    /// <summary>Null when the file is a SQLite database that passes integrity_check and holds the dossier tables.</summary>
    private static async Task<string?> CheckAsync(string file, CancellationToken ct)
    {
        try
        {
            await using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await c.OpenAsync(ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check;";
            var result = (string?)await cmd.ExecuteScalarAsync(ct);
            if (result != "ok")
            {
                return result ?? "no answer";
            }

            cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('Dossiers', 'DossierEvents', '__EFMigrationsHistory');";
            return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 3 ? null : "not a MotCua database";
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }
}
