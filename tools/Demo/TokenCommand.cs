using System.Text.Json;
using MucGov.Shared.Clients;

namespace MucGov.Demo;

/// <summary>
/// <c>./mucgov token USER [SCOPES]</c>: signs a demo account in the way the command-line client does (authorization
/// code with PKCE, the authenticator code for staff) and prints the access token alone, for
/// <c>curl -H "Authorization: Bearer $(./mucgov token …)"</c> and the documentation's examples.
/// </summary>
public static class TokenCommand
{
    /// <summary>Scopes when none are given: what the account's own pages and API calls need.</summary>
    public static string DefaultScopes(DemoLogin login) => login.Kind switch
    {
        "citizen" => "openid profile conversation cases buergerkonto",
        _ when login.Username.StartsWith("editor.", StringComparison.Ordinal) => "openid profile knowledge.edit",
        _ => "openid profile queue",
    };

    /// <summary>Signs the account named in <paramref name="args"/> in through <paramref name="gateway"/> and prints its access token.</summary>
    /// <param name="gateway">The platform's public origin.</param>
    /// <param name="logins">The demo accounts (<c>demo-logins.json</c>).</param>
    /// <param name="args">USER and, optionally, SCOPES.</param>
    /// <param name="stepsFile">
    /// Where the authenticator steps used by earlier runs are kept: the identity service accepts each code once, so a
    /// second run within the same 30 seconds types the next code, as a person would.
    /// </param>
    public static async Task<int> RunAsync(Uri gateway, IReadOnlyList<DemoLogin> logins, IReadOnlyList<string> args, string stepsFile)
    {
        if (args.Count is 0 or > 2)
        {
            await Console.Error.WriteLineAsync("usage: ./mucgov token USER [SCOPES]   (USER: a demo account, e.g. anna.huber or cw.buergerbuero)");
            return 2;
        }

        var login = logins.FirstOrDefault(l => string.Equals(l.Username, args[0], StringComparison.OrdinalIgnoreCase));
        if (login is null)
        {
            await Console.Error.WriteLineAsync($"No demo account '{args[0]}'. Known: {string.Join(", ", logins.Select(l => l.Username))}");
            return 2;
        }

        var steps = File.Exists(stepsFile) ? JsonSerializer.Deserialize<Dictionary<string, long>>(await File.ReadAllTextAsync(stepsFile)) ?? [] : [];
        if (login.TotpSecret is not null && steps.TryGetValue(login.Username, out var used))
        {
            Totp.UsedElsewhere(login.TotpSecret, used);
        }

        try
        {
            var signedIn = await new HeadlessSignIn(gateway).SignInAsync(login.Username, login.Password, args.Count > 1 ? args[1] : DefaultScopes(login), login.TotpSecret);
            Console.WriteLine(signedIn.AccessToken);
            return 0;
        }
        catch (Exception ex) when (ex is SignInException or HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"Sign-in of {login.Username} failed: {ex.Message}");
            return 1;
        }
        finally
        {
            if (login.TotpSecret is not null && Totp.LastStep(login.TotpSecret) is { } last)
            {
                steps[login.Username] = last;
                await File.WriteAllTextAsync(stepsFile, JsonSerializer.Serialize(steps));
            }
        }
    }
}
