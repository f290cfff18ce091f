using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MucGov.Identity.Accounts;
using MucGov.Shared.Auth;
using MucGov.Shared.Languages;

namespace MucGov.Identity.Pages.Account;

/// <summary>Registration of a new Bürgerkonto at trust level <c>basic</c>.</summary>
public sealed class RegisterModel(SignInManager<Accounts.Account> signIn, UserManager<Accounts.Account> users, TimeProvider clock) : PageModel
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

    /// <summary>The language the citizen reads the page in is the preferred one to start with.</summary>
    public void OnGet() => PreferredLanguage = Pages.Texts.Language;

    public async Task<IActionResult> OnPostAsync()
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

        if (Errors.Count > 0)
        {
            return Page();
        }

        var account = new Accounts.Account
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserName = Email!.Trim(),
            Email = Email.Trim(),
            Kind = AccountKind.Citizen,
            GivenName = GivenName!.Trim(),
            FamilyName = FamilyName!.Trim(),
            PreferredLanguage = PreferredLanguage,
            TrustLevel = TrustLevels.Basic,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(account, Password ?? "");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                Errors[error.Code] = error.Code is "DuplicateEmail" or "DuplicateUserName" ? Texts.T("register.taken") : error.Description;
            }

            return Page();
        }

        await signIn.SignInAsync(account, isPersistent: false);
        return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
    }
}
