using Duende.IdentityModel.OidcClient;
using Duende.IdentityModel.OidcClient.Browser;
using Xunit;

namespace MucGov.IntegrationTests.Identity;

/// <summary>A standard OIDC client library, not our own test helper, completes discovery and the code flow.</summary>
public sealed class OidcClientLibraryTests(IdentityFixture identity) : IClassFixture<IdentityFixture>
{
    private sealed class SigningInBrowser(OidcFlow flow, string username, string password) : IBrowser
    {
        public async Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default)
        {
            var start = new Uri(options.StartUrl);
            var callback = await flow.BrowseAsync(start.PathAndQuery, username, password);
            return new BrowserResult { ResultType = BrowserResultType.Success, Response = callback.ToString() };
        }
    }

    [Fact]
    public async Task Duende_oidc_client_signs_in_a_citizen_validates_the_id_token_and_refreshes()
    {
        var client = new OidcClient(new OidcClientOptions
        {
            Authority = "http://localhost/",
            ClientId = OidcFlow.CliClient,
            RedirectUri = "http://127.0.0.1:61234/callback",
            Scope = "openid profile offline_access buergerkonto",
            Browser = new SigningInBrowser(identity.NewFlow(), "sepp.brandl", IdentityFixture.PasswordOf("sepp.brandl")),
            BackchannelHandler = identity.App.CreateHandler(),
            Policy = new Policy { Discovery = new Duende.IdentityModel.Client.DiscoveryPolicy { RequireHttps = false } },
            LoadProfile = true,
        });

        var login = await client.LoginAsync(new LoginRequest(), TestContext.Current.CancellationToken);

        Assert.False(login.IsError, login.Error + " " + login.ErrorDescription);
        Assert.Equal("Sepp Brandl", login.User.FindFirst("name")?.Value);
        Assert.Equal("substantial", login.User.FindFirst("acr")?.Value);
        var refreshed = await client.RefreshTokenAsync(login.RefreshToken, cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.NotEqual(login.RefreshToken, refreshed.RefreshToken);
    }
}
