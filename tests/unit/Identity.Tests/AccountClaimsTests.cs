using MucGov.Identity.Accounts;
using MucGov.Identity.Oidc;
using MucGov.Shared.Auth;
using OpenIddict.Abstractions;
using Xunit;

namespace MucGov.Identity.Tests;

public sealed class AccountClaimsTests
{
    private static readonly Account Citizen = new()
    {
        Id = Guid.NewGuid(), Kind = AccountKind.Citizen, GivenName = "Anna", FamilyName = "Huber", BirthDate = new DateOnly(1988, 3, 14),
        Street = "Leopoldstraße", HouseNumber = "42", PostalCode = "80802", City = "München", Email = "anna@example.org", TrustLevel = TrustLevels.High,
    };

    private static readonly Account Caseworker = new()
    {
        Id = Guid.NewGuid(), Kind = AccountKind.Staff, GivenName = "Maria", FamilyName = "Schneider", Roles = ["caseworker"], Departments = ["buergerbuero"], Languages = ["de",
            "en"],
    };

    [Fact]
    public void Personal_data_goes_to_the_identity_token_only_and_the_name_to_both()
    {
        var principal = AccountClaims.CreatePrincipal(Citizen, ["openid", "profile", "email", "address"], ["identity"], null);

        Assert.Equal([OpenIddictConstants.Destinations.IdentityToken], principal.FindFirst("birthdate")!.GetDestinations());
        Assert.Equal([OpenIddictConstants.Destinations.IdentityToken], principal.FindFirst("address")!.GetDestinations());
        Assert.Contains(OpenIddictConstants.Destinations.AccessToken, principal.FindFirst("name")!.GetDestinations());
        Assert.Contains(OpenIddictConstants.Destinations.AccessToken, principal.FindFirst("acr")!.GetDestinations());
    }

    [Fact]
    public void Claims_of_scopes_not_granted_are_not_issued()
    {
        var principal = AccountClaims.CreatePrincipal(Citizen, ["openid"], [], null);

        Assert.Null(principal.FindFirst("birthdate"));
        Assert.Null(principal.FindFirst("email"));
        Assert.Null(principal.FindFirst("address"));
        Assert.Equal("high", principal.FindFirst("acr")!.Value);
    }

    [Fact]
    public void Staff_claims_travel_in_the_access_token()
    {
        var principal = AccountClaims.CreatePrincipal(Caseworker, ["openid", "queue"], ["ticket"], null);

        Assert.Equal(["caseworker"], principal.FindAll("role").Select(c => c.Value));
        Assert.Equal(["buergerbuero"], principal.FindAll("department").Select(c => c.Value));
        Assert.Contains(OpenIddictConstants.Destinations.AccessToken, principal.FindFirst("department")!.GetDestinations());
    }

    [Fact]
    public void Citizens_cannot_obtain_staff_scopes_but_staff_can()
    {
        string[] requested = ["openid", "conversation", "queue", "knowledge.edit"];

        Assert.Equal(["openid", "conversation"], AccountClaims.AllowedScopes(Citizen, requested));
        Assert.Equal(requested, AccountClaims.AllowedScopes(Caseworker, requested));
    }
}
