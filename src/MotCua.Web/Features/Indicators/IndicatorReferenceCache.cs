using System.Collections.Concurrent;
using System.Diagnostics;

namespace MotCua.Web.Features.Indicators;

/// <summary>
/// The catalogue and plan reads of the indicator report, kept per unit subtree and day: they cost more than the aggregate
/// sums (docs/benchmarks.md). Any save of a unit, procedure, unit-procedure, plan or target in this process clears them
/// (<see cref="AggregatesInterceptor"/>); entries also expire after <see cref="Lifetime"/> so other instances' changes show.
/// </summary>
public sealed class IndicatorReferenceCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private const int MaxEntries = 2000;
    private static long _version;

    private sealed record Entry(long Version, long LoadedAt, object Value);

    private readonly ConcurrentDictionary<(string Kind, string Path, DateOnly Day), Entry> _entries = new();

    public static void Invalidate() => Interlocked.Increment(ref _version);

    public async Task<T> GetAsync<T>(string kind, string path, DateOnly day, Func<Task<T>> load)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        var version = Interlocked.Read(ref _version);
        if (_entries.TryGetValue((kind, path, day), out var e) && e.Version == version && Stopwatch.GetElapsedTime(e.LoadedAt) < Lifetime)
        {
            return (T)e.Value;
        }

        var value = await load();
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        // Stored under the version read before loading: a change saved meanwhile makes it stale at once.
        _entries[(kind, path, day)] = new Entry(version, Stopwatch.GetTimestamp(), value);
        return value;
    }
}
