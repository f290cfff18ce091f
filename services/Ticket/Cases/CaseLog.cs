using System.Security.Claims;
using MucGov.Shared.Auth;
using MucGov.Ticket.Data;

namespace MucGov.Ticket.Cases;

/// <summary>Who did something to a case: a staff member (subject id and name), the citizen, or the system.</summary>
public sealed record Actor(string Id, string? Name)
{
    public static readonly Actor System = new("system", null);
    public static readonly Actor Citizen = new("citizen", null);

    public static Actor Of(ClaimsPrincipal user) =>
        new(user.FindFirst(MucGovClaims.Subject)?.Value ?? "unknown", user.FindFirst(MucGovClaims.Name)?.Value);
}

/// <summary>Writes the audit trail: every change of a case gets one entry, in the same transaction as the change.</summary>
public static class CaseLog
{
    public static void Record(this TicketDbContext db, Case @case, Actor actor, string action, string? from, string? to, DateTimeOffset at, string? detail = null)
    {
        db.History.Add(new CaseHistoryEntry
        {
            CaseId = @case.Id, At = at, Actor = actor.Id, ActorName = actor.Name, Action = action, FromStatus = from, ToStatus = to, Detail = detail,
        });
        @case.UpdatedAt = at;
    }
}
