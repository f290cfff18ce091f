using System.Text.Json;
using MucGov.Shared.Clients;

namespace MucGov.Bench;

/// <summary>The sample accounts <c>./mucgov up</c> writes to <c>.mucgov/demo-logins.json</c>, signed in as a terminal program does.</summary>
public static class DemoLogins
{
    /// <summary>An access token of <paramref name="username"/> for <paramref name="scope"/> (staff with their second factor).</summary>
    public static async Task<string> TokenAsync(Uri gateway, string username, string scope, CancellationToken ct)
    {
        var logins = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, ".mucgov", "demo-logins.json"), ct)).RootElement;
        var login = logins.EnumerateArray().Single(l => l.GetProperty("username").GetString() == username);
        var totp = login.TryGetProperty("totpSecret", out var secret) && secret.ValueKind == JsonValueKind.String ? secret.GetString() : null;
        return (await new HeadlessSignIn(gateway).SignInAsync(username, login.GetProperty("password").GetString()!, scope, totp, ct)).AccessToken;
    }
}
