namespace MucGov.Shared.Calendar;

/// <summary>Arithmetic in business hours: time counts only inside the schedule's intervals, never on Munich's public holidays.</summary>
public static class BusinessTime
{
    /// <summary>How far ahead a deadline is searched before the schedule counts as having no business hours.</summary>
    public const int HorizonDays = 400;

    /// <summary>
    /// The instant at which <paramref name="duration"/> of business time has passed since <paramref name="start"/>.
    /// A start outside business hours counts from the next opening; a zero duration gives that opening.
    /// </summary>
    /// <exception cref="ArgumentException">The schedule has no business hours within <see cref="HorizonDays"/> days.</exception>
    public static DateTimeOffset Add(DateTimeOffset start, TimeSpan duration, WeeklySchedule schedule, IReadOnlyCollection<ScheduleException>? exceptions = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var remaining = duration;
        var firstDay = DateOnly.FromDateTime(MunichCalendar.ToLocal(start));
        for (var offset = 0; offset <= HorizonDays; offset++)
        {
            var date = firstDay.AddDays(offset);
            foreach (var interval in OpeningHours.HoursOn(date, schedule, exceptions ?? []).Intervals.OrderBy(i => i.Start))
            {
                var from = MunichCalendar.ToInstant(date, interval.Start);
                var to = MunichCalendar.ToInstant(date, interval.End);
                if (from < start)
                {
                    from = start;
                }

                if (from >= to)
                {
                    continue;
                }

                var available = to - from;
                if (remaining <= available)
                {
                    return from + remaining;
                }

                remaining -= available;
            }
        }

        throw new ArgumentException($"The schedule has no business hours within {HorizonDays} days.", nameof(schedule));
    }
}
