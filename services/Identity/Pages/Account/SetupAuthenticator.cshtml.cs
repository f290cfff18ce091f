using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MucGov.Identity.Accounts;
using MucGov.Identity.Data;
using MucGov.Identity.Staff;

namespace MucGov.Identity.Pages.Account;

/// <summary>
/// After an authenticator reset: the staff member, signed in with the password only (the two-factor step's cookie),
/// adds the new key to their app and proves it with a code; then the sign-in completes with both factors.
/// </summary>
public sealed class SetupAuthenticatorModel(
    SignInManager<Accounts.Account> signIn, UserManager<Accounts.Account> users, SignInThrottle throttle, AccountDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string Key { get; private set; } = "";

    public string Uri { get; private set; } = "";

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await EnrollingAsync() is not { } account)
        {
            return RedirectToPage("/Account/Login", new { ReturnUrl });
        }

        await ShowAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await EnrollingAsync() is not { UserName: { } username } account)
        {
            return RedirectToPage("/Account/Login", new { ReturnUrl });
        }

        var address = HttpContext.Connection.RemoteIpAddress;
        if (await throttle.WaitAsync(username, address, ct) is { } wait && wait > TimeSpan.Zero)
        {
            Error = LoginModel.Slowed(Response, wait);
            await ShowAsync(account);
            return Page();
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(account, OneTimeAuthenticator.Name, code))
        {
            await throttle.FailedAsync(username, address, ct);
            Error = Texts.T("2fa.invalid");
            await ShowAsync(account);
            return Page();
        }

        var now = clock.GetUtcNow();
        account.TwoFactorEnabled = true;
        account.AuthenticatorResetAt = null;
        await users.UpdateAsync(account);
        db.StaffAudit.Add(new StaffAuditEntry
        {
            Id = Guid.CreateVersion7(now), At = now, Action = StaffAudit.AuthenticatorEnrolled, ActorId = account.Id, ActorName = account.Name, TargetId = account.Id,
            TargetName = account.Name,
        });
        await db.SaveChangesAsync(ct);
        await throttle.SucceededAsync(username, address, ct);
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim("amr", "mfa")]);
        return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
    }

    /// <summary>Whether <paramref name="account"/> may set up a new authenticator now (a reset within the window).</summary>
    public static bool MayEnroll(Accounts.Account account, DateTimeOffset now) =>
        account is { Kind: AccountKind.Staff, TwoFactorEnabled: false, AuthenticatorResetAt: { } reset } && now - reset <= StaffAudit.EnrollmentWindow;

    private async Task<Accounts.Account?> EnrollingAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is { } account && MayEnroll(account, clock.GetUtcNow()) ? account : null;

    private async Task ShowAsync(Accounts.Account account)
    {
        Key = await users.GetAuthenticatorKeyAsync(account) ?? "";
        Uri = $"otpauth://totp/{System.Uri.EscapeDataString("Bürgerkonto München")}:{System.Uri.EscapeDataString(account.UserName ?? "")}" +
            $"?secret={Key}&issuer={System.Uri.EscapeDataString("Bürgerkonto München")}&digits=6&period=30";
    }
}
