using Microsoft.Data.Sqlite;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Copies the SQLite write-ahead log into the database file on its own thread. Left to SQLite, the commit that crosses
/// 1,000 WAL pages does that copy and its fsync itself, so one intake batch in every few waits for it (the intake's p99).
/// While this runs, the app's connections are opened with <c>wal_autocheckpoint=0</c>; admin commands, which run no hosted
/// service, keep SQLite's own checkpoints.
/// </summary>
public sealed class SqliteCheckpointer(string connectionString, ILogger<SqliteCheckpointer> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Set once the loop runs: connections opened from then on leave checkpoints to it.</summary>
    public bool Running { get; private set; }

    /// <summary>The last pass's answer: frames in the WAL and frames copied into the database file so far.</summary>
    public (int Log, int Copied) Last { get; private set; }

    /// <summary>Passes completed since start.</summary>
    public long Passes { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(stoppingToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout=0;";
        await cmd.ExecuteNonQueryAsync(stoppingToken);
        // PASSIVE never waits for readers or the writer: what it cannot copy now, the next pass copies.
        cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        Running = true;
        // Idle pooled connections were opened with SQLite's own checkpoints: later opens start fresh ones without.
        SqliteConnection.ClearAllPools();
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var reader = await cmd.ExecuteReaderAsync(stoppingToken);
                    if (await reader.ReadAsync(stoppingToken))
                    {
                        Last = (reader.GetInt32(1), reader.GetInt32(2));
                    }

                    Passes++;
                }
#pragma warning disable CA1031 // A failed pass is logged and retried: an exception here would stop the whole host.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    log.LogWarning(ex, "WAL checkpoint failed; retrying in {Interval}.", Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            Running = false;
        }
    }
}
