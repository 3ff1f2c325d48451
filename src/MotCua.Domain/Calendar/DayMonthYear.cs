using System.Globalization;

namespace MotCua.Domain.Calendar;

/// <summary>Dates as Vietnamese users write them (dd/MM/yyyy) whatever the browser's locale; ISO yyyy-MM-dd is accepted too for links and the API.</summary>
public static class DayMonthYear
{
    public const string Pattern = "dd/MM/yyyy";

    /// <summary>The HTML <c>pattern</c> of a date box: one or two digits for day and month, four for the year.</summary>
    public const string HtmlPattern = @"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}";

    private static readonly string[] Formats = ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    /// <summary>Reads dd/MM/yyyy (also d/M/yyyy, with '-' or '.' between) or ISO yyyy-MM-dd; never guesses month-first.</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>A date box's value in dd/MM/yyyy: an ISO or dd/MM/yyyy value is rewritten, anything else (what the user typed) is kept.</summary>
    public static string? Display(string? value) => TryParse(value, out var d) ? Format(d) : value;
}
