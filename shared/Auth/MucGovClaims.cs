using System.Security.Claims;

namespace MucGov.Shared.Auth;

/// <summary>Claim types MucGov tokens carry (JWT names, not mapped to .NET's long names).</summary>
public static class MucGovClaims
{
    /// <summary>Subject: account id.</summary>
    public const string Subject = "sub";

    /// <summary>Display name.</summary>
    public const string Name = "name";

    /// <summary>Granted scopes (space-separated in one claim, or one claim each).</summary>
    public const string Scope = "scope";

    /// <summary>Staff role: <c>caseworker</c>, <c>supervisor</c>, <c>knowledge-editor</c>, <c>operator</c>.</summary>
    public const string Role = "role";

    /// <summary>Department membership of a staff account (catalog department id), one claim each.</summary>
    public const string Department = "department";

    /// <summary>Language a staff member speaks (ISO 639-1), one claim each.</summary>
    public const string Language = "language";

    /// <summary>Citizen's trust level as eIDAS level: <c>basic</c>, <c>substantial</c>, <c>high</c>.</summary>
    public const string TrustLevel = "acr";

    /// <summary>Preferred language of the account.</summary>
    public const string Locale = "locale";

    /// <summary>The client a token was issued to.</summary>
    public const string ClientId = "client_id";

    /// <summary>The account id, or null for tokens without a user.</summary>
    public static Guid? AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(Subject)?.Value, out var id) ? id : null;

    /// <summary>All scopes the token grants (<c>scope</c> in JWTs; <c>oi_scp</c> where the identity service validates its own tokens).</summary>
    public static IReadOnlySet<string> Scopes(this ClaimsPrincipal user) =>
        user.Claims.Where(c => c.Type is Scope or "oi_scp")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The departments a staff member belongs to.</summary>
    public static IReadOnlySet<string> Departments(this ClaimsPrincipal user) =>
        user.FindAll(Department).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The languages a staff member speaks.</summary>
    public static IReadOnlySet<string> Languages(this ClaimsPrincipal user) =>
        user.FindAll(Language).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
}
