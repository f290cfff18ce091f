using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MucGov.Identity.Accounts;
using MucGov.Identity.Data;
using MucGov.Identity.Mail;
using MucGov.Shared.Auth;
using MucGov.Shared.Languages;

namespace MucGov.Identity.Pages.Account;

/// <summary>
/// Registration of a new Bürgerkonto at trust level <c>basic</c>. The account can sign in once its address is verified
/// by the link mailed to it. An address that already has an account gets the same answer on the page (nobody learns
/// which addresses are registered); its owner gets a mail saying so, with the way to a new password.
/// </summary>
public sealed class RegisterModel(UserManager<Accounts.Account> users, AccountDbContext db, Mails mails, TimeProvider clock) : PageModel
{
    /// <summary>The languages a citizen may prefer: the supported ones, each named in itself.</summary>
    public static readonly (string Code, string Name)[] LanguageChoices = [.. SupportedLanguages.All.Select(l => (l.Code, l.NativeName))];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? GivenName { get; set; }

    [BindProperty]
    public string? FamilyName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string PreferredLanguage { get; set; } = "de";

    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Set once the form was accepted: the address the verification mail went to.</summary>
    public string? SentTo { get; private set; }

    /// <summary>The language the citizen reads the page in is the preferred one to start with.</summary>
    public void OnGet() => PreferredLanguage = Pages.Texts.Language;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var update = new Apis.ProfileApi.ProfileUpdate(GivenName, FamilyName, null, null, Email, null, PreferredLanguage);
        foreach (var (field, messages) in Apis.ProfileApi.Validate(update, new Accounts.Account()))
        {
            Errors[field] = $"{Texts.T("register." + field)}: {messages[0]}";
        }

        if (string.IsNullOrWhiteSpace(Email))
        {
            Errors["email"] = $"{Texts.T("register.email")}: {Texts.T("error.required")}";
        }

        var account = new Accounts.Account
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserName = Email?.Trim(),
            Email = Email?.Trim(),
            Kind = AccountKind.Citizen,
            GivenName = GivenName?.Trim() ?? "",
            FamilyName = FamilyName?.Trim() ?? "",
            PreferredLanguage = PreferredLanguage,
            TrustLevel = TrustLevels.Basic,
            CreatedAt = clock.GetUtcNow(),
        };
        foreach (var validator in users.PasswordValidators)
        {
            foreach (var error in (await validator.ValidateAsync(users, account, Password ?? "")).Errors)
            {
                Errors[error.Code] = error.Description;
            }
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = await users.FindByEmailAsync(account.Email!) ?? await users.FindByNameAsync(account.UserName!);
        if (existing is not null)
        {
            if (!await mails.SentLatelyAsync(existing, MailKinds.RegistrationAttempt, ct))
            {
                mails.RegistrationAttempt(existing);
            }
        }
        else
        {
            var created = await users.CreateAsync(account, Password!);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    Errors[error.Code] = error.Description;
                }

                return Page();
            }

            mails.Verification(account, await users.GenerateEmailConfirmationTokenAsync(account));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        SentTo = account.Email;
        return Page();
    }
}
