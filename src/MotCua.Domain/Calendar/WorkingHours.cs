using System.Globalization;

namespace MotCua.Domain.Calendar;

/// <summary>Office hours of a working day as ordered, non-overlapping periods (default 7:00–11:30 and 13:30–17:00).</summary>
public sealed class WorkingHours
{
    public static readonly WorkingHours Default = new([(new TimeOnly(7, 0), new TimeOnly(11, 30)), (new TimeOnly(13, 30), new TimeOnly(17, 0))]);

    public WorkingHours(IReadOnlyList<(TimeOnly Start, TimeOnly End)> periods)
    {
        if (periods.Count == 0)
        {
            throw new ArgumentException("At least one period is needed.", nameof(periods));
        }

        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].End <= periods[i].Start || (i > 0 && periods[i].Start < periods[i - 1].End))
            {
                throw new ArgumentException("Periods must be ordered, non-empty and must not overlap.", nameof(periods));
            }
        }

        Periods = [.. periods];
    }

    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> Periods { get; }

    public TimeSpan PerDay => Periods.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.End - p.Start));

    /// <summary>Parses "07:00-11:30,13:30-17:00"; null when the text is not of that shape.</summary>
    public static WorkingHours? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var periods = new List<(TimeOnly, TimeOnly)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2
                || !TimeOnly.TryParseExact(ends[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(ends[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                return null;
            }

            periods.Add((start, end));
        }

        try
        {
            return new WorkingHours(periods);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public override string ToString() => string.Join(",", Periods.Select(p => p.Start.ToString("HH:mm", CultureInfo.InvariantCulture) + "-" + p.End.ToString("HH:mm", CultureInfo.InvariantCulture)));
}
