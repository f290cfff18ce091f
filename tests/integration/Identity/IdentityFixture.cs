using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Identity.Accounts;
using MucGov.Identity.Data;
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
    public static async Task<string> AccessTokenAsync(RunningApp identity, string username, string scope, string? password = null)
    {
        var flow = new OidcFlow(identity.CreateBrowser());
        var code = await flow.SignInAsync(username, password ?? PasswordOf(username), scope, await TotpSecretAsync(identity, username));
        return (await OidcFlow.TokensAsync(await flow.RedeemAsync(code))).AccessToken;
    }

    /// <summary>The catalog import client's token (client credentials): role knowledge-editor, audience knowledge.</summary>
    public static async Task<string> CatalogImportTokenAsync(RunningApp identity)
    {
        using var client = identity.CreateClient();
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "mucgov-catalog-import",
            ["client_secret"] = Apps.CatalogImportSecret,
            ["scope"] = "knowledge.edit",
        }));
        return (await OidcFlow.TokensAsync(response)).AccessToken;
    }

    /// <summary>The account id (the tokens' subject) of <paramref name="username"/>.</summary>
    public static async Task<Guid> CitizenIdAsync(RunningApp identity, string username)
    {
        await using var scope = identity.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByNameAsync(username))!.Id;
    }

    /// <summary>A fresh citizen of this test alone (for tests that change or lock their account).</summary>
    public async Task<(string Username, string Password)> NewCitizenAsync(string trustLevel = TrustLevels.Basic)
    {
        var (username, password, _) = await NewCitizenAsync(App, trustLevel);
        return (username, password);
    }

    /// <summary>A fresh citizen of the caller alone in <paramref name="identity"/>; its name, password and id.</summary>
    public static async Task<(string Username, string Password, Guid Id)> NewCitizenAsync(
        RunningApp identity, string trustLevel = TrustLevels.Basic, string language = "de", bool notify = true)
    {
        await using var scope = identity.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var username = $"citizen-{Guid.NewGuid():N}"[..20];
        const string password = "Weißwurst-vor-12-Uhr";
        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            UserName = username,
            Email = $"{username}@example.org",
            EmailConfirmed = true,
            Kind = AccountKind.Citizen,
            GivenName = "Franz",
            FamilyName = "Xaver",
            PreferredLanguage = language,
            NotifyByEmail = notify,
            TrustLevel = trustLevel,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = await users.CreateAsync(account, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return (username, password, account.Id);
    }

    /// <summary>Runs <paramref name="work"/> on the database of the identity service <paramref name="identity"/>.</summary>
    public static async Task<T> WithAccountsAsync<T>(RunningApp identity, Func<AccountDbContext, Task<T>> work)
    {
        await using var scope = identity.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AccountDbContext>());
    }

    /// <summary>The password of the staff accounts <see cref="NewStaffAsync"/> makes.</summary>
    public const string StaffPassword = "Sachbearbeitung-2026-sicher";

    /// <summary>A staff account of the caller alone in <paramref name="identity"/> (its own address), with an authenticator.</summary>
    public static async Task<(Guid Id, string Username, string Email, string Totp)> NewStaffAsync(RunningApp identity, string department, params string[] roles)
    {
        await using var scope = identity.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var username = $"staff-{Guid.NewGuid():N}"[..18];
        var account = new Account
        {
            Id = Guid.CreateVersion7(), UserName = username, Email = $"{username}@muenchen.example", EmailConfirmed = true, Kind = AccountKind.Staff,
            GivenName = "Vroni", FamilyName = "Test", PreferredLanguage = "de", TrustLevel = TrustLevels.High, Roles = [.. roles], Departments = [department],
            Languages = ["de"], CreatedAt = DateTimeOffset.UtcNow,
        };
        if (!(await users.CreateAsync(account, StaffPassword)).Succeeded)
        {
            throw new InvalidOperationException($"Staff account {username} was not created.");
        }

        await users.ResetAuthenticatorKeyAsync(account);
        await users.SetTwoFactorEnabledAsync(account, true);
        return (account.Id, username, account.Email, (await users.GetAuthenticatorKeyAsync(account))!);
    }

    public override async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await base.DisposeAsync();
    }
}
