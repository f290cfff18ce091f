using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MucGov.Identity.Accounts;

namespace MucGov.Identity.Pages.Account;

public sealed class LoginTwoFactorModel(SignInManager<Accounts.Account> signIn, SignInThrottle throttle) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { UserName: { } username })
        {
            return RedirectToPage("/Account/Login", new { ReturnUrl });
        }

        // Guessing codes is slowed down like guessing passwords (the account's failures, per address).
        var address = HttpContext.Connection.RemoteIpAddress;
        if (await throttle.WaitAsync(username, address, ct) is { } wait && wait > TimeSpan.Zero)
        {
            Error = LoginModel.Slowed(Response, wait);
            return Page();
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
        }

        await throttle.FailedAsync(username, address, ct);
        Error = Texts.T("2fa.invalid");
        return Page();
    }
}
