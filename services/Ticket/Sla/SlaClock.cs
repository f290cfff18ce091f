using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Shared.Calendar;
using MucGov.Ticket.Data;
using MucGov.Ticket.Departments;

namespace MucGov.Ticket.Sla;

/// <summary>Computes deadlines in a department's business hours (weekends and Munich's public holidays do not count).</summary>
public sealed class SlaClock(TicketDbContext db, IOptions<SlaOptions> options)
{
    /// <summary>Deadline for the department's answer, counted from <paramref name="from"/>.</summary>
    public Task<DateTimeOffset> ResponseDueAsync(string departmentId, DateTimeOffset from, CancellationToken ct) =>
        DueAsync(departmentId, from, options.Value.ResponseTime, ct);

    /// <summary>Deadline for the department's next step after a public reply.</summary>
    public Task<DateTimeOffset> FollowUpDueAsync(string departmentId, DateTimeOffset from, CancellationToken ct) =>
        DueAsync(departmentId, from, options.Value.FollowUpTime, ct);

    private async Task<DateTimeOffset> DueAsync(string departmentId, DateTimeOffset from, TimeSpan budget, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == departmentId, ct);
        return Deadline(from, budget, department?.Schedule);
    }

    /// <summary>
    /// <paramref name="budget"/> of business time after <paramref name="from"/> in <paramref name="schedule"/>; a department
    /// without business hours (or unknown) counts in the default Monday–Friday 08:00–16:00.
    /// </summary>
    public static DateTimeOffset Deadline(DateTimeOffset from, TimeSpan budget, WeeklySchedule? schedule)
    {
        var hours = schedule is { Days.Count: > 0 } && schedule.Days.Values.Any(d => d.Count > 0) ? schedule : DepartmentCalendar.DefaultSchedule;
        return BusinessTime.Add(from, budget, hours).ToUniversalTime();
    }
}
