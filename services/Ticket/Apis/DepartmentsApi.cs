using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MucGov.Shared.Auth;
using MucGov.Shared.Data;
using MucGov.Shared.ServiceDefaults;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;

namespace MucGov.Ticket.Apis;

/// <summary><c>/api/departments/{id}/stats</c>: a supervisor's overview of one of their departments.</summary>
public static class DepartmentsApi
{
    public static WebApplication MapDepartmentsApi(this WebApplication app)
    {
        app.MapGroup("/api/departments").WithTags("Departments").RequireAuthorization(Policies.Supervisor).OnlyOwnDepartments()
            .MapGet("/{id}/stats", StatsAsync).WithName("GetDepartmentStats")
            .WithSummary("Open, unassigned, waiting and breaching cases now; median times to first response and to resolution of cases opened in the last `days` days");
        return app;
    }

    /// <param name="DepartmentId">The department.</param>
    /// <param name="Open">Cases not resolved.</param>
    /// <param name="Unassigned">Open cases nobody holds.</param>
    /// <param name="WaitingForCitizen">Cases waiting for the citizen's answer.</param>
    /// <param name="Breaching">Open cases past their deadline.</param>
    /// <param name="Since">Start of the period the medians cover.</param>
    /// <param name="MedianSecondsToFirstResponse">Median from opening to the department's first public message; null without data.</param>
    /// <param name="MedianSecondsToResolution">Median from opening to resolution; null without data.</param>
    public sealed record DepartmentStats(
        string DepartmentId, int Open, int Unassigned, int WaitingForCitizen, int Breaching, DateTimeOffset Since,
        double? MedianSecondsToFirstResponse, double? MedianSecondsToResolution);

    internal static async Task<Results<Ok<DepartmentStats>, ValidationProblem, ProblemHttpResult>> StatsAsync(
        string id, TicketDbContext db, TimeProvider clock, CancellationToken ct, int days = 30)
    {
        if (days is < 1 or > 366)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["Between 1 and 366."] });
        }

        var now = clock.GetUtcNow();
        var since = now.AddDays(-days);
        var open = db.Cases.AsNoTracking().Where(c => c.DepartmentId == id && c.Status != CaseStatus.Resolved);
        var stats = new DepartmentStats(
            id,
            await open.CountAsync(ct),
            await open.CountAsync(c => c.AssigneeId == null, ct),
            await open.CountAsync(c => c.Status == CaseStatus.WaitingForCitizen, ct),
            await open.CountAsync(c => c.SlaDueAt < now, ct),
            since,
            await MedianSecondsAsync(db, "first_response_at", id, since, ct),
            await MedianSecondsAsync(db, "resolved_at", id, since, ct));
        return TypedResults.Ok(stats);
    }

    private static Task<double?> MedianSecondsAsync(TicketDbContext db, string column, string department, DateTimeOffset since, CancellationToken ct) =>
        db.ScalarAsync<double?>(
            $"SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM {column} - opened_at)) FROM cases " +
            $"WHERE department_id = @department AND opened_at >= @since AND {column} IS NOT NULL",
            ct, ("department", department), ("since", since));
}
