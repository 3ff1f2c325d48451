using System.Globalization;

namespace MotCua.Domain.Calendar;

/// <summary>
/// Working days (Monday–Friday, minus declared days off, plus declared make-up Saturdays) precomputed over
/// <see cref="MinYear"/>–<see cref="MaxYear"/> so that adding n working days is two array reads.
/// Years outside the span of the official entries follow the statutory fixed-date holidays and are flagged as estimated.
/// </summary>
public sealed class WorkingCalendar
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    // Tables reach two years past MaxYear so that a due date computed from the last supported day still fits.
    private static readonly DateOnly TableStart = new(MinYear, 1, 1);
    private static readonly DateOnly TableEnd = new(MaxYear + 2, 12, 31);
    private static readonly int Origin = TableStart.DayNumber;

    private readonly bool[] _working;
    private readonly int[] _countThrough;   // working days in [TableStart, day]
    private readonly int[] _workingOffsets; // offsets of working days, ascending
    private readonly Dictionary<DateOnly, CalendarEntry> _entries;
    private readonly HashSet<int> _officialYears;

    public WorkingCalendar(IEnumerable<CalendarEntry> entries, IEnumerable<CalendarEntry>? localEntries = null, WorkingHours? hours = null)
    {
        var national = entries.ToList();
        Hours = hours ?? WorkingHours.Default;
        // A year is official only if it has entries of its own: one entry far ahead must not make the years between "official".
        _officialYears = [.. national.Select(e => e.Date.Year)];
        if (national.Count > 0)
        {
            FirstDataYear = national.Min(e => e.Date.Year);
            LastDataYear = national.Max(e => e.Date.Year);
        }

        _entries = [];
        for (var year = MinYear; year <= TableEnd.Year; year++)
        {
            if (!HasOfficialData(year))
            {
                foreach (var e in StatutoryHolidays(year))
                {
                    _entries[e.Date] = e;
                }
            }
        }

        foreach (var e in national.Concat(localEntries ?? []))
        {
            _entries[e.Date] = e;
        }

        var length = TableEnd.DayNumber - Origin + 1;
        _working = new bool[length];
        _countThrough = new int[length];
        var offsets = new List<int>(length * 5 / 7 + 16);
        var count = 0;
        for (var i = 0; i < length; i++)
        {
            var date = DateOnly.FromDayNumber(Origin + i);
            var working = _entries.TryGetValue(date, out var entry)
                ? entry.Kind == CalendarDayKind.MakeupWorkday
                : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            _working[i] = working;
            if (working)
            {
                count++;
                offsets.Add(i);
            }

            _countThrough[i] = count;
        }

        _workingOffsets = [.. offsets];
    }

    /// <summary>First and last year covered by official entries; 0 when there are none (every year is then estimated).</summary>
    public int FirstDataYear { get; }

    public int LastDataYear { get; }

    public WorkingHours Hours { get; }

    public bool HasOfficialData(int year) => _officialYears.Contains(year);

    public static bool IsSupported(DateOnly date) => date.Year is >= MinYear and <= MaxYear;

    /// <summary>The declared entry for a day (official, local or statutory estimate), if any.</summary>
    public CalendarEntry? EntryFor(DateOnly date) => _entries.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date) => _working[Offset(date)];

    /// <summary>The n-th working day after <paramref name="from"/> (day 1 is the first working day after it).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0)
        {
            return from;
        }

        var index = _countThrough[Offset(from)] + n - 1;
        if (index >= _workingOffsets.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "The result lies beyond the calendar's range.");
        }

        return DateOnly.FromDayNumber(Origin + _workingOffsets[index]);
    }

    /// <summary>Working days in (from, to]: the inverse of <see cref="AddWorkingDays"/>; negative when to is before from.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to) => _countThrough[Offset(to)] - _countThrough[Offset(from)];

    /// <summary>The due date of <paramref name="workingDays"/> working days from receipt, the clock stopped during each pause.</summary>
    public DateOnly DueDate(DateOnly received, int workingDays, ReadOnlySpan<Pause> pauses = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingDays);
        var anchor = received;
        var remaining = workingDays;
        foreach (var pause in pauses)
        {
            var used = CountWorkingDays(anchor, pause.RequestedOn);
            if (used >= remaining)
            {
                break;
            }

            remaining -= Math.Max(used, 0);
            anchor = pause.ResumedOn;
        }

        return AddWorkingDays(anchor, remaining);
    }

    /// <summary>True when any day from receipt to the due date lies in a year without official data.</summary>
    public bool IsEstimated(DateOnly received, DateOnly due) => !HasOfficialData(received.Year) || !HasOfficialData(due.Year);

    /// <summary>Checks pauses: each within range, ending on or after its start, starting on or after receipt and after the previous resume.</summary>
    public static string? ValidatePauses(DateOnly received, ReadOnlySpan<Pause> pauses)
    {
        var previous = received;
        foreach (var p in pauses)
        {
            if (p.ResumedOn < p.RequestedOn)
            {
                return "end-before-start";
            }

            if (p.RequestedOn < previous)
            {
                return "out-of-order";
            }

            previous = p.ResumedOn;
        }

        return null;
    }

    /// <summary>The due date with the reasons: every day off skipped while counting, every make-up Saturday counted, every pause.</summary>
    public DueDateExplanation Explain(DateOnly received, int workingDays, ReadOnlySpan<Pause> pauses = default)
    {
        var due = DueDate(received, workingDays, pauses);
        var lines = new List<ExplanationLine>
        {
            new(ExplanationKind.Received, received, received,
                $"Ngày tiếp nhận {Format(received)} ({DayName(received)}); thời hạn {workingDays} ngày làm việc, ngày thứ nhất là ngày làm việc tiếp theo."),
        };

        var anchor = received;
        var remaining = workingDays;
        foreach (var pause in pauses)
        {
            var used = CountWorkingDays(anchor, pause.RequestedOn);
            if (used >= remaining)
            {
                break;
            }

            Describe(lines, anchor, pause.RequestedOn);
            remaining -= Math.Max(used, 0);
            lines.Add(new(ExplanationKind.Pause, pause.RequestedOn, pause.ResumedOn,
                $"Tạm dừng tính thời hạn từ {Format(pause.RequestedOn)} đến {Format(pause.ResumedOn)}: {workingDays - remaining} ngày làm việc đã dùng được giữ lại (tính cả ngày {Format(pause.RequestedOn)}), còn {remaining} ngày, tính tiếp từ ngày làm việc sau {Format(pause.ResumedOn)}."));
            anchor = pause.ResumedOn;
        }

        Describe(lines, anchor, due);
        var estimated = IsEstimated(received, due);
        if (estimated)
        {
            foreach (var year in Enumerable.Range(received.Year, due.Year - received.Year + 1).Where(y => !HasOfficialData(y)))
            {
                lines.Add(new(ExplanationKind.Estimated, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31),
                    $"Năm {year} chưa có lịch nghỉ chính thức: ngày nghỉ được ước tính theo Bộ luật Lao động 2019 (1/1, 30/4, 1/5, 2/9 và một ngày liền kề, nghỉ bù khi trùng cuối tuần); Tết Nguyên đán và Giỗ Tổ Hùng Vương (âm lịch) chưa được trừ. Kết quả là ước tính."));
            }
        }

        lines.Add(new(ExplanationKind.Due, due, due, $"Hạn giải quyết: {Format(due)} ({DayName(due)}), ngày làm việc thứ {workingDays}."));
        return new DueDateExplanation(due, estimated, lines);
    }

    /// <summary>Adds working time from a local instant, skipping non-working days and the time outside office hours.</summary>
    public DateTime AddWorkingHours(DateTime localStart, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var day = DateOnly.FromDateTime(localStart);
        var time = TimeOnly.FromDateTime(localStart);
        var left = duration;
        for (var guard = 0; guard < 4000; guard++)
        {
            if (IsWorkingDay(day))
            {
                foreach (var (start, end) in Hours.Periods)
                {
                    if (time >= end)
                    {
                        continue;
                    }

                    var from = time > start ? time : start;
                    var available = end - from;
                    if (left <= available)
                    {
                        // A zero duration before office hours still waits for the office to open.
                        return day.ToDateTime(from).Add(left);
                    }

                    left -= available;
                    time = end;
                }
            }

            day = day.AddDays(1);
            time = TimeOnly.MinValue;
        }

        throw new ArgumentOutOfRangeException(nameof(duration), "The result lies beyond the calendar's range.");
    }

    public DateTime AddWorkingHours(DateTime localStart, double hours) => AddWorkingHours(localStart, TimeSpan.FromHours(hours));

    /// <summary>Fixed-date holidays of Bộ luật Lao động 2019 Đ112, moved off weekends per Đ111; lunar holidays are unknown and left out.</summary>
    public static IReadOnlyList<CalendarEntry> StatutoryHolidays(int year)
    {
        const string source = "Ước tính theo Bộ luật Lao động 2019 Điều 112, Điều 111 (chưa có thông báo chính thức)";
        var national = new DateOnly(year, 9, 2);
        // The government picks the adjacent day; the estimate joins it to the nearer weekend, else takes 1/9.
        var adjacent = national.DayOfWeek switch
        {
            DayOfWeek.Monday => national.AddDays(1),
            DayOfWeek.Thursday => national.AddDays(1),
            _ => national.AddDays(-1),
        };
        var fixedDays = new List<CalendarEntry>
        {
            new(new DateOnly(year, 1, 1), CalendarDayKind.Holiday, "Tết Dương lịch", source),
            new(new DateOnly(year, 4, 30), CalendarDayKind.Holiday, "Ngày Chiến thắng", source),
            new(new DateOnly(year, 5, 1), CalendarDayKind.Holiday, "Ngày Quốc tế Lao động", source),
            new(national, CalendarDayKind.Holiday, "Quốc khánh", source),
            new(adjacent, CalendarDayKind.Holiday, "Quốc khánh (ngày liền kề)", source),
        };
        fixedDays.Sort((a, b) => a.Date.CompareTo(b.Date));
        var taken = fixedDays.Select(e => e.Date).ToHashSet();
        var result = new List<CalendarEntry>(fixedDays);
        foreach (var e in fixedDays.Where(e => e.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            var d = e.Date.AddDays(1);
            while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || taken.Contains(d))
            {
                d = d.AddDays(1);
            }

            taken.Add(d);
            result.Add(new(d, CalendarDayKind.Holiday, "Nghỉ bù " + e.Name, source));
        }

        return result;
    }

    public static string Format(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DayName(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Monday => "thứ Hai",
        DayOfWeek.Tuesday => "thứ Ba",
        DayOfWeek.Wednesday => "thứ Tư",
        DayOfWeek.Thursday => "thứ Năm",
        DayOfWeek.Friday => "thứ Sáu",
        DayOfWeek.Saturday => "thứ Bảy",
        _ => "Chủ nhật",
    };

    // Lists the days in (from, to]: declared days off by name, plain weekends grouped, make-up Saturdays counted.
    private void Describe(List<ExplanationLine> lines, DateOnly from, DateOnly to)
    {
        var d = from.AddDays(1);
        while (d <= to)
        {
            var entry = EntryFor(d);
            if (IsWorkingDay(d))
            {
                if (entry is { Kind: CalendarDayKind.MakeupWorkday })
                {
                    lines.Add(new(ExplanationKind.MakeupWorkday, d, d, $"{Format(d)} {Capitalise(DayName(d))} làm việc bù ({entry.Name}): được tính là ngày làm việc."));
                }

                d = d.AddDays(1);
                continue;
            }

            if (entry is not null)
            {
                lines.Add(new(ExplanationKind.Holiday, d, d, $"{Format(d)} {entry.Name}"));
                d = d.AddDays(1);
                continue;
            }

            var start = d;
            while (d.AddDays(1) <= to && !IsWorkingDay(d.AddDays(1)) && EntryFor(d.AddDays(1)) is null)
            {
                d = d.AddDays(1);
            }

            var names = string.Join(", ", Enumerable.Range(0, d.DayNumber - start.DayNumber + 1).Select(i => Capitalise(DayName(start.AddDays(i)))));
            lines.Add(start == d
                ? new(ExplanationKind.Weekend, start, d, $"{Format(start)} {names} (nghỉ cuối tuần)")
                : new(ExplanationKind.Weekend, start, d, $"{Format(start)}–{Format(d)} {names} (nghỉ cuối tuần)"));
            d = d.AddDays(1);
        }
    }

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static int Offset(DateOnly date)
    {
        var offset = date.DayNumber - Origin;
        if ((uint)offset >= (uint)(TableEnd.DayNumber - Origin + 1))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Dates from {MinYear} to {MaxYear} are supported.");
        }

        return offset;
    }
}
