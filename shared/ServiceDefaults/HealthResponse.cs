using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MucGov.Shared.ServiceDefaults;

/// <summary>Writes health reports as JSON: <c>{ "status", "checks": [ { "name", "status", "description", "durationMs" } ] }</c>.</summary>
public static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Response writer for <c>MapHealthChecks</c>.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new { status = report.Status.ToString(), checks = Checks(report) };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    /// <summary>The report's checks as written in a health response: <c>[ { "name", "status", "description", "durationMs" } ]</c>.</summary>
    public static JsonElement Checks(HealthReport report) =>
        JsonSerializer.SerializeToElement(report.Entries.Select(entry => new
        {
            name = entry.Key,
            status = entry.Value.Status.ToString(),
            description = entry.Value.Description ?? entry.Value.Exception?.Message,
            durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
        }), Json);
}
