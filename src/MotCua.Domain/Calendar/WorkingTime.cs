namespace MotCua.Domain.Calendar;

/// <summary>Working time between two local instants: the inverse of <see cref="WorkingCalendar.AddWorkingHours(DateTime, TimeSpan)"/>.</summary>
public static class WorkingTime
{
    /// <summary>Office time from <paramref name="localFrom"/> to <paramref name="localTo"/>; negative when <paramref name="localTo"/> is earlier.</summary>
    public static TimeSpan Between(WorkingCalendar calendar, DateTime localFrom, DateTime localTo)
    {
        if (localTo < localFrom)
        {
            return -Between(calendar, localTo, localFrom);
        }

        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(localFrom); day <= DateOnly.FromDateTime(localTo); day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            foreach (var (start, end) in calendar.Hours.Periods)
            {
                var s = day.ToDateTime(start);
                var e = day.ToDateTime(end);
                var from = s > localFrom ? s : localFrom;
                var to = e < localTo ? e : localTo;
                if (to > from)
                {
                    total += to - from;
                }
            }
        }

        return total;
    }
}
