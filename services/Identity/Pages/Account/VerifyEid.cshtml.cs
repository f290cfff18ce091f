using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MucGov.Identity.Accounts;
using MucGov.Identity.Oidc;
using MucGov.Shared.Auth;

namespace MucGov.Identity.Pages.Account;

/// <summary>
/// Simulated "verify with eID": raises a citizen's trust level to <c>high</c> and takes birth date and address as if
/// read from the ID card. Only where <c>Oidc:SimulatedEid</c> is on; in production this is the BundID federation
/// (see docs/identity.md).
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class VerifyEidModel(UserManager<Accounts.Account> users, SignInManager<Accounts.Account> signIn, IOptions<OidcOptions> oidc) : PageModel
{
    [BindProperty]
    public DateOnly? BirthDate { get; set; }

    [BindProperty]
    public string? Street { get; set; }

    [BindProperty]
    public string? HouseNumber { get; set; }

    [BindProperty]
    public string? PostalCode { get; set; }

    [BindProperty]
    public string? City { get; set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await CitizenAsync();
        if (account is null)
        {
            return NotFound();
        }

        (BirthDate, Street, HouseNumber, PostalCode, City) = (account.BirthDate, account.Street, account.HouseNumber, account.PostalCode, account.City);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await CitizenAsync();
        if (account is null)
        {
            return NotFound();
        }

        var update = new Apis.ProfileApi.ProfileUpdate(account.GivenName, account.FamilyName, BirthDate,
            new Apis.ProfileApi.AddressView(Street, HouseNumber, PostalCode, City), null, null, account.PreferredLanguage);
        Errors.AddRange(Apis.ProfileApi.Validate(update, new Accounts.Account()).Select(e => $"{e.Key}: {e.Value[0]}"));
        if (BirthDate is null || Street is null || HouseNumber is null || PostalCode is null || City is null)
        {
            Errors.Add(Texts.T("error.required"));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        (account.BirthDate, account.Street, account.HouseNumber, account.PostalCode, account.City) = (BirthDate, Street!.Trim(), HouseNumber!.Trim(), PostalCode, City!.Trim());
        account.TrustLevel = TrustLevels.High;
        await users.UpdateAsync(account);
        await signIn.RefreshSignInAsync(account);
        return Redirect("/account?verified=true");
    }

    private async Task<Accounts.Account?> CitizenAsync()
    {
        var account = oidc.Value.SimulatedEid ? await users.GetUserAsync(User) : null;
        return account is { Kind: AccountKind.Citizen } ? account : null;
    }
}
