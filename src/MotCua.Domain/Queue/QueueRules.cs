using System.Globalization;

namespace MotCua.Domain.Queue;

/// <summary>Count, mean and 90th percentile (nearest rank) of a set of durations in minutes.</summary>
public sealed record DurationSummary(int Count, double? AverageMinutes, double? P90Minutes);

/// <summary>Pure rules of the desk queue: booking slots of a day, ticket labels, waiting and service time summaries.</summary>
public static class QueueRules
{
    /// <summary>Slot start times inside opening periods such as "07:30-11:30,13:30-17:00"; a slot must end by its period's end.</summary>
    public static IReadOnlyList<TimeOnly> SlotStarts(string periods, int slotMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slotMinutes, 5);
        var starts = new List<TimeOnly>();
        foreach (var part in periods.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length != 2 || !TimeOnly.TryParseExact(bounds[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TimeOnly.TryParseExact(bounds[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to <= from)
            {
                throw new FormatException($"Opening period '{part}' is not HH:mm-HH:mm.");
            }

            for (var t = from; t.AddMinutes(slotMinutes) <= to && t.AddMinutes(slotMinutes) > t; t = t.AddMinutes(slotMinutes))
            {
                starts.Add(t);
            }
        }

        return [.. starts.Distinct().Order()];
    }

    /// <summary>The label called out and printed: the counter's letter and a three-digit number, e.g. A-001.</summary>
    public static string TicketLabel(string letter, int number) => $"{letter}-{number.ToString("D3", CultureInfo.InvariantCulture)}";

    public static DurationSummary Summarise(IEnumerable<double> minutes)
    {
        var sorted = minutes.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new(0, null, null);
        }

        var rank = (int)Math.Ceiling(0.9 * sorted.Length);
        return new(sorted.Length, Math.Round(sorted.Average(), 1), Math.Round(sorted[rank - 1], 1));
    }

    /// <summary>True when <paramref name="lastDigits"/> (typed by the citizen) are the phone number's last four digits.</summary>
    public static bool PhoneEndsWith(string phone, string? lastDigits)
    {
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        var typed = new string([.. (lastDigits ?? "").Where(char.IsAsciiDigit)]);
        return typed.Length == 4 && digits.EndsWith(typed, StringComparison.Ordinal);
    }

    /// <summary>A phone number as shown on pages: only the last three digits.</summary>
    public static string MaskPhone(string phone) => phone.Length <= 3 ? new string('*', phone.Length) : new string('*', phone.Length - 3) + phone[^3..];
}
