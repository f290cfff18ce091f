using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MucGov.Identity.Accounts;
using MucGov.Identity.Oidc;
using MucGov.Shared.Auth;

namespace MucGov.Identity.Pages.Account;

[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class IndexModel(UserManager<Accounts.Account> users, IOptions<OidcOptions> oidc) : PageModel
{
    public string Name { get; private set; } = "";
    public string TrustLevel { get; private set; } = "";
    public bool CanVerify { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Verified { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return RedirectToPage("/Account/Login");
        }

        Name = account.Name;
        TrustLevel = account.TrustLevel;
        CanVerify = oidc.Value.SimulatedEid && account.Kind == AccountKind.Citizen && account.TrustLevel != TrustLevels.High;
        return Page();
    }
}
