using System.Diagnostics;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Group commit of intakes (design-notes.md, "The write path"): requests prepare their dossier outside the write lock and
/// queue it; one writer takes whatever is waiting, allocates the codes with one counter bump per (unit, day), inserts the
/// batch in one transaction and answers each request only after that transaction is durable. If a batch fails, its
/// intakes are retried one transaction each, so that one bad intake (a repeated idempotency key) fails alone.
/// </summary>
public sealed class IntakeCommitter : IAsyncDisposable
{
    private const int MaxBatch = 256;

    /// <summary>A prepared intake: <see cref="Build"/> adds a fresh dossier graph with the given sequence number to the context.</summary>
    public sealed record Pending(int UnitId, DateOnly Day, Func<AppDbContext, int, Dossier> Build);

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
        var saved = new Dossier[items.Count];
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
                saved[index] = intake.Build(db, ++seq);
            }
        }

        var built = Stopwatch.GetElapsedTime(started);
        db.SaveChanges();
        var inserted = Stopwatch.GetElapsedTime(started);
        tx.Commit();
        if (_log.IsEnabled(LogLevel.Debug))
        {
            _log.LogDebug(
                "Intake batch of {Count}: built {BuiltMs:F1} ms, saved {SavedMs:F1} ms, committed {CommittedMs:F1} ms",
                items.Count, built.TotalMilliseconds, inserted.TotalMilliseconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return saved;
    }

    public ValueTask DisposeAsync()
    {
        // Queued intakes are still written (or failed) before the process goes: none is left without an answer.
        _queue.Writer.TryComplete();
        _writer.Join(TimeSpan.FromSeconds(30));
        return ValueTask.CompletedTask;
    }
}
