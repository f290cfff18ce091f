using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Shared.Calendar;
using MucGov.Ticket.Data;
using MucGov.Ticket.Departments;

namespace MucGov.Ticket.Sla;

/// <summary>Computes deadlines in a department's business hours (weekends and Munich's public holidays do not count).</summary>
public sealed class SlaClock(TicketDbContext db, IOptions<SlaOptions> options)
{
    /// <summary>The department's name and deadlines, from the cache of the catalog's departments.</summary>
    public async Task<DepartmentTerms> TermsAsync(string departmentId, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == departmentId, ct);
        return department is null ? new(departmentId, null, null, options.Value.ResponseTime, options.Value.FollowUpTime) : TermsOf(department);
    }

    /// <summary>The terms of a department already read.</summary>
    public DepartmentTerms TermsOf(DepartmentCalendar department) =>
        new(department.Id, department.Name, department.Schedule, options.Value.ResponseTime, options.Value.FollowUpTime);

    /// <summary>
    /// <paramref name="budget"/> of business time after <paramref name="from"/> in <paramref name="schedule"/>; a department
    /// without business hours (or unknown) counts in the default Monday–Friday 08:00–16:00.
    /// </summary>
    public static DateTimeOffset Deadline(DateTimeOffset from, TimeSpan budget, WeeklySchedule? schedule)
    {
        var hours = schedule is { Days.Count: > 0 } && schedule.Days.Values.Any(d => d.Count > 0) ? schedule : DepartmentCalendar.DefaultSchedule;
        // Whole microseconds, as PostgreSQL stores them: the deadline in the CaseOpened event and in the stored case agree.
        var due = BusinessTime.Add(from, budget, hours).ToUniversalTime();
        return due.AddTicks(-(due.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}
