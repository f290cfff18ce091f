using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MucGov.Gateway.Bff;

namespace MucGov.Gateway.Security;

/// <summary>Settings of the <c>RateLimit</c> section: requests per user (per IP address when anonymous) and window.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>CSRF protection for cookie calls, bearer checks, rate limits and security headers.</summary>
public static class GatewaySecurity
{
    public const string CsrfHeader = "X-CSRF";

    /// <summary>The gateway's own pages: nothing but our own scripts and styles, never in a frame.</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; " +
            "object-src 'none'";

    /// <summary>Proxied responses without a policy of their own (the identity pages keep a small inline style).</summary>
    public const string ProxiedPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src " +
            "'none'";

    /// <summary>The API reference at <c>/docs</c>: Scalar's page runs an inline start-up script and styles; all else stays on this origin.</summary>
    public const string DocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static IHostApplicationBuilder AddGatewaySecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/metrics"))
                {
                    return RateLimitPartition.GetNoLimiter("probes");
                }

                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var who = context.User.FindFirst("sub")?.Value is { } sub ? "user:" + sub : "ip:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(who, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit, Window = options.Window, QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, ct) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"Wait {Math.Ceiling(retryAfter.TotalSeconds)} s before trying again.").ExecuteAsync(rejected.HttpContext);
            };
        });
        return builder;
    }

    /// <summary>
    /// The security headers of every answer, the gateway's own refusals (401, 403 of its route policies) included:
    /// registered first, written when the answer starts.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(SecurityHeaders);
        return app;
    }

    public static WebApplication UseGatewaySecurity(this WebApplication app)
    {
        app.Use(RefuseInvalidBearerAndCrossSiteCalls);
        app.UseRateLimiter();
        return app;
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                var path = context.Request.Path;
                headers.ContentSecurityPolicy = path.StartsWithSegments("/account") || path.StartsWithSegments("/connect") ? ProxiedPolicy
                    : path.StartsWithSegments("/docs") ? DocsPolicy
                    : PagePolicy;
            }

            // Browsers honour it only over HTTPS, where the public origin is.
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            if (IsPersonal(context.Request.Path))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next();
    }

    /// <summary>
    /// Answers that may carry personal data (cases, chats, documents, the session's user, account pages) are never
    /// stored by a browser or a shared cache; the public catalog and the document check may be.
    /// </summary>
    private static bool IsPersonal(PathString path) =>
        (path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/knowledge") && !path.StartsWithSegments("/api/documents/verify"))
        || path.StartsWithSegments("/bff") || path.StartsWithSegments("/account") || path.StartsWithSegments("/connect");

    private static async Task RefuseInvalidBearerAndCrossSiteCalls(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        var api = request.Path.StartsWithSegments("/api");
        if (api && BffAuthentication.HasBearer(request) && context.User.Identity?.IsAuthenticated != true)
        {
            // The gateway checks the token too; the service checks it again.
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "The bearer token is not valid (expired, not for this API, or not ours).").ExecuteAsync(context);
            return;
        }

        var changesState = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        var withBrowserCredentials = request.Cookies.ContainsKey(BffAuthentication.SessionCookie) || request.Cookies.ContainsKey(ChatKeys.Cookie);
        if (api && changesState && !BffAuthentication.HasBearer(request) && withBrowserCredentials && request.Headers[CsrfHeader] != "1")
        {
            // Another site can make the browser send our cookies, but not this header without a CORS preflight.
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Missing X-CSRF header",
                detail: $"Calls that change something and use the session cookie must send '{CsrfHeader}: 1'.").ExecuteAsync(context);
            return;
        }

        await next();
    }
}
