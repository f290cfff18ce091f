using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MucGov.Identity.Accounts;

namespace MucGov.Identity.Pages.Account;

public sealed class LoginModel(SignInManager<Accounts.Account> signIn, UserManager<Accounts.Account> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password))
        {
            Error = Texts.T("error.summary");
            return Page();
        }

        var account = await users.FindByNameAsync(Username.Trim()) ?? await users.FindByEmailAsync(Username.Trim());
        if (account is { Kind: AccountKind.Staff, TwoFactorEnabled: false })
        {
            Error = Texts.T("login.no2fa");
            return Page();
        }

        var result = account is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(account, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl });
        }

        Error = Texts.T(result.IsLockedOut ? "login.locked" : "login.invalid");
        return Page();
    }

    /// <summary>Only local return URLs (an open redirect would let phishing pages use our login).</summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/account";
}
