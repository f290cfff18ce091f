using Microsoft.AspNetCore.Identity;
using MucGov.Shared.Auth;

namespace MucGov.Identity.Accounts;

/// <summary>A Bürgerkonto (citizen) or a staff account.</summary>
public sealed class Account : IdentityUser<Guid>
{
    public AccountKind Kind { get; set; }
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public DateOnly? BirthDate { get; set; }
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }

    /// <summary>ISO 639-1 code (<c>de</c>, <c>en</c>, <c>tr</c>, …) or <c>bar</c> for Bavarian.</summary>
    public string PreferredLanguage { get; set; } = "de";

    /// <summary>eIDAS level: <see cref="TrustLevels"/>.</summary>
    public string TrustLevel { get; set; } = TrustLevels.Basic;

    /// <summary>Staff roles (<see cref="StaffRoles"/>); empty for citizens.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>Department ids of the catalog a staff member works for.</summary>
    public List<string> Departments { get; set; } = [];

    /// <summary>Languages a staff member speaks (ISO 639-1).</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Documents and applications on file the bot may reuse with consent.</summary>
    public List<CitizenDocument> Documents { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether a new Postfach message is announced by e-mail (only ever to a verified address); on by default.</summary>
    public bool NotifyByEmail { get; set; } = true;

    /// <summary>
    /// When a supervisor or operator reset this staff member's authenticator: until then plus the enrollment window the
    /// staff member may set up a new one after signing in with the password; afterwards only another reset helps.
    /// </summary>
    public DateTimeOffset? AuthenticatorResetAt { get; set; }

    /// <summary>A new address the citizen asked for, until they confirm it by the link sent there.</summary>
    public string? PendingEmail { get; set; }

    /// <summary>Display name.</summary>
    public string Name => $"{GivenName} {FamilyName}".Trim();

    /// <summary>Address as one line, or null when incomplete.</summary>
    public string? AddressLine => Street is null || PostalCode is null || City is null
        ? null
        : $"{Street} {HouseNumber}".Trim() + $", {PostalCode} {City}";
}

public enum AccountKind
{
    Citizen = 0,
    Staff = 1,
}

/// <summary>A document or application the citizen has on file (e.g. an identity card, a registration certificate).</summary>
public sealed class CitizenDocument
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }

    /// <summary>Kind id, e.g. <c>identity-card</c>, <c>passport</c>, <c>registration-certificate</c>, <c>driving-licence</c>.</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string? Number { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }
}

/// <summary>Who received which personal data of a citizen, when, under which consent (kept after erasure, without the data).</summary>
public sealed class Disclosure
{
    public Guid Id { get; set; }
    public Guid CitizenId { get; set; }
    public Guid ConsentId { get; set; }
    public required string Purpose { get; set; }
    public required string Recipient { get; set; }
    public List<string> Fields { get; set; } = [];
    public DateTimeOffset DisclosedAt { get; set; }
}
