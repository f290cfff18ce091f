using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MucGov.Identity.Accounts;
using MucGov.Identity.Data;
using MucGov.Identity.Mail;
using MucGov.Shared.ServiceDefaults;

namespace MucGov.Identity.Pages.Account;

public sealed class LoginModel(
    SignInManager<Accounts.Account> signIn, UserManager<Accounts.Account> users, SignInThrottle throttle, AccountDbContext db, Mails mails, TimeProvider clock)
    : PageModel
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

    /// <summary>
    /// Signs in. Unknown accounts and wrong passwords get the same answer, in about the same time; failures slow
    /// further attempts down (<see cref="SignInThrottle"/>), the same way for known and unknown accounts.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password))
        {
            Error = Texts.T("error.summary");
            return Page();
        }

        var username = Username.Trim();
        var address = HttpContext.Connection.RemoteIpAddress;
        if (await throttle.WaitAsync(username, address, ct) is { } wait && wait > TimeSpan.Zero)
        {
            Error = Slowed(Response, wait);
            return Page();
        }

        var account = await users.FindByNameAsync(username) ?? await users.FindByEmailAsync(username);
        if (account is null)
        {
            // The same work as for a wrong password, so the time taken does not tell whether the account exists.
            users.PasswordHasher.HashPassword(new Accounts.Account(), Password);
        }

        if (account is null || !await users.CheckPasswordAsync(account, Password))
        {
            await throttle.FailedAsync(username, address, ct);
            Error = Texts.T("login.invalid");
            return Page();
        }

        if (account is { Kind: AccountKind.Citizen, EmailConfirmed: false })
        {
            // The right password, but the address was never verified: no sign-in yet; a fresh link (at most one every few minutes).
            await throttle.SucceededAsync(username, address, ct);
            if (!await mails.SentLatelyAsync(account, MailKinds.VerifyEmail, ct))
            {
                mails.Verification(account, await users.GenerateEmailConfirmationTokenAsync(account));
                await db.SaveChangesAsync(ct);
            }

            Error = Texts.T("login.unconfirmed");
            return Page();
        }

        if (SetupAuthenticatorModel.MayEnroll(account, clock.GetUtcNow()))
        {
            // Password right, authenticator reset by a supervisor or operator: the two-factor step's cookie, then the setup.
            await throttle.SucceededAsync(username, address, ct);
            await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(
                new ClaimsIdentity([new Claim(ClaimTypes.Name, account.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme)));
            return RedirectToPage("/Account/SetupAuthenticator", new { ReturnUrl });
        }

        if (account is { Kind: AccountKind.Staff, TwoFactorEnabled: false })
        {
            Error = Texts.T("login.no2fa");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(account, Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttle.SucceededAsync(username, address, ct);
        }

        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl });
        }

        Error = Texts.T("login.invalid");
        return Page();
    }

    /// <summary>The answer while sign-ins are slowed down: status 429 and the message naming the wait.</summary>
    internal static string Slowed(HttpResponse response, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, Texts.T("login.wait"), seconds);
    }

    /// <summary>Only local return URLs (an open redirect would let phishing pages use our login).</summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        url.IsLocalUrl(returnUrl) && LocalUrl.IsLocal(returnUrl) ? returnUrl : "/account";
}
