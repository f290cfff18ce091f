using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Identity.Data;
using MucGov.Identity.Staff;
using MucGov.Shared.Auth;
using MucGov.Shared.Clients;
using Xunit;

namespace MucGov.IntegrationTests.Identity;

/// <summary>A lost authenticator: a supervisor or operator resets it (audited), the staff member sets up a new one.</summary>
public sealed partial class StaffAuthenticatorTests(IdentityFixture identity) : IClassFixture<IdentityFixture>
{
    private async Task<HttpClient> SignedInAsync(string username, string password, string totp)
    {
        var browser = identity.App.CreateBrowser();
        var flow = new OidcFlow(browser);
        await flow.BrowseAsync(flow.AuthorizeUrl("openid profile"), username, password, totp);
        return browser;
    }

    private async Task<HttpResponseMessage> ResetAsync(HttpClient browser, Guid? target, string reason)
    {
        var form = await OidcFlow.FormAsync(await browser.GetAsync("/account/staff"));
        form["TargetId"] = target?.ToString() ?? "";
        form["Reason"] = reason;
        return await browser.PostAsync("/account/staff?handler=reset", new FormUrlEncodedContent(form));
    }

    private Task<T> WithDbAsync<T>(Func<AccountDbContext, Task<T>> work) => IdentityFixture.WithAccountsAsync(identity.App, work);

    [Fact]
    public async Task A_supervisor_resets_a_lost_authenticator_with_a_reason_and_the_caseworker_sets_up_a_new_one()
    {
        var lost = await IdentityFixture.NewStaffAsync(identity.App, "buergerbuero", StaffRoles.Caseworker);
        var supervisor = await SignedInAsync("sv.buergerbuero", IdentityFixture.PasswordOf("sv.buergerbuero"), (await identity.TotpSecretAsync("sv.buergerbuero"))!);

        var noReason = await ResetAsync(supervisor, lost.Id, "");
        var otherDepartment = await ResetAsync(supervisor, await IdentityFixture.CitizenIdAsync(identity.App, "cw.standesamt"), "Handy verloren");
        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound), (noReason.StatusCode, otherDepartment.StatusCode));
        Assert.True(await WithDbAsync(db => db.Users.Where(a => a.Id == lost.Id).Select(a => a.TwoFactorEnabled).SingleAsync()));

        var reset = await ResetAsync(supervisor, lost.Id, "Handy verloren (Ticket 4711)");

        Assert.Contains("id=\"staff-done\"", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await WithDbAsync(db => db.StaffAudit.AsNoTracking().SingleAsync(e => e.TargetId == lost.Id));
        Assert.Equal((StaffAudit.AuthenticatorReset, "Thomas Bauer", "Handy verloren (Ticket 4711)"), (audit.Action, audit.ActorName, audit.Reason));

        // The old authenticator is worth nothing; the password leads to the setup of a new one, which a code proves.
        var browser = identity.App.CreateBrowser();
        var flow = new OidcFlow(browser);
        var authorize = await browser.GetAsync(flow.AuthorizeUrl("openid profile queue"));
        var login = await flow.SubmitLoginAsync(authorize.Headers.Location!, lost.Username, IdentityFixture.StaffPassword);
        Assert.StartsWith("/account/setup-authenticator", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var setup = await browser.GetAsync(login.Headers.Location);
        var key = KeyPattern().Match(await setup.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEqual(lost.Totp, key);
        var wrong = await flow.SubmitFormAsync(login.Headers.Location!, new() { ["Code"] = Totp.Code(lost.Totp, DateTimeOffset.UtcNow) });
        Assert.Contains("id=\"setup-error\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var right = await flow.SubmitFormAsync(login.Headers.Location!, new() { ["Code"] = await Totp.NextCodeAsync(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var back = await browser.GetAsync(right.Headers.Location);
        var code = flow.CodeFrom(back.Headers.Location!);
        var access = OidcFlow.Claims((await OidcFlow.TokensAsync(await flow.RedeemAsync(code))).AccessToken);
        Assert.Contains("caseworker", OidcFlow.Strings(access, "role"));
        Assert.Contains(StaffAudit.AuthenticatorEnrolled, await WithDbAsync(db => db.StaffAudit.Where(e => e.TargetId == lost.Id).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task Only_supervisors_and_operators_reach_the_staff_page_and_an_old_reset_does_not_open_the_setup()
    {
        var caseworker = await IdentityFixture.NewStaffAsync(identity.App, "buergerbuero", StaffRoles.Caseworker);
        var browser = await SignedInAsync(caseworker.Username, IdentityFixture.StaffPassword, caseworker.Totp);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/account/staff")).StatusCode);

        var operatorBrowser = await SignedInAsync("ops.platform", IdentityFixture.PasswordOf("ops.platform"), (await identity.TotpSecretAsync("ops.platform"))!);
        Assert.Contains("id=\"staff-done\"", await (await ResetAsync(operatorBrowser, caseworker.Id, "Gerät gestohlen")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await WithDbAsync(db => db.Users.Where(a => a.Id == caseworker.Id)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.AuthenticatorResetAt, DateTimeOffset.UtcNow - StaffAudit.EnrollmentWindow - TimeSpan.FromMinutes(1))));

        var flow = new OidcFlow(identity.App.CreateBrowser());
        var login = await flow.SubmitLoginAsync(new Uri("/account/login", UriKind.Relative), caseworker.Username, IdentityFixture.StaffPassword);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("zweiten Faktor", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"authenticator-key\">([A-Z2-7]+)<")]
    private static partial Regex KeyPattern();
}
