using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MucGov.Shared.ServiceDefaults;
using Yarp.ReverseProxy;

namespace MucGov.Gateway.Health;

/// <summary><c>GET /health/services</c>: the readiness of the gateway itself (its database) and of every service behind it, probed now.</summary>
public static class ServicesHealthApi
{
    public static IHostApplicationBuilder AddServicesHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServicesHealthOptions>().BindConfiguration(ServicesHealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(nameof(ServicesHealthApi));
        return builder;
    }

    public static WebApplication MapServicesHealth(this WebApplication app)
    {
        app.MapGet("/health/services", GetServicesHealth)
            .WithName("GetServicesHealth")
            .WithSummary("Readiness of every service behind the gateway")
            .WithTags("Health");
        return app;
    }

    /// <summary>One app's readiness.</summary>
    /// <param name="Name">
    /// Cluster id, which is the service name (<c>service/destination</c> for a further instance); <c>gateway</c> for the
    /// gateway's own checks.
    /// </param>
    /// <param name="Ready">The service answered its readiness probe with 200.</param>
    /// <param name="Status"><c>Healthy</c>, <c>Degraded</c> (e.g. broker away), <c>Unhealthy</c> or <c>Unreachable</c>.</param>
    /// <param name="Checks">The service's own checks as it reported them.</param>
    public sealed record ServiceHealth(string Name, bool Ready, string Status, JsonElement? Checks);

    /// <summary>The gateway and all services; <c>Ready</c> only when every one is ready.</summary>
    public sealed record ServicesHealthReport(bool Ready, string Status, IReadOnlyList<ServiceHealth> Services);

    internal static async Task<Results<Ok<ServicesHealthReport>, JsonHttpResult<ServicesHealthReport>>> GetServicesHealth(
        IProxyStateLookup proxy,
        HealthCheckService gatewayChecks,
        IHttpClientFactory clients,
        IOptions<ServicesHealthOptions> options,
        CancellationToken ct)
    {
        var client = clients.CreateClient(nameof(ServicesHealthApi));
        // One probe per destination: a service run as several instances (./mucgov up --replicas) shows each, the first
        // (primary) under the service's name, the others as service/destination.
        var probes = proxy.GetClusters()
            .OrderBy(cluster => cluster.ClusterId, StringComparer.Ordinal)
            .SelectMany(cluster => cluster.Destinations.Count == 0
                ? [ProbeAsync(client, cluster.ClusterId, null, options.Value, ct)]
                : cluster.Destinations.OrderBy(d => d.Key == "primary" ? "" : d.Key, StringComparer.Ordinal).Select(d =>
                    ProbeAsync(client, d.Key == "primary" ? cluster.ClusterId : $"{cluster.ClusterId}/{d.Key}", d.Value.Model.Config.Address, options.Value, ct)));
        var own = await gatewayChecks.CheckHealthAsync(check => check.Tags.Contains(Shared.ServiceDefaults.Extensions.ReadyTag), ct);
        var gateway = new ServiceHealth("gateway", own.Status != HealthStatus.Unhealthy, own.Status.ToString(), HealthResponse.Checks(own));
        var services = (ServiceHealth[])[gateway, .. await Task.WhenAll(probes)];
        var ready = services.Length > 0 && services.All(s => s.Ready);
        var report = new ServicesHealthReport(ready, ready ? "Healthy" : "Unhealthy", services);
        return ready ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<ServiceHealth> ProbeAsync(HttpClient client, string name, string? address, ServicesHealthOptions options, CancellationToken ct)
    {
        if (address is null)
        {
            return new ServiceHealth(name, false, "Unreachable", null);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await client.GetAsync(new Uri(new Uri(address), options.Path), timeout.Token);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            var status = body.TryGetProperty("status", out var s) ? s.GetString() ?? "Unknown" : "Unknown";
            var checks = body.TryGetProperty("checks", out var c) ? c.Clone() : (JsonElement?)null;
            return new ServiceHealth(name, response.StatusCode == HttpStatusCode.OK, status, checks);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new ServiceHealth(name, false, "Unreachable", null);
        }
    }
}
