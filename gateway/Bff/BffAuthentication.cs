using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using MucGov.Shared.Auth;

namespace MucGov.Gateway.Bff;

/// <summary>
/// Who is calling: API clients with a bearer token (validated here and again by the service), browsers with the
/// session cookie of the backend-for-frontend (OIDC code flow with PKCE as client <c>mucgov-gateway</c>, tokens kept
/// server-side).
/// </summary>
public static class BffAuthentication
{
    public const string CookieScheme = "mucgov-session";
    public const string OidcScheme = "oidc";
    public const string Selector = "mucgov";
    public const string SessionCookie = "mucgov.session";

    /// <summary>A random id per sign-in, for the logout link (a cross-site page cannot know it).</summary>
    public const string SessionIdClaim = "bff_sid";

    private static readonly string[] ClaimsFromAccessToken = [MucGovClaims.Scope, MucGovClaims.Role, MucGovClaims.Department, MucGovClaims.Language, MucGovClaims.TrustLevel];

    public static IHostApplicationBuilder AddBff(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BffOptions>().BindConfiguration(BffOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddJwtBearerValidation()
            .AddPolicyScheme(Selector, null, options => options.ForwardDefaultSelector = context =>
                HasBearer(context.Request) ? JwtBearerDefaults.AuthenticationScheme : CookieScheme)
            .AddCookie(CookieScheme)
            .AddOpenIdConnect(OidcScheme, _ => { });
        builder.Services.Configure<AuthenticationOptions>(options =>
        {
            options.DefaultScheme = Selector;
            options.DefaultChallengeScheme = Selector;
            options.DefaultSignInScheme = CookieScheme;
        });
        builder.Services.AddSingleton<DatabaseTicketStore>();
        builder.Services.AddHostedService<ExpiredSessionCleanup>();
        builder.Services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, UseDatabaseTicketStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IOptions<BffOptions>>((cookie, bff) => ConfigureCookie(cookie, bff.Value));
        builder.Services.AddOptions<OpenIdConnectOptions>(OidcScheme)
            .Configure<IOptions<BffOptions>, IOptions<AuthOptions>>((oidc, bff, auth) => ConfigureOidc(oidc, bff.Value, auth.Value));
        builder.Services.AddSingleton<AccessTokens>();
        builder.Services.AddSingleton<ChatKeys>();
        return builder;
    }

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>API paths answer 401/403; pages are sent to sign in.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/bff");

    /// <summary>
    /// The metadata is read from the identity service's internal address, so its endpoints carry that address; the
    /// browser is sent to the same path on the public origin (the issuer). Back-channel calls stay internal.
    /// </summary>
    private static string Public(string issuer, string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var address) ? new Uri(new Uri(issuer), address.PathAndQuery).ToString() : endpoint;

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, BffOptions bff)
    {
        cookie.Cookie.Name = SessionCookie;
        cookie.Cookie.HttpOnly = true;
        // Lax: the sign-in returns with a top-level GET from the identity pages on the same site.
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = bff.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = bff.SessionIdleTimeout;
        cookie.SlidingExpiration = true;
        cookie.Events.OnRedirectToLogin = context =>
        {
            if (IsApi(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            }
            else
            {
                context.Response.Redirect("/bff/login?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            }

            return Task.CompletedTask;
        };
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    private static void ConfigureOidc(OpenIdConnectOptions oidc, BffOptions bff, AuthOptions auth)
    {
        var issuer = auth.Issuer.EndsWith('/') ? auth.Issuer : auth.Issuer + "/";
        oidc.Authority = issuer;
        oidc.MetadataAddress = auth.MetadataAddress ?? issuer + ".well-known/openid-configuration";
        oidc.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        oidc.BackchannelHttpHandler = IssuerBackchannel.For(auth);
        oidc.ClientId = bff.ClientId;
        oidc.ClientSecret = bff.ClientSecret;
        oidc.ResponseType = "code";
        oidc.ResponseMode = "query";
        oidc.UsePkce = true;
        oidc.SaveTokens = true;
        oidc.MapInboundClaims = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.SignInScheme = CookieScheme;
        oidc.CallbackPath = "/signin-oidc";
        oidc.SignedOutCallbackPath = "/signout-callback-oidc";
        oidc.SignedOutRedirectUri = "/";
        oidc.TokenValidationParameters.NameClaimType = MucGovClaims.Name;
        oidc.TokenValidationParameters.RoleClaimType = MucGovClaims.Role;
        oidc.Scope.Clear();
        foreach (var scope in bff.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            oidc.Scope.Add(scope);
        }

        foreach (var transient in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
        {
            transient.SameSite = SameSiteMode.Lax;
            transient.SecurePolicy = bff.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        }

        oidc.Events.OnTokenValidated = context =>
        {
            // The gateway's policies need what the access token grants (scopes, roles, departments); it came straight
            // from the token endpoint over the back channel, next to the identity token just validated.
            var identity = (ClaimsIdentity)context.Principal!.Identity!;
            if (context.TokenEndpointResponse?.AccessToken is { } accessToken)
            {
                foreach (var claim in new JsonWebToken(accessToken).Claims.Where(c => ClaimsFromAccessToken.Contains(c.Type)))
                {
                    identity.AddClaim(new Claim(claim.Type, claim.Value));
                }
            }

            identity.AddClaim(new Claim(SessionIdClaim, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));
            return Task.CompletedTask;
        };
        oidc.Events.OnRedirectToIdentityProvider = context =>
        {
            if (IsApi(context.Request.Path) && !context.Request.Path.StartsWithSegments("/bff/login"))
            {
                // An API call never starts a sign-in: it is simply not authenticated.
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.HandleResponse();
                return Task.CompletedTask;
            }

            context.ProtocolMessage.IssuerAddress = Public(issuer, context.ProtocolMessage.IssuerAddress);
            return Task.CompletedTask;
        };
        oidc.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            context.ProtocolMessage.IssuerAddress = Public(issuer, context.ProtocolMessage.IssuerAddress);
            return Task.CompletedTask;
        };
        oidc.Events.OnRemoteFailure = async context =>
        {
            // A sign-in the citizen cancelled or identity refused, an expired attempt, or a forged callback: never a
            // 500. A browser goes back to the chat page, which says sign-in did not work; anything else gets a 400.
            context.HandleResponse();
            if (context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
            {
                context.Response.Redirect("/?signin=failed");
                return;
            }

            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Sign-in failed",
                detail: "The sign-in could not be completed (cancelled, refused, expired or not started here). Start it again at /bff/login.")
                .ExecuteAsync(context.HttpContext);
        };
    }
}
