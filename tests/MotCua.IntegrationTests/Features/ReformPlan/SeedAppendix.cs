using System.Text.RegularExpressions;

namespace MotCua.IntegrationTests.Features.ReformPlan;

/// <summary>An extraction of the seed's appendix and targets straight from the PDF text, independent of the plan data file.</summary>
public static partial class SeedAppendix
{
    public const string SeedName = "000_6a0161e947e78645.txt";

    /// <summary>The plan as issued, kept in the repository under docs/sources/ so that a fresh clone tests against it.</summary>
    public static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            {
                var path = Path.Combine(dir.FullName, "docs", "sources", SeedName);
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }

    /// <summary>Task numbers as printed, per roman section, in document order.</summary>
    public static Dictionary<string, List<string>> TaskNumbers(string[] lines)
    {
        var start = Array.FindIndex(lines, l => l.Contains("PHỤ LỤC", StringComparison.Ordinal));
        var result = new Dictionary<string, List<string>>();
        string? section = null;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var l = lines[i];
            if (SectionRegex().Match(l) is { Success: true } s)
            {
                var title = s.Groups[2].Value.Trim() is { Length: > 0 } rest ? rest : NextNonBlank(lines, i);
                if (title.Length > 0 && !title.Any(char.IsLower) && title.Any(char.IsLetter))
                {
                    section = s.Groups[1].Value;
                    result[section] = [];
                    continue;
                }
            }

            if (section is null)
            {
                continue;
            }

            // A number alone on its line is a task number unless a repeated table header follows (then it is a page number).
            if (NumberAloneRegex().Match(l) is { Success: true } alone && !NextNonBlank(lines, i).StartsWith("STT", StringComparison.Ordinal))
            {
                result[section].Add(alone.Groups[1].Value);
            }
            else if (NumberThenTextRegex().Match(l) is { Success: true } withText)
            {
                result[section].Add(withText.Groups[1].Value);
            }
        }

        return result;
    }

    /// <summary>The bullets of section II.2 "Chỉ tiêu đến năm 2025".</summary>
    public static int TargetBullets(string[] lines)
    {
        var from = Array.FindIndex(lines, l => l.Contains("Chỉ tiêu đến năm 2025", StringComparison.Ordinal));
        var to = Array.FindIndex(lines, from, l => l.Contains("NHIỆM VỤ CHỦ YẾU", StringComparison.Ordinal));
        return lines[from..to].Count(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal));
    }

    public static string Collapse(string s) => SpacesRegex().Replace(s, " ").Trim();

    private static string NextNonBlank(string[] lines, int i)
    {
        for (var j = i + 1; j < lines.Length; j++)
        {
            if (!string.IsNullOrWhiteSpace(lines[j]))
            {
                return lines[j].Trim();
            }
        }

        return "";
    }

    [GeneratedRegex(@"^\s*(I|II|III|IV|V|VI|VII|VIII|IX|X)(?:\s+(.*))?$")]
    private static partial Regex SectionRegex();

    [GeneratedRegex(@"^\s*(\d{1,2})\s*$")]
    private static partial Regex NumberAloneRegex();

    [GeneratedRegex(@"^\s*(\d{1,2})\s+(\p{Lu}.*)$")]
    private static partial Regex NumberThenTextRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesRegex();
}
