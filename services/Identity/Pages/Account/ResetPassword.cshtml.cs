using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MucGov.Identity.Oidc;
using MucGov.Shared.Auth;
using OpenIddict.Abstractions;

namespace MucGov.Identity.Pages.Account;

/// <summary>
/// Sets a new password from a reset link. Afterwards the account counts as trust level <c>basic</c> until the eID check
/// is repeated (whoever reset it proved only access to the mailbox), and every session and token of it ends.
/// </summary>
public sealed class ResetPasswordModel(
    UserManager<Accounts.Account> users, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public List<string> Errors { get; } = [];

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = UserId is { } id && !string.IsNullOrEmpty(Code) ? await users.FindByIdAsync(id.ToString()) : null;
        if (account is null)
        {
            Errors.Add(Texts.T("reset.invalid"));
            return Page();
        }

        var result = await users.ResetPasswordAsync(account, Code!, Password ?? "");
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Code == "InvalidToken" ? Texts.T("reset.invalid") : e.Description));
            return Page();
        }

        if (account.TrustLevel != TrustLevels.Basic)
        {
            account.TrustLevel = TrustLevels.Basic;
            await users.UpdateAsync(account);
        }

        await TokenRevocation.RevokeAllAsync(account.Id, tokens, authorizations, ct);
        Done = true;
        return Page();
    }
}
