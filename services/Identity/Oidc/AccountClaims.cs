using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using MucGov.Identity.Accounts;
using MucGov.Shared.Auth;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MucGov.Identity.Oidc;

/// <summary>Builds the claims of an account for tokens and the userinfo endpoint, each claim only where its scope allows.</summary>
public static class AccountClaims
{
    /// <summary>The principal OpenIddict signs in: subject, name, trust level, staff claims, and profile claims per scope.</summary>
    public static ClaimsPrincipal CreatePrincipal(Account account, IEnumerable<string> grantedScopes, IEnumerable<string> resources, string? authorizationId)
    {
        var scopes = grantedScopes.ToHashSet(StringComparer.Ordinal);
        var identity = new ClaimsIdentity(
            authenticationType: "OpenIddict.Server.AspNetCore",
            nameType: Claims.Name,
            roleType: Claims.Role);

        identity.SetClaim(Claims.Subject, account.Id.ToString())
            .SetClaim(Claims.Name, account.Name)
            .SetClaim(MucGovClaims.TrustLevel, account.TrustLevel)
            .SetClaim(Claims.Locale, account.PreferredLanguage);
        if (scopes.Contains(Scopes.Profile))
        {
            identity.SetClaim(Claims.GivenName, account.GivenName).SetClaim(Claims.FamilyName, account.FamilyName);
            if (account.BirthDate is { } birth)
            {
                identity.SetClaim(Claims.Birthdate, birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        if (scopes.Contains(Scopes.Email) && account.Email is not null)
        {
            identity.SetClaim(Claims.Email, account.Email).SetClaim(Claims.EmailVerified, account.EmailConfirmed);
        }

        if (scopes.Contains(Scopes.Phone) && account.PhoneNumber is not null)
        {
            identity.SetClaim(Claims.PhoneNumber, account.PhoneNumber);
        }

        if (scopes.Contains(Scopes.Address) && account.AddressLine is not null)
        {
            identity.AddClaim(new Claim(Claims.Address, Address(account), "JSON"));
        }

        identity.SetClaims(Claims.Role, [.. account.Roles]);
        identity.SetClaims(MucGovClaims.Department, [.. account.Departments]);
        identity.SetClaims(MucGovClaims.Language, [.. account.Languages]);

        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetResources(resources);
        if (authorizationId is not null)
        {
            principal.SetAuthorizationId(authorizationId);
        }

        principal.SetDestinations(DestinationsOf);
        return principal;
    }

    /// <summary>The scopes an account may obtain: staff-only API scopes are dropped for citizens.</summary>
    public static IEnumerable<string> AllowedScopes(Account account, IEnumerable<string> requested) =>
        requested.Where(scope => account.Kind == AccountKind.Staff || !ApiScopes.StaffOnly.Contains(scope));

    /// <summary>Userinfo response for the given scopes.</summary>
    public static Dictionary<string, object> UserInfo(Account account, IReadOnlySet<string> scopes)
    {
        var principal = CreatePrincipal(account, scopes, [], null);
        var info = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var group in principal.Claims.Where(c => c.Type != Claims.Private.Scope && !c.Type.StartsWith("oi_", StringComparison.Ordinal)).GroupBy(c => c.Type))
        {
            info[group.Key] = group.Key == Claims.Address
                ? JsonSerializer.Deserialize<JsonElement>(group.First().Value)
                : group.Count() > 1 || group.Key is Claims.Role or MucGovClaims.Department or MucGovClaims.Language
                    ? group.Select(c => c.Value).ToArray()
                    : group.First().ValueType == ClaimValueTypes.Boolean ? bool.Parse(group.First().Value) : group.First().Value;
        }

        return info;
    }

    private static string Address(Account account) => JsonSerializer.Serialize(new Dictionary<string, string?>
    {
        ["street_address"] = $"{account.Street} {account.HouseNumber}".Trim(),
        ["postal_code"] = account.PostalCode,
        ["locality"] = account.City,
        ["country"] = "DE",
        ["formatted"] = account.AddressLine,
    });

    // Access tokens carry what APIs authorise with; personal data beyond the name goes to the identity token only.
    private static IEnumerable<string> DestinationsOf(Claim claim) => claim.Type switch
    {
        Claims.Subject or Claims.Name or MucGovClaims.TrustLevel or Claims.Locale => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Role or MucGovClaims.Department or MucGovClaims.Language => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.GivenName or Claims.FamilyName or Claims.Birthdate or Claims.Email or Claims.EmailVerified or Claims.PhoneNumber or Claims.Address => [Destinations.IdentityToken],
        _ => [],
    };
}
