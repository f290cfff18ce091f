using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MucGov.Identity.Pages.Account;

/// <summary>Sign-out needs a POST (with antiforgery), so a third-party page cannot sign people out with a link.</summary>
public sealed class LogoutModel(SignInManager<Accounts.Account> signIn) : PageModel
{
    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        Done = true;
        return Page();
    }
}
