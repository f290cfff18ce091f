using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MucGov.Shared.ServiceDefaults;

/// <summary>
/// Carries a correlation id through a request: taken from <c>X-Correlation-ID</c> when the caller sent a sane one,
/// otherwise the trace id; echoed in the response, added to every log line's scope and to the current trace.
/// </summary>
public sealed partial class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    /// <summary>The header name.</summary>
    public const string Header = "X-Correlation-ID";

    /// <summary>Runs the middleware.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var correlationId = IsSane(incoming) ? incoming : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        // Passed on to whatever this request calls (the gateway's proxied requests included) …
        context.Request.Headers[Header] = correlationId;
        // … and set last, so a proxied response's own copy does not make it appear twice.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = correlationId;
            return Task.CompletedTask;
        });
        Activity.Current?.SetBaggage("correlation.id", correlationId);
        Activity.Current?.SetTag("correlation.id", correlationId);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }

    // Never echo arbitrary caller input into logs and headers: ids only.
    private static bool IsSane(string value) => value.Length is > 0 and <= 64 && SaneId().IsMatch(value);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial System.Text.RegularExpressions.Regex SaneId();
}
