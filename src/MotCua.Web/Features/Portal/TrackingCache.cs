using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

/// <summary>
/// Built tracking answers, each tagged with what it was built from: the dossier's version and head of its history chain
/// (every event moves the head, every edit the version) and the calendar version. Every request reads those from the
/// database first and uses the entry only if all three still match, so an answer is never older than the dossier, on any
/// instance. Units are dated (a rename is a new unit row reached through an event), so their names need no tag.
/// </summary>
public sealed class TrackingCache
{
    // ~2 KB each: bounded so that cycling through every code of a province cannot grow the process.
    private const int MaxEntries = 20_000;

    public sealed record Tag(int Version, string? LastHash, long CalendarVersion);

    /// <summary>What the look-up needs before the answer: the tag, the verifier's fields and the code's failure window.</summary>
    public sealed record Head(long Id, int Version, string? LastHash, string? IdNumber, string? Phone, long? CalendarVersion, int? Failures, DateTime? WindowStartUtc)
    {
        public Tag Tag => new(Version, LastHash, CalendarVersion ?? 0);
    }

    private readonly ConcurrentDictionary<string, (Tag Tag, Dossiers.TrackingDto Answer)> _entries = new(StringComparer.Ordinal);

    private static readonly Func<AppDbContext, string, CancellationToken, Task<Head?>> HeadQuery =
        EF.CompileAsyncQuery((AppDbContext db, string code, CancellationToken ct) => db.Dossiers.AsNoTracking()
            .Where(d => d.Code == code)
            .Select(d => new Head(
                d.Id, d.Version, d.LastHash, d.Applicant.IdNumber, d.Applicant.Phone,
                db.CalendarChanges.Max(c => (long?)c.Id),
                db.TrackingAttempts.Where(a => a.Code == code).Select(a => (int?)a.Failures).FirstOrDefault(),
                db.TrackingAttempts.Where(a => a.Code == code).Select(a => (DateTime?)a.WindowStartUtc).FirstOrDefault()))
            .FirstOrDefault());

    public static Task<Head?> HeadAsync(AppDbContext db, string code, CancellationToken ct) => HeadQuery(db, code, ct);

    public Dossiers.TrackingDto? Get(string code, Tag tag) =>
        _entries.TryGetValue(code, out var e) && e.Tag == tag ? e.Answer : null;

    public void Set(string code, Tag tag, Dossiers.TrackingDto answer)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[code] = (tag, answer);
    }
}
