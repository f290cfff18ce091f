using PublicHoliday;

namespace MucGov.Shared.Calendar;

/// <summary>Local time and public holidays in Munich.</summary>
public static class MunichCalendar
{
    /// <summary>Europe/Berlin (CET/CEST).</summary>
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly GermanPublicHoliday Bavaria = new() { State = GermanPublicHoliday.States.BY };

    /// <summary>
    /// Bavarian public holidays as they apply in Munich: the state's holidays plus Mariä Himmelfahrt (15 August), which
    /// Bavaria keeps only in communities with a Catholic majority — Munich is one. Augsburg's Friedensfest does not apply.
    /// </summary>
    public static bool IsPublicHoliday(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return Bavaria.IsPublicHoliday(day) || (date.Month == 8 && date.Day == 15);
    }

    /// <summary>The local (Munich) date and time of an instant.</summary>
    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    /// <summary>
    /// The instant of a Munich wall-clock time. Times skipped by the spring DST switch move forward by the gap; the
    /// repeated hour in autumn takes its first (summer-time) occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
