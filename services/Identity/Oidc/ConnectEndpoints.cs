using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Primitives;
using MucGov.Identity.Accounts;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MucGov.Identity.Oidc;

/// <summary>
/// The OIDC endpoints OpenIddict passes through to us: authorize (sign-in with the account cookie, implicit consent for
/// the city's first-party clients), token (codes, refresh tokens, client credentials), userinfo and end-session.
/// Discovery, JWKS, introspection and revocation are answered by OpenIddict itself.
/// </summary>
public static class ConnectEndpoints
{
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static WebApplication MapConnectEndpoints(this WebApplication app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapPost("/connect/token", TokenAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapMethods("/connect/userinfo", ["GET", "POST"], UserInfoAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapMethods("/connect/endsession", ["GET", "POST"], EndSessionAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext context,
        UserManager<Account> users,
        IOpenIddictScopeManager scopeManager,
        IOpenIddictAuthorizationManager authorizations,
        IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var account = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;

        if (account is null || request.HasPromptValue(PromptValues.Login) && !context.Request.Query.ContainsKey("mucgov_reauth"))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }

            // Back here after the login page; the marker stops prompt=login from looping.
            var parameters = context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList();
            if (request.HasPromptValue(PromptValues.Login))
            {
                parameters.Add(new KeyValuePair<string, StringValues>("mucgov_reauth", "1"));
            }

            if (request.HasPromptValue(PromptValues.Login) && cookie.Succeeded)
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            }

            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        if (account.Kind == AccountKind.Staff && !cookie.Principal!.HasClaim("amr", "mfa"))
        {
            return Refuse(Errors.AccessDenied, "Staff accounts must sign in with a second factor.");
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("Unknown client.");
        var scopes = AccountClaims.AllowedScopes(account, request.GetScopes()).ToList();
        var resources = await ListResourcesAsync(scopeManager, scopes);
        var principal = AccountClaims.CreatePrincipal(account, scopes, resources, null);

        // One permanent authorization per grant, so its refresh tokens form a chain that can be revoked as a whole.
        var authorization = await authorizations.CreateAsync(
            principal: principal,
            subject: account.Id.ToString(),
            client: (await applications.GetIdAsync(application))!,
            type: AuthorizationTypes.Permanent,
            scopes: principal.GetScopes());
        principal.SetAuthorizationId(await authorizations.GetIdAsync(authorization));
        return Results.SignIn(principal, authenticationScheme: Server);
    }

    private static async Task<IResult> TokenAsync(
        HttpContext context,
        UserManager<Account> users,
        IOpenIddictApplicationManager applications,
        IOpenIddictScopeManager scopeManager,
        Microsoft.Extensions.Options.IOptions<OidcOptions> options)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(Server);
            var subject = result.Principal?.GetClaim(Claims.Subject);
            var account = subject is null ? null : await users.FindByIdAsync(subject);
            if (account is null)
            {
                return Refuse(Errors.InvalidGrant, "The account no longer exists.");
            }

            if (await users.IsLockedOutAsync(account))
            {
                return Refuse(Errors.InvalidGrant, "The account is locked.");
            }

            // Fresh claims from the account (a role or trust level may have changed since sign-in), same grant.
            var granted = result.Principal!;
            var principal = AccountClaims.CreatePrincipal(account, granted.GetScopes(), granted.GetResources(), granted.GetAuthorizationId());
            return Results.SignIn(principal, authenticationScheme: Server);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("Unknown client.");
            var identity = new ClaimsIdentity(Server, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId).SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application));
            var client = options.Value.Clients.GetValueOrDefault(request.ClientId!);
            identity.SetClaims(Claims.Role, [.. client?.ServiceRoles ?? []]);
            var principal = new ClaimsPrincipal(identity);
            principal.SetScopes(request.GetScopes());
            principal.SetResources(await ListResourcesAsync(scopeManager, request.GetScopes()));
            principal.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(principal, authenticationScheme: Server);
        }

        return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context, UserManager<Account> users)
    {
        var result = await context.AuthenticateAsync(Server);
        var subject = result.Principal?.GetClaim(Claims.Subject);
        var account = subject is null ? null : await users.FindByIdAsync(subject);
        if (account is null)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The account no longer exists.",
                }),
                [Server]);
        }

        return Results.Ok(AccountClaims.UserInfo(account, result.Principal!.GetScopes().ToHashSet(StringComparer.Ordinal)));
    }

    /// <summary>
    /// Ends the account session and returns to the client. A plain link anyone can put on a page must not sign people
    /// out: without the client's ID token of this same account as <c>id_token_hint</c>, the citizen confirms on our own
    /// sign-out page first (a form with an antiforgery token), which then comes back here, signed out.
    /// </summary>
    private static async Task<IResult> EndSessionAsync(HttpContext context, SignInManager<Account> signIn)
    {
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (cookie.Succeeded)
        {
            var hint = await context.AuthenticateAsync(Server);
            var account = signIn.UserManager.GetUserId(cookie.Principal!);
            if (hint.Principal?.GetClaim(Claims.Subject) is not { } subject || subject != account)
            {
                return Results.Redirect("/account/logout?continue=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            }

            await signIn.SignOutAsync();
        }

        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Server]);
    }

    private static async Task<List<string>> ListResourcesAsync(IOpenIddictScopeManager scopeManager, IEnumerable<string> scopes)
    {
        var resources = new List<string>();
        await foreach (var resource in scopeManager.ListResourcesAsync([.. scopes]))
        {
            resources.Add(resource);
        }

        return resources;
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [Server]);
}
