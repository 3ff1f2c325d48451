namespace MotCua.Domain.Dossiers;

/// <summary>How a forward physically handed the dossier over: in the system, or as a paper file carried to the next unit.</summary>
public enum TransferMedium
{
    Electronic,
    Paper,
}

/// <summary>
/// Whether a dossier was routed electronically between units (issue 20, item 2): true when every transfer between two
/// different units in its history was electronic, false as soon as one was on paper, and null while it has never left the
/// unit that held it (the indicator "hồ sơ được luân chuyển điện tử giữa các cơ quan" does not count it, ADR 0009).
/// </summary>
public static class Routing
{
    public const string Electronic = "electronic";
    public const string Paper = "paper";

    /// <summary>The API names; a missing value is electronic, anything else is not a medium.</summary>
    public static bool TryParse(string? value, out TransferMedium medium)
    {
        medium = TransferMedium.Electronic;
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or Electronic:
                return true;
            case Paper:
                medium = TransferMedium.Paper;
                return true;
            default:
                return false;
        }
    }

    public static string Name(TransferMedium medium) => medium == TransferMedium.Paper ? Paper : Electronic;

    /// <summary>The fact after one more forward: a forward inside one unit changes nothing; one paper transfer makes it false for good.</summary>
    public static bool? After(bool? routedSoFar, bool betweenUnits, TransferMedium medium) =>
        !betweenUnits ? routedSoFar : (routedSoFar ?? true) && medium == TransferMedium.Electronic;

    /// <summary>The fact read from a whole history of forwards, in order (the reference <see cref="After"/> must agree with).</summary>
    public static bool? Of(IEnumerable<(string FromUnit, string ToUnit, TransferMedium Medium)> forwards)
    {
        ArgumentNullException.ThrowIfNull(forwards);
        bool? routed = null;
        foreach (var (from, to, medium) in forwards)
        {
            routed = After(routed, !string.Equals(from, to, StringComparison.Ordinal), medium);
        }

        return routed;
    }
}
