using System.Net;
using MucGov.IntegrationTests.Hosting;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Identity;

/// <summary>The identity service on real sockets, so each test client can come from its own address (X-Forwarded-For from loopback, as from the gateway).</summary>
public sealed class AddressedIdentityFixture : Isolated
{
    public RunningApp App { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // A long first wait, so "still waiting" does not depend on how fast the test runs.
        App = await Apps.StartFreshAsync(this, "identity", await NewVirtualHostAsync("identity"), kestrel: true,
            extra: new Dictionary<string, string?> { ["SignIn:FirstWait"] = "00:01:00", ["SignIn:MaxWait"] = "00:10:00" });
    }

    /// <summary>A browser whose requests come from <paramref name="address"/>, and the login page of a fresh sign-in.</summary>
    public async Task<(OidcFlow Flow, Uri LoginPage)> BrowserFromAsync(string address)
    {
        var browser = App.CreateBrowser();
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        var flow = new OidcFlow(browser);
        var authorize = await browser.GetAsync(flow.AuthorizeUrl("openid profile conversation"));
        return (flow, authorize.Headers.Location!);
    }

    public override async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await base.DisposeAsync();
    }
}

public sealed class SignInThrottleTests(AddressedIdentityFixture identity) : IClassFixture<AddressedIdentityFixture>
{
    private static async Task<string> AlertAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page shows an alert");
        return html[start..html.IndexOf("</", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Wrong_passwords_slow_one_address_down_progressively_but_never_lock_the_owner_out()
    {
        var (attacker, attackerLogin) = await identity.BrowserFromAsync("203.0.113.7");
        var (owner, ownerLogin) = await identity.BrowserFromAsync("198.51.100.9");

        var guesses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            guesses.Add(await attacker.SubmitLoginAsync(attackerLogin, "sepp.brandl", "guess-" + i));
        }

        var rightPasswordFromThere = await attacker.SubmitLoginAsync(attackerLogin, "sepp.brandl", IdentityFixture.PasswordOf("sepp.brandl"));
        var ownerSignsIn = await owner.SubmitLoginAsync(ownerLogin, "sepp.brandl", IdentityFixture.PasswordOf("sepp.brandl"));

        Assert.All(guesses.Take(4), g => Assert.Equal(HttpStatusCode.OK, g.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, guesses[4].StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightPasswordFromThere.StatusCode);
        Assert.InRange(int.Parse(rightPasswordFromThere.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.Redirect, ownerSignsIn.StatusCode);
    }

    [Fact]
    public async Task Known_and_unknown_accounts_get_the_same_answers_and_the_same_slowdown()
    {
        var (known, knownLogin) = await identity.BrowserFromAsync("203.0.113.21");
        var (unknown, unknownLogin) = await identity.BrowserFromAsync("203.0.113.22");

        var answers = new List<(HttpResponseMessage Known, HttpResponseMessage Unknown)>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await known.SubmitLoginAsync(knownLogin, "anna.huber", "guess-" + i), await unknown.SubmitLoginAsync(unknownLogin, "nobody.here", "guess-" + i)));
        }

        foreach (var (forKnown, forUnknown) in answers)
        {
            Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
            Assert.Equal(await AlertAsync(forKnown), await AlertAsync(forUnknown));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1].Known.StatusCode);
    }
}
