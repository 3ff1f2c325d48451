using System.Globalization;

namespace MotCua.Domain.Dossiers;

public enum DossierSearchKind
{
    Code,
    IdNumber,
    ApplicantName,
}

/// <summary>
/// What an officer typed in the one search box: a dossier code (or its beginning), a citizen ID number (9 or 12 digits: CMND or
/// CCCD), or the beginning of the applicant's name. Each kind is answered by its own index on the dossier table (issue 25.3).
/// </summary>
public sealed record DossierSearch(DossierSearchKind Kind, string Value)
{
    private static readonly TextInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").TextInfo;

    public static DossierSearch? Parse(string? text)
    {
        var q = string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Normalize();
        if (q.Length == 0)
        {
            return null;
        }

        if (q.All(char.IsAsciiDigit) && q.Length is 9 or 12)
        {
            return new(DossierSearchKind.IdNumber, q);
        }

        // Names carry no digits; codes always do. Names are kept as written at the desk, in title case: "nguyễn văn" finds "Nguyễn Văn An".
        return q.Any(char.IsDigit) ? new(DossierSearchKind.Code, q) : new(DossierSearchKind.ApplicantName, Vietnamese.ToTitleCase(q.ToLower(CultureInfo.GetCultureInfo("vi-VN"))));
    }

    /// <summary>The upper bound of a prefix range: every string that starts with <paramref name="prefix"/> sorts below it, byte-wise.</summary>
    public static string PrefixEnd(string prefix) => prefix + char.MaxValue;
}
