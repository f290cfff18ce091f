using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.IntegrationTests.Hosting;
using MucGov.IntegrationTests.Identity;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Gateway;

/// <summary>
/// The whole platform as a browser sees it: the four services and the gateway on one origin (a fixed loopback port),
/// which is also the OIDC issuer, so the gateway's sign-in runs exactly as in production.
/// </summary>
public class WebPlatform : Isolated
{
    public Dictionary<string, RunningApp> Apps { get; } = [];
    public RunningApp Gateway { get; private set; } = null!;
    public Uri Origin { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var port = Ports.Free();
        Origin = new Uri($"http://127.0.0.1:{port}/");
        var vhost = await NewVirtualHostAsync("web");
        Apps["identity"] = await Hosting.Apps.StartFreshAsync(this, "identity", vhost, kestrel: true, extra: With("identity", new Dictionary<string, string?>
        {
            ["Oidc:Issuer"] = Origin.ToString(),
            ["Oidc:Clients:mucgov-gateway:RedirectUris:0"] = new Uri(Origin, "signin-oidc").ToString(),
            ["Oidc:Clients:mucgov-gateway:PostLogoutRedirectUris:0"] = new Uri(Origin, "signout-callback-oidc").ToString(),
        }));
        var auth = new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = Origin.ToString(),
            ["Auth:MetadataAddress"] = Hosting.Apps.MetadataOf(Apps["identity"]),
        };
        foreach (var name in new[] { "knowledge", "conversation", "ticket" })
        {
            Apps[name] = await Hosting.Apps.StartFreshAsync(this, name, vhost, kestrel: true, extra: With(name, new Dictionary<string, string?>(auth)));
        }

        Gateway = await StartGatewayAsync(port, auth);
        // As a running platform is a few seconds after its start: the ticket service knows the departments' names and
        // hours (its refresher asks knowledge), so letters and deadlines do not depend on who started first.
        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = Apps["ticket"].Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MucGov.Ticket.Data.TicketDbContext>().Departments.AnyAsync();
        }, "the ticket service's directory of departments", TimeSpan.FromSeconds(60));
    }

    private Task<RunningApp> StartGatewayAsync(int port, Dictionary<string, string?> auth)
    {
        var extra = Apps.ToDictionary(a => $"ReverseProxy:Clusters:{a.Key}:Destinations:primary:Address", a => (string?)a.Value.Address.ToString());
        foreach (var (key, value) in auth)
        {
            extra[key] = value;
        }

        extra[Ports.KestrelSetting] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Hosting.Apps.StartFreshAsync(this, "gateway", kestrel: true, extra: With("gateway", extra));
    }

    /// <summary>Whether the apps start with the settings <c>./mucgov up --bench</c> lifts their abuse limits with.</summary>
    protected virtual bool LimitsLifted => false;

    private Dictionary<string, string?> With(string app, Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in LimitsLifted ? Hosting.Apps.Row(app).BenchSettings ?? new Dictionary<string, string>() : new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A cookie-keeping client that does not follow redirects, as a browser tab of this origin.</summary>
    public HttpClient Browser() => Gateway.CreateBrowser();

    /// <summary>
    /// Signs <paramref name="username"/> in through the gateway's <c>/bff/login</c>: the session cookie ends up in
    /// <paramref name="browser"/>, and the last redirect goes to <paramref name="landsOn"/> (by default <paramref name="returnUrl"/>).
    /// </summary>
    public async Task SignInAsync(HttpClient browser, string username, string returnUrl = "/", string? landsOn = null)
    {
        var login = await browser.GetAsync("/bff/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var authorize = login.Headers.Location!;
        Assert.StartsWith(new Uri(Origin, "connect/authorize").ToString(), authorize.ToString(), StringComparison.Ordinal);
        var totp = await IdentityFixture.TotpSecretAsync(Apps["identity"], username);
        var callback = await new OidcFlow(browser).BrowseAsync(authorize.ToString(), username, IdentityFixture.PasswordOf(username), totp);
        Assert.Equal("/signin-oidc", callback.IsAbsoluteUri ? callback.AbsolutePath : callback.OriginalString.Split('?')[0]);
        Assert.True(QueryHelpers.ParseQuery(callback.Query).ContainsKey("code"));
        var back = await browser.GetAsync(callback);
        Assert.True(back.StatusCode == HttpStatusCode.Redirect, $"{(int)back.StatusCode} {await back.Content.ReadAsStringAsync()}");
        Assert.Equal(landsOn ?? returnUrl, back.Headers.Location!.OriginalString);
    }

    public static async Task<JsonElement> UserAsync(HttpClient browser) => await browser.GetFromJsonAsync<JsonElement>("/bff/user");

    public override async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var app in Apps.Values.Reverse())
        {
            await app.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
