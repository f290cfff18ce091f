using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Identity;
using MucGov.Identity.Accounts;
using MucGov.Identity.Data;
using MucGov.Identity.Mail;
using MucGov.Identity.Oidc;
using MucGov.Shared.Auth;
using MucGov.Shared.Messaging.Outbox;
using MucGov.Shared.ServiceDefaults;
using OpenIddict.Abstractions;

namespace MucGov.Identity.Apis;

/// <summary><c>/api/profile/me</c>: the signed-in citizen's own Bürgerkonto.</summary>
public static partial class ProfileApi
{
    public static WebApplication MapProfileApi(this WebApplication app)
    {
        var profile = app.MapGroup("/api/profile").RequireAuthorization(Extensions.ProfilePolicy).WithTags("Profile").DisableAntiforgery();
        profile.MapGet("/me", GetAsync).WithName("GetProfile");
        profile.MapPut("/me", UpdateAsync).WithName("UpdateProfile");
        profile.MapDelete("/me", CloseAsync).WithName("CloseAccount");
        return app;
    }

    public sealed record AddressView(string? Street, string? HouseNumber, string? PostalCode, string? City);

    public sealed record DocumentView(string Kind, string Title, string? Number, DateOnly? IssuedOn, DateOnly? ValidUntil);

    public sealed record ProfileView(
        Guid Id,
        string Kind,
        string GivenName,
        string FamilyName,
        DateOnly? BirthDate,
        AddressView Address,
        string? Email,
        string? Phone,
        string PreferredLanguage,
        string TrustLevel,
        IReadOnlyList<DocumentView> Documents,
        bool EmailVerified,
        string? PendingEmail,
        bool NotifyByEmail);

    /// <summary>Replaces the editable fields. Names and birth date are read-only once verified with eID.</summary>
    public sealed record ProfileUpdate(
        string? GivenName,
        string? FamilyName,
        DateOnly? BirthDate,
        AddressView? Address,
        string? Email,
        string? Phone,
        string? PreferredLanguage,
        bool? NotifyByEmail = null);

    /// <summary>The closure was accepted; other services erase their data asynchronously.</summary>
    public sealed record Erasure(Guid ErasureId);

    internal static async Task<Results<Ok<ProfileView>, NotFound>> GetAsync(ClaimsPrincipal user, AccountDbContext db, CancellationToken ct)
    {
        var account = await FindAsync(user, db, ct);
        return account is null ? TypedResults.NotFound() : TypedResults.Ok(View(account));
    }

    internal static async Task<Results<Ok<ProfileView>, ValidationProblem, NotFound>> UpdateAsync(
        ProfileUpdate update, ClaimsPrincipal user, AccountDbContext db, UserManager<Account> users, Mails mails, CancellationToken ct)
    {
        var account = await FindAsync(user, db, ct);
        if (account is null)
        {
            return TypedResults.NotFound();
        }

        var errors = Validate(update, account);
        if (update.Email is not null && !string.Equals(update.Email, account.Email, StringComparison.OrdinalIgnoreCase)
            && await users.FindByEmailAsync(update.Email) is not null)
        {
            errors["email"] = ["This e-mail address belongs to another account."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The profile was not changed.");
        }

        account.GivenName = update.GivenName!.Trim();
        account.FamilyName = update.FamilyName!.Trim();
        account.BirthDate = update.BirthDate;
        account.Street = Clean(update.Address?.Street);
        account.HouseNumber = Clean(update.Address?.HouseNumber);
        account.PostalCode = Clean(update.Address?.PostalCode);
        account.City = Clean(update.Address?.City);
        account.PhoneNumber = Clean(update.Phone);
        account.PreferredLanguage = update.PreferredLanguage!;
        account.NotifyByEmail = update.NotifyByEmail ?? account.NotifyByEmail;
        if (update.Email is not null && !string.Equals(update.Email.Trim(), account.Email, StringComparison.OrdinalIgnoreCase))
        {
            // A new address counts once it is confirmed by the link sent there; until then the old one stays.
            var email = update.Email.Trim();
            account.PendingEmail = email;
            mails.EmailChange(account, email, await users.GenerateChangeEmailTokenAsync(account, email));
        }
        else if (update.Email is not null)
        {
            account.PendingEmail = null;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(account));
    }

    internal static async Task<Results<Accepted<Erasure>, NotFound>> CloseAsync(
        ClaimsPrincipal user, AccountDbContext db, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, TimeProvider clock, CancellationToken ct)
    {
        var account = await FindAsync(user, db, ct);
        if (account is null)
        {
            return TypedResults.NotFound();
        }

        var erasureId = Guid.CreateVersion7(clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Users.Remove(account); // documents cascade; the disclosure log keeps only ids
        db.AddToOutbox(new CitizenErasureRequested(erasureId, account.Id, clock.GetUtcNow()), clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        // No token of a closed account may keep working.
        await TokenRevocation.RevokeAllAsync(account.Id, tokens, authorizations, ct);

        return TypedResults.Accepted("/api/profile/me", new Erasure(erasureId));
    }

    private static async Task<Account?> FindAsync(ClaimsPrincipal user, AccountDbContext db, CancellationToken ct)
    {
        var id = user.AccountId();
        return id is null ? null : await db.Users.Include(a => a.Documents).SingleOrDefaultAsync(a => a.Id == id, ct);
    }

    private static ProfileView View(Account a) => new(
        a.Id,
        a.Kind == AccountKind.Staff ? "staff" : "citizen",
        a.GivenName,
        a.FamilyName,
        a.BirthDate,
        new AddressView(a.Street, a.HouseNumber, a.PostalCode, a.City),
        a.Email,
        a.PhoneNumber,
        a.PreferredLanguage,
        a.TrustLevel,
        [.. a.Documents.OrderBy(d => d.Kind).Select(d => new DocumentView(d.Kind, d.Title, d.Number, d.IssuedOn, d.ValidUntil))],
        a.EmailConfirmed,
        a.PendingEmail,
        a.NotifyByEmail);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Field errors by JSON field name; empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(ProfileUpdate update, Account account)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors[field] = [message];
            }
        }

        Check(IsName(update.GivenName), "givenName", "Required, 1 to 100 letters.");
        Check(IsName(update.FamilyName), "familyName", "Required, 1 to 100 letters.");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Check(update.BirthDate is null || update.BirthDate > new DateOnly(1900, 1, 1) && update.BirthDate < today, "birthDate", "Must be a date in the past.");
        Check(update.PreferredLanguage is not null && LanguageCode().IsMatch(update.PreferredLanguage), "preferredLanguage", "Required: an ISO 639-1 code (de, en, tr, …) or bar.");
        Check(update.Email is null || new EmailAddressAttribute().IsValid(update.Email) && update.Email.Length <= 254, "email", "Not a valid e-mail address.");
        Check(update.Phone is null || Phone().IsMatch(update.Phone), "phone", "Digits, spaces and + ( ) - / only, 6 to 30 characters.");
        if (update.Address is { } address)
        {
            Check(address.PostalCode is null || PostalCode().IsMatch(address.PostalCode), "address.postalCode", "A German postcode has five digits.");
            Check(address.Street is null || address.Street.Trim().Length is > 0 and <= 200, "address.street", "At most 200 characters.");
            Check(address.HouseNumber is null || address.HouseNumber.Trim().Length is > 0 and <= 20, "address.houseNumber", "At most 20 characters.");
            Check(address.City is null || address.City.Trim().Length is > 0 and <= 100, "address.city", "At most 100 characters.");
            Check(TextInput.IsStorable(address.Street), "address.street", TextInput.NotStorable);
            Check(TextInput.IsStorable(address.HouseNumber), "address.houseNumber", TextInput.NotStorable);
            Check(TextInput.IsStorable(address.City), "address.city", TextInput.NotStorable);
        }

        if (TrustLevels.Rank(account.TrustLevel) > 0)
        {
            const string verified = "Verified with eID; it cannot be changed here.";
            Check(update.GivenName?.Trim() == account.GivenName, "givenName", verified);
            Check(update.FamilyName?.Trim() == account.FamilyName, "familyName", verified);
            Check(update.BirthDate == account.BirthDate, "birthDate", verified);
        }

        return errors;
    }

    private static bool IsName(string? value) => value is not null && value.Trim().Length is > 0 and <= 100 && NameChars().IsMatch(value.Trim());

    [GeneratedRegex(@"^[\p{L}\p{M}][\p{L}\p{M} '\-\.]*$")]
    private static partial Regex NameChars();

    [GeneratedRegex("^([a-z]{2}|bar)$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex(@"^\+?[0-9 ()\-/]{6,30}$")]
    private static partial Regex Phone();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex PostalCode();
}
