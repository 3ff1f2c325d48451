using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MotCua.Domain.ReformPlan;

public enum TimingKind
{
    /// <summary>One due date in each year of the plan.</summary>
    Yearly,

    /// <summary>One due date in one given year.</summary>
    Once,

    /// <summary>Continuous work through the year, checked at year end.</summary>
    Continuous,

    /// <summary>Not parseable: a person must set the due dates.</summary>
    Manual,
}

/// <summary>A parsed appendix timing: <see cref="Month"/>/<see cref="Day"/> each year (or in <see cref="Year"/> only).</summary>
public sealed record TimingRule(TimingKind Kind, int Month, int Day, int? Year, string Text)
{
    public bool NeedsPerson => Kind == TimingKind.Manual;

    /// <summary>Due dates of the rule in [fromYear, toYear]; empty for a manual rule.</summary>
    public IReadOnlyList<DateOnly> Occurrences(int fromYear, int toYear) => Kind switch
    {
        TimingKind.Manual => [],
        TimingKind.Once => Year >= fromYear && Year <= toYear ? [new DateOnly(Year.Value, Month, Day)] : [],
        _ => [.. Enumerable.Range(fromYear, Math.Max(0, toYear - fromYear + 1)).Select(y => new DateOnly(y, Month, Day))],
    };
}

/// <summary>Reads the appendix's "thời gian thực hiện" texts ("Trước 15/11 hàng năm", "Quý IV năm 2021", …).</summary>
public static partial class Timing
{
    public static TimingRule Parse(string? text)
    {
        var original = text ?? "";
        var s = Normalize(original);
        var year = YearRegex().Match(s) is { Success: true } y ? int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
        var yearly = s.Contains("hang nam", StringComparison.Ordinal);
        var continuous = s.StartsWith("thuong xuyen", StringComparison.Ordinal);

        // Anything deferring to another body's rules or schedule cannot be dated here.
        if (s.Contains("theo quy dinh", StringComparison.Ordinal) || s.Contains("theo ke hoach", StringComparison.Ordinal) || s.Contains("lo trinh", StringComparison.Ordinal))
        {
            return new(TimingKind.Manual, 0, 0, null, original);
        }

        (int Month, int Day)? date = null;
        if (DayMonthRegex().Match(s) is { Success: true } dm)
        {
            var day = int.Parse(dm.Groups[1].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(dm.Groups[2].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2021, month))
            {
                date = (month, day);
            }
        }
        else if (QuarterRegex().Match(s) is { Success: true } q)
        {
            var month = q.Groups[1].Value switch { "i" => 3, "ii" => 6, "iii" => 9, "iv" => 12, var n => 3 * int.Parse(n, CultureInfo.InvariantCulture) };
            date = month is >= 3 and <= 12 ? (month, DateTime.DaysInMonth(2021, month)) : null;
        }
        else if (s.Contains("6 thang dau nam", StringComparison.Ordinal) || s.Contains("sau thang dau nam", StringComparison.Ordinal))
        {
            date = (6, 30);
            yearly |= year is null;
        }
        else if (MonthRegex().Match(s) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var mo)
        {
            date = (mo, DateTime.DaysInMonth(2021, mo));
        }
        else if (continuous || s == "hang nam" || (year is not null && s.StartsWith("nam ", StringComparison.Ordinal) && s.Length <= 9))
        {
            date = (12, 31);
        }

        if (date is not { } d || (!yearly && !continuous && year is null))
        {
            return new(TimingKind.Manual, 0, 0, null, original);
        }

        if (year is not null && !yearly)
        {
            return new(TimingKind.Once, d.Month, d.Day, year, original);
        }

        return new(continuous ? TimingKind.Continuous : TimingKind.Yearly, d.Month, d.Day, null, original);
    }

    /// <summary>Lower case, no diacritics, single spaces, "/" before a year read as "năm".</summary>
    internal static string Normalize(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        var s = SpacesRegex().Replace(sb.ToString(), " ").Trim();
        return QuarterSlashYearRegex().Replace(s, "quy $1 nam $2");
    }

    [GeneratedRegex(@"\b(20\d\d)\b")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"\b(\d{1,2})/(\d{1,2})\b(?!/)")]
    private static partial Regex DayMonthRegex();

    [GeneratedRegex(@"\bquy (iv|iii|ii|i|[1-4])\b")]
    private static partial Regex QuarterRegex();

    [GeneratedRegex(@"\bthang (\d{1,2})\b")]
    private static partial Regex MonthRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesRegex();

    [GeneratedRegex(@"\bquy (iv|iii|ii|i|[1-4]) ?/ ?(20\d\d)\b")]
    private static partial Regex QuarterSlashYearRegex();
}
