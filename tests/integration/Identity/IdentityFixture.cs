using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Identity.Accounts;
using MucGov.Identity.Seed;
using MucGov.IntegrationTests.Hosting;
using MucGov.Shared.Auth;
using MucGov.Testing;

namespace MucGov.IntegrationTests.Identity;

/// <summary>The identity service with its demo accounts, on its own database and virtual host.</summary>
public sealed class IdentityFixture : Isolated
{
    public RunningApp App { get; private set; } = null!;
    public string VirtualHost { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        VirtualHost = await NewVirtualHostAsync("identity");
        App = await Apps.StartFreshAsync(this, "identity", VirtualHost);
    }

    public OidcFlow NewFlow() => new(App.CreateBrowser());

    public static string PasswordOf(string username) => DemoAccounts.PasswordOf(username);

    public Task<string?> TotpSecretAsync(string username) => TotpSecretAsync(App, username);

    /// <summary>A demo account's authenticator secret, read from the identity service under test; null for citizens (they have none).</summary>
    public static async Task<string?> TotpSecretAsync(RunningApp identity, string username)
    {
        await using var scope = identity.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = await users.FindByNameAsync(username) ?? throw new ArgumentException($"No demo account '{username}'.", nameof(username));
        return await users.GetAuthenticatorKeyAsync(account);
    }

    /// <summary>
    /// An access token for a demo account through the real code flow with PKCE (staff answer the TOTP step with their
    /// authenticator secret, read from <paramref name="identity"/>).
    /// </summary>
    public static async Task<string> AccessTokenAsync(RunningApp identity, string username, string scope)
    {
        var flow = new OidcFlow(identity.CreateBrowser());
        var code = await flow.SignInAsync(username, PasswordOf(username), scope, await TotpSecretAsync(identity, username));
        return (await OidcFlow.TokensAsync(await flow.RedeemAsync(code))).AccessToken;
    }

    /// <summary>A fresh citizen of this test alone (for tests that change or lock their account).</summary>
    public async Task<(string Username, string Password)> NewCitizenAsync(string trustLevel = TrustLevels.Basic)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var username = $"citizen-{Guid.NewGuid():N}"[..20];
        const string password = "Weißwurst-vor-12-Uhr";
        var result = await users.CreateAsync(new Account
        {
            Id = Guid.CreateVersion7(),
            UserName = username,
            Email = $"{username}@example.org",
            Kind = AccountKind.Citizen,
            GivenName = "Franz",
            FamilyName = "Xaver",
            PreferredLanguage = "de",
            TrustLevel = trustLevel,
            CreatedAt = DateTimeOffset.UtcNow,
        }, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return (username, password);
    }

    public override async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await base.DisposeAsync();
    }
}
