namespace MucGov.Shared.Calendar;

/// <summary>Whether a place is open at an instant, and when that changes.</summary>
/// <param name="Open">Open at the instant.</param>
/// <param name="ClosesAt">When it closes, if open.</param>
/// <param name="NextOpening">When it next opens, if closed (null when no opening within the horizon).</param>
/// <param name="Reason">Why it is closed today when it usually is open: <c>holiday</c>, <c>exception</c>; else null.</param>
public sealed record OpeningStatus(bool Open, DateTimeOffset? ClosesAt, DateTimeOffset? NextOpening, string? Reason);

/// <summary>Computes opening status from a weekly schedule, exceptions and Munich's public holidays, in Munich time.</summary>
public static class OpeningHours
{
    /// <summary>How far ahead the next opening is searched.</summary>
    public const int HorizonDays = 60;

    /// <summary>The intervals of a local date: an exception wins, then a public holiday (closed), then the weekday.</summary>
    public static (IReadOnlyList<TimeInterval> Intervals, string? Reason) HoursOn(DateOnly date, WeeklySchedule schedule, IReadOnlyCollection<ScheduleException> exceptions)
    {
        var exception = exceptions.FirstOrDefault(e => e.Date == date);
        if (exception is not null)
        {
            return exception.Closed ? ([], "exception") : (exception.Hours ?? [], null);
        }

        if (MunichCalendar.IsPublicHoliday(date))
        {
            return ([], "holiday");
        }

        return (schedule.On(date.DayOfWeek), null);
    }

    /// <summary>Open or closed at <paramref name="at"/>, until when, and the next opening, by the weekly schedule and its exceptions (holidays, closures).</summary>
    public static OpeningStatus StatusAt(DateTimeOffset at, WeeklySchedule schedule, IReadOnlyCollection<ScheduleException> exceptions)
    {
        var local = MunichCalendar.ToLocal(at);
        var today = DateOnly.FromDateTime(local);
        var (intervals, reason) = HoursOn(today, schedule, exceptions);
        foreach (var interval in intervals.OrderBy(i => i.Start))
        {
            var start = MunichCalendar.ToInstant(today, interval.Start);
            var end = MunichCalendar.ToInstant(today, interval.End);
            if (at >= start && at < end)
            {
                return new OpeningStatus(true, end, null, null);
            }
        }

        for (var offset = 0; offset <= HorizonDays; offset++)
        {
            var date = today.AddDays(offset);
            foreach (var interval in HoursOn(date, schedule, exceptions).Intervals.OrderBy(i => i.Start))
            {
                var start = MunichCalendar.ToInstant(date, interval.Start);
                if (start > at)
                {
                    return new OpeningStatus(false, null, start, schedule.On(today.DayOfWeek).Count > 0 ? reason : null);
                }
            }
        }

        return new OpeningStatus(false, null, null, reason);
    }
}
