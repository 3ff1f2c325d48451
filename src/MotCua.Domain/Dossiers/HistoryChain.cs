using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Domain.Dossiers;

/// <summary>
/// The hashed content of one history event. Version 2 hashes every field; version 1 (the chains written before it) left out
/// the actor's name, the units and the reason code.
/// </summary>
public sealed record EventContent
{
    /// <summary>The dossier code.</summary>
    public required string DossierCode { get; init; }

    /// <summary>Position in the dossier's history, from 1 without gaps.</summary>
    public required long Sequence { get; init; }

    /// <summary>The instant as UTC <see cref="DateTime.Ticks"/>.</summary>
    public required long AtUtcTicks { get; init; }

    /// <summary>Who acted (account id, or "system").</summary>
    public required string ActorId { get; init; }

    /// <summary>The actor's name as shown in the history (v2).</summary>
    public string? ActorName { get; init; }

    /// <summary>The action's API name (kebab case), or an intake event name such as "receive".</summary>
    public required string Action { get; init; }

    /// <summary>State before the event; null for the intake event.</summary>
    public DossierStatus? StateBefore { get; init; }

    /// <summary>State after the event.</summary>
    public required DossierStatus StateAfter { get; init; }

    /// <summary>The actor's note.</summary>
    public string? Note { get; init; }

    /// <summary>Attached file ids (content hashes), in order.</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];

    /// <summary>Appointment date before the event.</summary>
    public DateOnly? DueDateBefore { get; init; }

    /// <summary>Appointment date after the event.</summary>
    public DateOnly? DueDateAfter { get; init; }

    /// <summary>The unit that acted (v2).</summary>
    public string? UnitCode { get; init; }

    /// <summary>The unit the dossier went to (v2).</summary>
    public string? ToUnitCode { get; init; }

    /// <summary>The listed decision reason's code (v2).</summary>
    public string? ReasonCode { get; init; }

    /// <summary>How a forward was handed over (electronic, paper); hashed only when present, so earlier v2 events keep their hashes.</summary>
    public string? Medium { get; init; }

    /// <summary>UTC ticks of an instant; rejects local times.</summary>
    public static long Ticks(DateTime utc) =>
        utc.Kind == DateTimeKind.Local ? throw new ArgumentException("Expected a UTC instant.", nameof(utc)) : utc.Ticks;
}

/// <summary>A stored event: its content, the previous event's hash and its own hash.</summary>
public sealed record ChainedEvent(EventContent Content, string PreviousHash, string Hash);

/// <summary>Where a chain breaks (null when intact) and how many of its events still verify only under version 1.</summary>
public sealed record ChainCheck(long? BrokenAt, int V1Events);

/// <summary>Per-dossier hash chain over history events: SHA-256(previous hash + canonical content), lowercase hex.</summary>
public static class HistoryChain
{
    /// <summary>The previous hash of the first event.</summary>
    public const string Genesis = "";

    /// <summary>The version new events are written in.</summary>
    public const int Current = 2;

    /// <summary>
    /// Deterministic text of the content: fixed field order, each field <c>name=length:value</c> or <c>name=~</c> for null, one
    /// per line. Version 2 appends the actor's name, the units and the reason code to version 1's fields.
    /// </summary>
    public static string Canonical(EventContent e, int version = Current)
    {
        if (version is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Known versions: 1, 2.");
        }

        var sb = new StringBuilder(version == 1 ? 256 : 320);
        Field(sb, "v", version == 1 ? "1" : "2");
        Field(sb, "dossier", e.DossierCode);
        Field(sb, "seq", e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(sb, "at", e.AtUtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(sb, "actor", e.ActorId);
        if (version >= 2)
        {
            Field(sb, "actor-name", e.ActorName);
        }

        Field(sb, "action", e.Action);
        Field(sb, "before", e.StateBefore?.ToString());
        Field(sb, "after", e.StateAfter.ToString());
        Field(sb, "note", e.Note);
        Field(sb, "attachments", e.Attachments.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var a in e.Attachments)
        {
            Field(sb, "attachment", a);
        }

        Field(sb, "due-before", e.DueDateBefore?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field(sb, "due-after", e.DueDateAfter?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (version >= 2)
        {
            Field(sb, "unit", e.UnitCode);
            Field(sb, "to-unit", e.ToUnitCode);
            Field(sb, "reason", e.ReasonCode);
            if (e.Medium is not null)
            {
                Field(sb, "medium", e.Medium);
            }
        }

        return sb.ToString();
    }

    /// <summary>SHA-256 of UTF-8(previous hash + canonical content) as 64 lowercase hex digits.</summary>
    public static string ComputeHash(string previousHash, EventContent content, int version = Current)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + Canonical(content, version));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Chains new content after <paramref name="previous"/> (null for the first event).</summary>
    public static ChainedEvent Append(ChainedEvent? previous, EventContent content, int version = Current)
    {
        var expected = (previous?.Content.Sequence ?? 0) + 1;
        if (content.Sequence != expected)
        {
            throw new ArgumentException($"Expected sequence {expected}, got {content.Sequence}.", nameof(content));
        }

        var prevHash = previous?.Hash ?? Genesis;
        return new ChainedEvent(content, prevHash, ComputeHash(prevHash, content, version));
    }

    /// <summary>
    /// The sequence number of the first broken event (edited, missing, reordered, from another dossier), or null when intact.
    /// Pass the dossier's stored head hash to detect a deleted tail too (reported as last sequence + 1).
    /// </summary>
    public static long? Verify(IEnumerable<ChainedEvent> events, string? expectedHeadHash = null) => Check(events, expectedHeadHash).BrokenAt;

    /// <summary>
    /// <see cref="Verify"/> with the version of each event inferred: an event verifies under version 2, or under version 1 while
    /// no earlier event of its chain was version 2 (a chain never goes back to the older form).
    /// </summary>
    public static ChainCheck Check(IEnumerable<ChainedEvent> events, string? expectedHeadHash = null)
    {
        var prevHash = Genesis;
        var expectedSeq = 1L;
        var v1 = 0;
        var seenV2 = false;
        string? dossier = null;
        foreach (var e in events)
        {
            var c = e.Content;
            dossier ??= c.DossierCode;
            if (c.Sequence != expectedSeq
                || !string.Equals(c.DossierCode, dossier, StringComparison.Ordinal)
                || !string.Equals(e.PreviousHash, prevHash, StringComparison.Ordinal))
            {
                return new(expectedSeq, v1);
            }

            if (string.Equals(e.Hash, ComputeHash(prevHash, c), StringComparison.Ordinal))
            {
                seenV2 = true;
            }
            else if (!seenV2 && string.Equals(e.Hash, ComputeHash(prevHash, c, 1), StringComparison.Ordinal))
            {
                v1++;
            }
            else
            {
                return new(expectedSeq, v1);
            }

            prevHash = e.Hash;
            expectedSeq++;
        }

        return new(expectedHeadHash is not null && !string.Equals(expectedHeadHash, prevHash, StringComparison.Ordinal) ? expectedSeq : null, v1);
    }

    private static void Field(StringBuilder sb, string name, string? value)
    {
        sb.Append(name).Append('=');
        if (value is null)
        {
            sb.Append('~');
        }
        else
        {
            sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        sb.Append('\n');
    }
}
