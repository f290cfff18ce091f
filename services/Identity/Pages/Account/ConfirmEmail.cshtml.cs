using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MucGov.Identity.Pages.Account;

/// <summary>
/// The link of a verification mail: confirms a new account's address, or (with <c>email</c>) makes a changed address
/// the account's own. A link that is forged, expired, used up or for another account changes nothing.
/// </summary>
public sealed class ConfirmEmailModel(UserManager<Accounts.Account> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid? userId, string? code, string? email)
    {
        var account = userId is { } id && !string.IsNullOrEmpty(code) ? await users.FindByIdAsync(id.ToString()) : null;
        if (account is null)
        {
            return;
        }

        if (email is null)
        {
            Confirmed = account.EmailConfirmed || (await users.ConfirmEmailAsync(account, code!)).Succeeded;
            return;
        }

        if (!string.Equals(account.PendingEmail, email, StringComparison.OrdinalIgnoreCase))
        {
            Confirmed = string.Equals(account.Email, email, StringComparison.OrdinalIgnoreCase) && account.EmailConfirmed;
            return;
        }

        // The username stays what it was (it is how the citizen signs in); the address and its confirmation change together.
        account.PendingEmail = null;
        Confirmed = (await users.ChangeEmailAsync(account, email, code!)).Succeeded;
    }
}
