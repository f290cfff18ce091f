using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MucGov.Identity.Accounts;
using MucGov.Shared.Auth;

namespace MucGov.Identity.Seed;

/// <summary>Settings of the <c>Seed</c> section (Development only).</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Create the demo accounts at start. Refused outside Development and tests.</summary>
    public bool DemoAccounts { get; set; }

    /// <summary>Where the demo logins are written (<c>.mucgov/demo-logins.json</c> locally).</summary>
    public string? DemoLoginsFile { get; set; }
}

/// <summary>A demo login as written to <c>demo-logins.json</c>.</summary>
public sealed record DemoLogin(
    string Username,
    string Password,
    string Kind,
    string Name,
    string TrustLevel,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> Languages,
    string? TotpSecret = null);

/// <summary>
/// Creates demo citizens and staff (Development only; passwords are public, so never elsewhere) and writes
/// <c>demo-logins.json</c>. Staff get a TOTP authenticator secret, written to the file so scripts can compute codes.
/// </summary>
public sealed partial class DemoAccounts(IServiceScopeFactory scopes, IOptions<SeedOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<DemoAccounts> logger)
{
    private sealed record Demo(
        string Username, string GivenName, string FamilyName, string Email, string Language, string TrustLevel,
        string? Street = null, string? HouseNumber = null, string? PostalCode = null, string? BirthDate = null, string? Phone = null,
        string[]? Roles = null, string[]? Departments = null, string[]? Languages = null, (string Kind, string Title, string Number)[]? Documents = null);

    private static readonly Demo[] Citizens =
    [
        new("anna.huber", "Anna", "Huber", "anna.huber@example.org", "de", TrustLevels.High, "Leopoldstraße", "42", "80802", "1988-03-14", "+49 89 1234567",
            Documents: [("identity-card", "Personalausweis", "L01X00T47"), ("registration-certificate", "Meldebescheinigung", "MB-2025-118")]),
        new("sepp.brandl", "Sepp", "Brandl", "sepp.brandl@example.org", "bar", TrustLevels.Substantial, "Tegernseer Landstraße", "161", "81539", "1961-07-02", "+49 89 7654321",
            Documents: [("driving-licence", "Führerschein", "B072XYZ11")]),
        new("emily.clarke", "Emily", "Clarke", "emily.clarke@example.org", "en", TrustLevels.Basic, "Schellingstraße", "9", "80799", "1996-11-30"),
        new("ayse.yilmaz", "Ayşe", "Yılmaz", "ayse.yilmaz@example.org", "tr", TrustLevels.Substantial, "Hanauer Straße", "80", "80993", "1979-05-21", "+49 176 5550101"),
        new("olena.kovalenko", "Olena", "Kovalenko", "olena.kovalenko@example.org", "uk", TrustLevels.Basic, "Fritz-Erler-Straße", "3", "81737", "1990-01-09"),
    ];

    private static readonly Demo[] Staff =
    [
        new("cw.buergerbuero", "Maria", "Schneider", "maria.schneider@muenchen.example", "de", TrustLevels.High, Roles: [StaffRoles.Caseworker], Departments: ["buergerbuero"],
            Languages: ["de", "en"]),
        new("cw.buergerbuero2", "Mehmet", "Demir", "mehmet.demir@muenchen.example", "de", TrustLevels.High, Roles: [StaffRoles.Caseworker], Departments: ["buergerbuero"],
            Languages: ["de", "tr"]),
        new("sv.buergerbuero", "Thomas", "Bauer", "thomas.bauer@muenchen.example", "de", TrustLevels.High, Roles: [StaffRoles.Supervisor, StaffRoles.Caseworker],
            Departments: ["buergerbuero"], Languages: ["de", "en"]),
        new("cw.standesamt", "Katharina", "Wagner", "katharina.wagner@muenchen.example", "de", TrustLevels.High, Roles: [StaffRoles.Caseworker], Departments: ["standesamt"],
            Languages: ["de", "en"]),
        new("cw.auslaenderbehoerde", "Iryna", "Shevchenko", "iryna.shevchenko@muenchen.example", "de", TrustLevels.High, Roles: [StaffRoles.Caseworker],
            Departments: ["auslaenderbehoerde"], Languages: ["de", "en", "uk", "ru"]),
        new("cw.abfall", "Florian", "Huber", "florian.huber@muenchen.example", "de", TrustLevels.High, Roles: [StaffRoles.Caseworker], Departments: ["abfall"],
            Languages: ["de", "en"]),
        new("cw.buergerservice", "Lukas", "Hofmann", "lukas.hofmann@muenchen.example", "de", TrustLevels.High, Roles: [StaffRoles.Caseworker], Departments: ["buergerservice"],
            Languages: ["de", "en", "tr", "ar"]),
        new("sv.buergerservice", "Sabine", "Maier", "sabine.maier@muenchen.example", "de", TrustLevels.High, Roles: [StaffRoles.Supervisor, StaffRoles.Caseworker],
            Departments: ["buergerservice", "ordnung"], Languages: ["de", "en"]),
        new("editor.knowledge", "Jonas", "Fischer", "jonas.fischer@muenchen.example", "de", TrustLevels.High, Roles: [StaffRoles.KnowledgeEditor], Departments: [],
            Languages: ["de", "en"]),
        new("ops.platform", "Nina", "Weber", "nina.weber@muenchen.example", "de", TrustLevels.High, Roles: [StaffRoles.Operator], Departments: [], Languages: ["de", "en"]),
    ];

    /// <summary>The demo password of a username (public: Development only).</summary>
    public static string PasswordOf(string username) => $"Servus-{username}-2026";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DemoAccounts)
        {
            return;
        }

        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new Oidc.IdentityConfigurationException("Seed:DemoAccounts is for Development only: demo passwords are public.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var logins = new List<DemoLogin>();
        foreach (var demo in Citizens.Select(d => (d, AccountKind.Citizen)).Concat(Staff.Select(d => (d, AccountKind.Staff))))
        {
            logins.Add(await EnsureAsync(users, demo.d, demo.Item2));
        }

        if (options.Value.DemoLoginsFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(logins, new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                WriteIndented = true,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
            }), cancellationToken);
        }

        LogSeeded(logins.Count, options.Value.DemoLoginsFile);
    }

    private async Task<DemoLogin> EnsureAsync(UserManager<Account> users, Demo demo, AccountKind kind)
    {
        var account = await users.FindByNameAsync(demo.Username);
        if (account is null)
        {
            account = new Account
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                UserName = demo.Username,
                Email = demo.Email,
                EmailConfirmed = true,
                Kind = kind,
                GivenName = demo.GivenName,
                FamilyName = demo.FamilyName,
                BirthDate = demo.BirthDate is null ? null : DateOnly.Parse(demo.BirthDate, System.Globalization.CultureInfo.InvariantCulture),
                Street = demo.Street,
                HouseNumber = demo.HouseNumber,
                PostalCode = demo.PostalCode,
                City = demo.Street is null ? null : "München",
                PhoneNumber = demo.Phone,
                PreferredLanguage = demo.Language,
                TrustLevel = demo.TrustLevel,
                Roles = [.. demo.Roles ?? []],
                Departments = [.. demo.Departments ?? []],
                Languages = [.. demo.Languages ?? []],
                CreatedAt = clock.GetUtcNow(),
                Documents = [.. (demo.Documents ?? []).Select(d => new CitizenDocument { Id = Guid.NewGuid(), Kind = d.Kind, Title = d.Title, Number = d.Number })],
            };
            Check(await users.CreateAsync(account, PasswordOf(demo.Username)), demo.Username);
            if (kind == AccountKind.Staff)
            {
                Check(await users.ResetAuthenticatorKeyAsync(account), demo.Username);
                Check(await users.SetTwoFactorEnabledAsync(account, true), demo.Username);
            }
        }

        var totp = kind == AccountKind.Staff ? await users.GetAuthenticatorKeyAsync(account) : null;
        return new DemoLogin(demo.Username, PasswordOf(demo.Username), kind == AccountKind.Staff ? "staff" : "citizen", account.Name, account.TrustLevel,
            account.Roles, account.Departments, account.Languages, totp);
    }

    private static void Check(IdentityResult result, string username)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {username}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(LogLevel.Information, "{Count} demo accounts ready; logins written to {File}")]
    private partial void LogSeeded(int count, string? file);
}
