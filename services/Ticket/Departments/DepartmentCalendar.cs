using MucGov.Shared.Calendar;

namespace MucGov.Ticket.Departments;

/// <summary>A department's business hours as the knowledge catalog last told us (the catalog owns them; this is a cache).</summary>
public sealed class DepartmentCalendar
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    /// <summary>Weekday (<c>mon</c> … <c>sun</c>) → intervals.</summary>
    public Dictionary<string, List<TimeInterval>> BusinessHours { get; set; } = [];

    /// <summary>Catalog version of the department.</summary>
    public long Version { get; set; }

    public DateTimeOffset RefreshedAt { get; set; }

    /// <summary>Monday to Friday 08:00–16:00: used for a department the cache does not know (yet).</summary>
    public static WeeklySchedule DefaultSchedule { get; } = new()
    {
        Days = new[] { "mon", "tue", "wed", "thu", "fri" }.ToDictionary(d => d, _ => new List<TimeInterval> { new(new TimeOnly(8, 0), new TimeOnly(16, 0)) }),
    };

    public WeeklySchedule Schedule => new() { Days = BusinessHours };
}
