using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MucGov.Shared.ServiceDefaults;

namespace MucGov.Identity.Pages.Account;

/// <summary>
/// Sign-out needs a POST (with antiforgery), so a third-party page cannot sign people out with a link. A client's
/// end-session request that had to be confirmed here continues afterwards (<see cref="Continue"/>), back to the client.
/// </summary>
public sealed class LogoutModel(SignInManager<Accounts.Account> signIn) : PageModel
{
    private const string EndSession = "/connect/endsession";

    public bool Done { get; private set; }

    /// <summary>The end-session request to complete after signing out; only that endpoint of this server.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Continue { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        if (Continue is { } next && (next == EndSession || next.StartsWith(EndSession + "?", StringComparison.Ordinal)) && LocalUrl.IsLocal(next))
        {
            return LocalRedirect(next);
        }

        Done = true;
        return Page();
    }
}
