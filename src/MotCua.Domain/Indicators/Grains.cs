namespace MotCua.Domain.Indicators;

/// <summary>The granularity of an aggregate row: a day, a month (keyed by its first day) or a year (keyed by 1 January).</summary>
public enum Grain
{
    Day,
    Month,
    Year,
}

/// <summary>A run of aggregate rows of one grain whose key dates lie in [First, Last].</summary>
public readonly record struct GrainRange(Grain Grain, DateOnly First, DateOnly Last)
{
    public bool Contains(Grain grain, DateOnly key) => grain == Grain && key >= First && key <= Last;
}

/// <summary>Covers any date range with whole years, whole months and single days, so a query reads at most ~90 rows per key.</summary>
public static class Grains
{
    /// <summary>The earliest date a prefix sum starts from: no dossier is older.</summary>
    public static readonly DateOnly Origin = new(1990, 1, 1);

    public static DateOnly KeyOf(Grain grain, DateOnly day) => grain switch
    {
        Grain.Year => new DateOnly(day.Year, 1, 1),
        Grain.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    public static IReadOnlyList<GrainRange> Cover(DateOnly from, DateOnly to)
    {
        List<GrainRange> ranges = [];
        var d = from;
        while (d <= to)
        {
            if (FullYear(d, to))
            {
                var start = d;
                while (FullYear(d, to))
                {
                    d = d.AddYears(1);
                }

                ranges.Add(new(Grain.Year, start, d.AddYears(-1)));
            }
            else if (FullMonth(d, to))
            {
                var start = d;
                while (FullMonth(d, to) && !FullYear(d, to))
                {
                    d = d.AddMonths(1);
                }

                ranges.Add(new(Grain.Month, start, d.AddMonths(-1)));
            }
            else
            {
                var start = d;
                while (d <= to && !FullMonth(d, to))
                {
                    d = d.AddDays(1);
                }

                ranges.Add(new(Grain.Day, start, d.AddDays(-1)));
            }
        }

        return ranges;
    }

    private static bool FullYear(DateOnly d, DateOnly to) => d is { Month: 1, Day: 1 } && d.AddYears(1).AddDays(-1) <= to;

    private static bool FullMonth(DateOnly d, DateOnly to) => d.Day == 1 && d.AddMonths(1).AddDays(-1) <= to;
}
