using System.Security.Claims;
using MucGov.Shared.Auth;

namespace MucGov.Ticket.Cases;

/// <summary>Who did something to a case: a staff member (subject id and name), the citizen, or the system.</summary>
public sealed record Actor(string Id, string? Name)
{
    public static readonly Actor System = new("system", null);
    public static readonly Actor Citizen = new("citizen", null);

    public static Actor Of(ClaimsPrincipal user) =>
        new(user.FindFirst(MucGovClaims.Subject)?.Value ?? "unknown", user.FindFirst(MucGovClaims.Name)?.Value);
}
