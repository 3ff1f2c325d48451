using System.Globalization;
using System.Text.RegularExpressions;

namespace MotCua.Domain.Procedures;

public enum DocumentKind
{
    Original,
    Copy,
    CertifiedCopy,
}

public sealed record ParsedDocument(string Name, DocumentKind Kind, int Count);

/// <summary>Parses the national database's document list: items joined by " | ", each ending with "[N bản chính]".</summary>
public static partial class DocumentList
{
    public const string Separator = " | ";

    [GeneratedRegex(@"\[\s*(\d+)\s*bản chính\s*\]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OriginalsSuffix();

    public static IReadOnlyList<ParsedDocument> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var result = new List<ParsedDocument>();
        foreach (var raw in text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = OriginalsSuffix().Match(raw);
            var name = (match.Success ? raw[..match.Index] : raw).Trim().TrimEnd(';').Trim();
            if (name.Length == 0)
            {
                continue;
            }

            var originals = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            // "[0 bản chính]" means no original is kept: the applicant hands in a copy (certified when the text says so).
            var kind = originals > 0 ? DocumentKind.Original
                : TextFolding.Fold(name).Contains("ban sao co chung thuc", StringComparison.Ordinal) ? DocumentKind.CertifiedCopy
                : DocumentKind.Copy;
            result.Add(new ParsedDocument(name, kind, Math.Max(originals, 1)));
        }

        return result;
    }

    public static string Format(IEnumerable<ParsedDocument> documents) =>
        string.Join(Separator, documents.Select(d => $"{d.Name} [{(d.Kind == DocumentKind.Original ? d.Count : 0)} bản chính]"));
}
