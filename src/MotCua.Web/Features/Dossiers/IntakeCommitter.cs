using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Group commit of intakes (design-notes.md, "The write path"): requests prepare their dossier outside the write lock and
/// queue it; one writer takes whatever is waiting, allocates the codes with one counter bump per (unit, day), inserts the
/// batch in one transaction and answers each request only after that transaction is durable. If a batch fails, its
/// intakes are retried one transaction each, so that one bad intake (a repeated idempotency key) fails alone.
/// The rows are written with prepared ADO.NET statements (columns from the EF model, as the bulk import) and the indicator
/// contributions the aggregates interceptor would add are applied here (<see cref="AggregateContribution.Add"/>): EF change tracking cost more CPU than all the rest.
/// </summary>
public sealed class IntakeCommitter : IAsyncDisposable
{
    private const int MaxBatch = 256;

    /// <summary>A prepared intake: <see cref="Build"/> makes a fresh dossier graph with the given sequence number.</summary>
    public sealed record Pending(int UnitId, DateOnly Day, Func<int, Rows> Build);

    /// <summary>What one intake inserts: the dossier with its documents and steps, its history events and outbox messages.</summary>
    public sealed record Rows(Dossier Dossier, IReadOnlyList<DossierEvent> Events, IReadOnlyList<OutboxMessage> Messages);

    private sealed class Tables(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        public readonly BulkTable Dossiers = BulkTable.For<Dossier>(model);
        public readonly BulkTable Documents = BulkTable.For<DossierDocument>(model);
        public readonly BulkTable Steps = BulkTable.For<DossierStep>(model);
        public readonly BulkTable Events = BulkTable.For<DossierEvent>(model);
        public readonly BulkTable Messages = BulkTable.For<OutboxMessage>(model);
    }

    private Tables? _tables;

    private sealed record Item(Pending Intake, TaskCompletionSource<Dossier> Done);

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<IntakeCommitter> _log;
    private readonly System.Threading.Channels.Channel<Item> _queue = System.Threading.Channels.Channel.CreateUnbounded<Item>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _writer;

    public IntakeCommitter(IServiceScopeFactory scopes, ILogger<IntakeCommitter> log)
    {
        _scopes = scopes;
        _log = log;
        // Its own thread with blocking database calls: on the thread pool each await of the batch's save queued behind the
        // waiting requests' work, so the one serial path of the intake ran at the pool's pace instead of the CPU's.
        _writer = new Thread(Run) { IsBackground = true, Name = "intake-writer" };
        _writer.Start();
    }

    /// <summary>Completes with the saved dossier once its transaction has committed.</summary>
    public Task<Dossier> CommitAsync(Pending intake)
    {
        var done = new TaskCompletionSource<Dossier>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Item(intake, done)))
        {
            done.SetException(new ObjectDisposedException(nameof(IntakeCommitter)));
        }

        return done.Task;
    }

    private void Run()
    {
        var batch = new List<Item>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            CommitBatch(batch);
        }
    }

    private void CommitBatch(List<Item> batch)
    {
        if (batch.Count > 1)
        {
            try
            {
                var saved = Write(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.SetResult(saved[i]);
                }

                return;
            }
#pragma warning disable CA1031 // Any failure of the batch is retried intake by intake, where it reaches its own request.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (_log.IsEnabled(LogLevel.Information))
                {
                    _log.LogInformation(ex, "A batch of {Count} intakes failed; retrying them one by one.", batch.Count);
                }
            }
        }

        foreach (var item in batch)
        {
            try
            {
                item.Done.SetResult(Write([item])[0]);
            }
#pragma warning disable CA1031 // Handed to the waiting request, which handles or rethrows it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                item.Done.SetException(ex);
            }
        }
    }

    private Dossier[] Write(IReadOnlyList<Item> items)
    {
        var started = Stopwatch.GetTimestamp();
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = new Rows[items.Count];
        using var tx = db.Database.BeginTransaction();
        // One counter bump per (unit, day), taken in a fixed order so that two instances' batches cannot deadlock on them.
        var groups = items.Select((item, index) => (item.Intake, index))
            .GroupBy(x => (x.Intake.UnitId, x.Intake.Day))
            .OrderBy(g => g.Key.UnitId).ThenBy(g => g.Key.Day);
        foreach (var group in groups)
        {
            var members = group.ToList();
            var seq = DossierCodes.Next(db, group.Key.UnitId, group.Key.Day, members.Count) - members.Count;
            foreach (var (intake, index) in members)
            {
                rows[index] = intake.Build(++seq);
                // Plain components go to the dossier's compact column, the others stay rows (DossierComponents).
                rows[index].Dossier.PackDocuments();
            }
        }

        var built = Stopwatch.GetElapsedTime(started);
        _tables ??= new Tables(db.Model);
        try
        {
            if (db.Database.IsNpgsql())
            {
                InsertPostgres(db, tx.GetDbTransaction(), rows);
            }
            else
            {
                InsertSqlite(db, tx.GetDbTransaction(), rows);
            }
        }
        catch (DbException ex)
        {
            // As EF reports it, so that callers recognise a unique violation (a repeated idempotency key).
            throw new DbUpdateException(ex.Message, ex);
        }

        // Written without EF, so no interceptor sees these rows: the contribution is added here.
        var delta = new AggregateContribution();
        foreach (var r in rows)
        {
            delta.Add(r.Dossier, AggregateContribution.OpenPauseSince(r.Dossier), +1);
        }

        delta.ApplyAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        var inserted = Stopwatch.GetElapsedTime(started);
        tx.Commit();
        if (_log.IsEnabled(LogLevel.Debug))
        {
            _log.LogDebug(
                "Intake batch of {Count}: built {BuiltMs:F1} ms, saved {SavedMs:F1} ms, committed {CommittedMs:F1} ms",
                items.Count, built.TotalMilliseconds, inserted.TotalMilliseconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return [.. rows.Select(r => r.Dossier)];
    }

    private void InsertSqlite(AppDbContext db, DbTransaction tx, Rows[] rows)
    {
        var t = _tables!;
        var connection = db.Database.GetDbConnection();
        using var dossiers = t.Dossiers.PrepareSqliteInsert(connection, tx, " RETURNING \"Id\"");
        using var documents = t.Documents.PrepareSqliteInsert(connection, tx);
        using var steps = t.Steps.PrepareSqliteInsert(connection, tx);
        using var events = t.Events.PrepareSqliteInsert(connection, tx);
        using var messages = t.Messages.PrepareSqliteInsert(connection, tx);
        void Insert(DbCommand cmd, BulkTable table, object row)
        {
            table.BindSqlite(cmd, row);
            cmd.ExecuteNonQuery();
        }

        foreach (var (d, dossierEvents, dossierMessages) in rows)
        {
            t.Dossiers.BindSqlite(dossiers, d);
            d.Id = (long)dossiers.ExecuteScalar()!;
            SetDossierIds(d, dossierEvents);
            d.DocumentRows.ForEach(x => Insert(documents, t.Documents, x));
            d.Steps.ForEach(x => Insert(steps, t.Steps, x));
            foreach (var e in dossierEvents)
            {
                Insert(events, t.Events, e);
            }

            foreach (var m in dossierMessages)
            {
                Insert(messages, t.Messages, m);
            }
        }
    }

    /// <summary>Two round trips: the dossiers from unnest arrays (returning their ids), then every child table the same way.</summary>
    private void InsertPostgres(AppDbContext db, DbTransaction tx, Rows[] rows)
    {
        var t = _tables!;
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        var ids = new Dictionary<string, long>(rows.Length, StringComparer.Ordinal);
        using (var cmd = new Npgsql.NpgsqlCommand(t.Dossiers.PostgresInsertSql("d", " RETURNING \"Id\", \"Code\""), connection, (Npgsql.NpgsqlTransaction)tx))
        {
            cmd.Parameters.AddRange(t.Dossiers.PostgresArrays(rows.Select(r => r.Dossier).ToList(), "d"));
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                ids[reader.GetString(1)] = reader.GetInt64(0);
            }
        }

        foreach (var r in rows)
        {
            r.Dossier.Id = ids[r.Dossier.Code];
            SetDossierIds(r.Dossier, r.Events);
        }

        using var children = new Npgsql.NpgsqlCommand(
            string.Join(";\n", t.Documents.PostgresInsertSql("c"), t.Steps.PostgresInsertSql("s"), t.Events.PostgresInsertSql("e"), t.Messages.PostgresInsertSql("m")),
            connection, (Npgsql.NpgsqlTransaction)tx);
        children.Parameters.AddRange(t.Documents.PostgresArrays(rows.SelectMany(r => r.Dossier.DocumentRows).ToList(), "c"));
        children.Parameters.AddRange(t.Steps.PostgresArrays(rows.SelectMany(r => r.Dossier.Steps).ToList(), "s"));
        children.Parameters.AddRange(t.Events.PostgresArrays(rows.SelectMany(r => r.Events).ToList(), "e"));
        children.Parameters.AddRange(t.Messages.PostgresArrays(rows.SelectMany(r => r.Messages).ToList(), "m"));
        children.ExecuteNonQuery();
    }

    private static void SetDossierIds(Dossier d, IReadOnlyList<DossierEvent> events)
    {
        d.DocumentRows.ForEach(x => x.DossierId = d.Id);
        d.Steps.ForEach(x => x.DossierId = d.Id);
        foreach (var e in events)
        {
            e.DossierId = d.Id;
        }
    }

    public ValueTask DisposeAsync()
    {
        // Queued intakes are still written (or failed) before the process goes: none is left without an answer.
        _queue.Writer.TryComplete();
        _writer.Join(TimeSpan.FromSeconds(30));
        return ValueTask.CompletedTask;
    }
}
