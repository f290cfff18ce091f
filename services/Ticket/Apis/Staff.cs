using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MucGov.Shared.Auth;
using MucGov.Shared.ServiceDefaults;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;

namespace MucGov.Ticket.Apis;

/// <summary>What a staff member may see: the cases of their own departments, in the languages they speak.</summary>
internal static class Staff
{
    /// <summary>The cases of the caller's departments — every staff query starts here, so the filter is in the SQL.</summary>
    public static IQueryable<Case> OwnCases(this TicketDbContext db, ClaimsPrincipal user)
    {
        var departments = user.Departments().ToArray();
        return db.Cases.Where(c => departments.Contains(c.DepartmentId));
    }

    /// <summary>Case languages the caller can answer: speaking German covers Bavarian.</summary>
    public static string[] CaseLanguages(ClaimsPrincipal user)
    {
        var languages = user.Languages().ToHashSet(StringComparer.Ordinal);
        if (languages.Contains("de"))
        {
            languages.Add("bar");
        }

        return [.. languages];
    }

    public static bool IsSupervisor(ClaimsPrincipal user) => user.HasClaim(MucGovClaims.Role, StaffRoles.Supervisor);

    /// <summary>
    /// Endpoints of one department (<c>/api/departments/{id}/…</c>) answer only for a department the caller works in;
    /// any other is a 404, which never tells whether it exists.
    /// </summary>
    public static RouteGroupBuilder OnlyOwnDepartments(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.RouteValues["id"] is string id && context.HttpContext.User.Departments().Contains(id)
                ? await next(context)
                : Problems.NotFound($"You work in no department '{context.HttpContext.Request.RouteValues["id"]}'."));
        group.ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static ProblemHttpResult CaseNotFound() => Problems.NotFound("There is no such case in your departments' queues.");

    public static string ETag(Case @case) => ETags.Of(@case.Version);

    /// <summary>409 naming who holds the case.</summary>
    public static ProblemHttpResult HeldBy(Case @case, string detail) => Problems.Conflict("The case is claimed", detail, new Dictionary<string, object?>
    {
        ["assignee"] = @case.AssigneeName,
        ["assigneeId"] = @case.AssigneeId,
        ["status"] = @case.Status,
    });

    /// <summary>The answer to a change the case refused: 409 with the holder, or with the status.</summary>
    public static ProblemHttpResult Refused(Case @case, CaseRefusal refusal) => refusal.Kind switch
    {
        CaseRefusalKind.HeldByOther => HeldBy(@case, refusal.Reason),
        CaseRefusalKind.AlreadyThere => Problems.Conflict("Already there", refusal.Reason),
        _ => Illegal(@case, refusal.Reason),
    };

    /// <summary>409 for an action the state machine refuses, with the reason and the current status.</summary>
    public static ProblemHttpResult Illegal(Case @case, string reason) => Problems.Conflict("Not possible in this status", reason, new Dictionary<string, object?>
    {
        ["status"] = @case.Status,
        ["assignee"] = @case.AssigneeName,
    });
}
