namespace MotCua.Domain.Meetings;

/// <summary>One meeting an invitee already has, as the conflict check sees it (UTC times).</summary>
public sealed record BusySlot(long MeetingId, string Title, DateTime StartUtc, DateTime EndUtc);

/// <summary>The pure rules of meetings (issue 24): the join window, conflicts, and when a meeting counts as held online.</summary>
public static class MeetingRules
{
    /// <summary>A personal link opens this long before the start, so people can test their camera.</summary>
    public static readonly TimeSpan OpensBefore = TimeSpan.FromMinutes(15);

    /// <summary>And keeps working this long after the planned end, for meetings that run over.</summary>
    public static readonly TimeSpan ClosesAfter = TimeSpan.FromMinutes(30);

    public const int MinDurationMinutes = 5;
    public const int MaxDurationMinutes = 12 * 60;

    public static DateTime EndUtc(DateTime startUtc, int durationMinutes) => startUtc.AddMinutes(durationMinutes);

    /// <summary>The time window in which a personal join link works: [start − 15 min, end + 30 min].</summary>
    public static (DateTime NotBeforeUtc, DateTime ExpiresUtc) JoinWindow(DateTime startUtc, DateTime endUtc) =>
        (startUtc - OpensBefore, endUtc + ClosesAfter);

    public static bool InJoinWindow(DateTime nowUtc, DateTime startUtc, DateTime endUtc)
    {
        var (nbf, exp) = JoinWindow(startUtc, endUtc);
        return nowUtc >= nbf && nowUtc <= exp;
    }

    /// <summary>Two half-open intervals [start, end) overlap; back-to-back meetings do not conflict.</summary>
    public static bool Overlaps(DateTime aStart, DateTime aEnd, DateTime bStart, DateTime bEnd) => aStart < bEnd && bStart < aEnd;

    /// <summary>The other meetings that overlap the proposed time: a warning for the organiser, never a refusal.</summary>
    public static IReadOnlyList<BusySlot> Conflicts(IEnumerable<BusySlot> busy, DateTime startUtc, DateTime endUtc, long? exceptMeetingId = null)
    {
        ArgumentNullException.ThrowIfNull(busy);
        return [.. busy.Where(b => b.MeetingId != exceptMeetingId && Overlaps(b.StartUtc, b.EndUtc, startUtc, endUtc)).OrderBy(b => b.StartUtc)];
    }

    /// <summary>
    /// "Online" as the reform plan counts it (Kế hoạch CCHC 2021–2025, III.6: 95 % of meetings held online from district to
    /// commune): held through the video platform — at least one participant joined through their personal link, or the
    /// secretary recorded it as held online — or held with its documents shared only electronically (at least one
    /// document attached in the system and no paper copies handed out).
    /// </summary>
    public static bool IsOnline(MeetingOnlineFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var throughPlatform = f.JoinedOnline > 0 || f.MarkedHeldOnline;
        var documentsOnlyElectronic = f.ElectronicDocuments > 0 && !f.PaperCopies;
        return throughPlatform || documentsOnlyElectronic;
    }
}

/// <summary>What decides whether a held meeting was online.</summary>
public sealed record MeetingOnlineFacts(int JoinedOnline, bool MarkedHeldOnline, int ElectronicDocuments, bool PaperCopies);
