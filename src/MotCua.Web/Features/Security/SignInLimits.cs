using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Features.Security;

/// <summary>
/// Failed sign-ins counted per account and per client address over a sliding window (<c>Security:SignInAccountFailureLimit</c>,
/// <c>SignInClientFailureLimit</c>, <c>SignInFailureWindowSeconds</c>). Successes are never counted, so a whole office behind
/// one address signing in correctly is never limited; a success clears its account's failures (not its address's, or one valid
/// account would let a guesser reset the count). Kept in memory per instance, like the other rate limits.
/// </summary>
public sealed class SignInLimits(IOptionsMonitor<SecurityOptions> options, TimeProvider time)
{
    // Failure times per key, oldest first; a key never holds more than its limit (a refused attempt is not a failure).
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private long _recorded;

    /// <summary>When sign-in is allowed again for this account from this address, or null when it is allowed now.</summary>
    public DateTimeOffset? RetryAt(string account, string clientIp)
    {
        var o = options.CurrentValue;
        var now = time.GetUtcNow();
        var byAccount = RetryAt(AccountKey(account), o.SignInAccountFailureLimit, now, o);
        var byClient = RetryAt(ClientKey(clientIp), o.SignInClientFailureLimit, now, o);
        return byAccount > byClient ? byAccount : byClient ?? byAccount;
    }

    public void RecordFailure(string account, string clientIp)
    {
        var o = options.CurrentValue;
        var now = time.GetUtcNow();
        Add(AccountKey(account), o.SignInAccountFailureLimit, now, o);
        Add(ClientKey(clientIp), o.SignInClientFailureLimit, now, o);
        if (Interlocked.Increment(ref _recorded) % 1000 == 0)
        {
            Sweep(now, o);
        }
    }

    public void RecordSuccess(string account) => _failures.TryRemove(AccountKey(account), out _);

    private static string AccountKey(string account) => "account:" + account.Trim().ToUpperInvariant();

    private static string ClientKey(string clientIp) => "client:" + clientIp;

    private static TimeSpan Window(SecurityOptions o) => TimeSpan.FromSeconds(Math.Max(1, o.SignInFailureWindowSeconds));

    private DateTimeOffset? RetryAt(string key, int limit, DateTimeOffset now, SecurityOptions o)
    {
        if (!_failures.TryGetValue(key, out var times))
        {
            return null;
        }

        lock (times)
        {
            Expire(times, now, o);
            // Limited while `limit` failures lie in the window: free again when the oldest of them leaves it.
            return times.Count >= Math.Max(1, limit) ? times.Peek() + Window(o) : null;
        }
    }

    private void Add(string key, int limit, DateTimeOffset now, SecurityOptions o)
    {
        while (true)
        {
            var times = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (times)
            {
                // A sweep may have dropped this queue meanwhile: then add to the one now in the table.
                if (!_failures.TryGetValue(key, out var current) || !ReferenceEquals(current, times))
                {
                    continue;
                }

                Expire(times, now, o);
                times.Enqueue(now);
                while (times.Count > Math.Max(1, limit))
                {
                    times.Dequeue();
                }

                return;
            }
        }
    }

    private static void Expire(Queue<DateTimeOffset> times, DateTimeOffset now, SecurityOptions o)
    {
        while (times.Count > 0 && times.Peek() + Window(o) <= now)
        {
            times.Dequeue();
        }
    }

    /// <summary>Drops keys whose failures all left the window, so that guessed user names do not pile up.</summary>
    private void Sweep(DateTimeOffset now, SecurityOptions o)
    {
        foreach (var (key, times) in _failures)
        {
            lock (times)
            {
                Expire(times, now, o);
                if (times.Count == 0)
                {
                    _failures.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(key, times));
                }
            }
        }
    }
}
