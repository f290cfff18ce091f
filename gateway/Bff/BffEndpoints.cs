using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using MucGov.Shared.Auth;
using MucGov.Shared.Languages;
using MucGov.Shared.ServiceDefaults;

namespace MucGov.Gateway.Bff;

/// <summary><c>/bff/login</c>, <c>/bff/logout</c>, <c>/bff/user</c>, <c>/bff/languages</c>: the browser pages' own endpoints.</summary>
public static class BffEndpoints
{
    public sealed record SessionUser(
        bool Authenticated, string? Subject, string? Name, string? Kind, string? TrustLevel, IReadOnlyList<string> Roles,
        IReadOnlyList<string> Departments, IReadOnlyList<string> Languages, string? LogoutUrl);

    /// <summary>A language the pages offer: its code, its name in itself, its writing direction (<c>ltr</c> or <c>rtl</c>) and the culture dates are written in.</summary>
    public sealed record PageLanguage(string Code, string Name, string Direction, string Culture);

    public static WebApplication MapBff(this WebApplication app)
    {
        var bff = app.MapGroup("/bff").WithTags("Browser session").AllowAnonymous();
        bff.MapGet("/login", Login).WithSummary("Starts sign-in with the Bürgerkonto; returns to returnUrl (a local path)");
        bff.MapGet("/logout", LogoutAsync).WithSummary("Ends the session here and at the identity service (sid from /bff/user)");
        bff.MapGet("/user", UserAsync).WithSummary("Who the session belongs to");
        bff.MapGet("/languages", Languages).WithSummary("The languages the pages and the chat speak (the one list in shared/Languages)");
        return app;
    }

    internal static Ok<IReadOnlyList<PageLanguage>> Languages(HttpContext context)
    {
        // The same for everyone and rarely changed: caches may keep it for an hour.
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Ok<IReadOnlyList<PageLanguage>>(
            [.. SupportedLanguages.All.Select(l => new PageLanguage(l.Code, l.NativeName, l.RightToLeft ? "rtl" : "ltr", l.Culture))]);
    }

    internal static IResult Login(string? returnUrl) =>
        TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.IsLocal(returnUrl) ? returnUrl : "/" }, [BffAuthentication.OidcScheme]);

    internal static async Task<IResult> LogoutAsync(string? sid, HttpContext context)
    {
        var session = await context.AuthenticateAsync(BffAuthentication.CookieScheme);
        if (!session.Succeeded)
        {
            return TypedResults.Redirect("/");
        }

        // The sid is only known to the page of this session: another site cannot log the user out.
        if (sid is null || sid != LogoutId(session.Principal!))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: "Log out with the link /bff/user gives.");
        }

        await context.SignOutAsync(BffAuthentication.CookieScheme);
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [BffAuthentication.OidcScheme]);
    }

    internal static async Task<Ok<SessionUser>> UserAsync(HttpContext context, CancellationToken ct)
    {
        var session = await context.AuthenticateAsync(BffAuthentication.CookieScheme);
        if (!session.Succeeded)
        {
            return TypedResults.Ok(new SessionUser(false, null, null, null, null, [], [], [], null));
        }

        var user = session.Principal!;
        var roles = user.FindAll(MucGovClaims.Role).Select(c => c.Value).ToList();
        return TypedResults.Ok(new SessionUser(
            true, user.FindFirst(MucGovClaims.Subject)?.Value, user.FindFirst(MucGovClaims.Name)?.Value, roles.Count > 0 ? "staff" : "citizen",
            user.FindFirst(MucGovClaims.TrustLevel)?.Value, roles, [.. user.Departments()], [.. user.Languages()],
            "/bff/logout?sid=" + LogoutId(user)));
    }

    /// <summary>Derived from the session id, not the id itself (which keys the stored session).</summary>
    private static string LogoutId(ClaimsPrincipal user) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("logout:" + user.FindFirst(BffAuthentication.SessionIdClaim)?.Value)))[..32];
}
