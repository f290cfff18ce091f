namespace MucGov.Bench.Scenarios;

/// <summary>The gateway answering by itself: the floor every proxied call stands on.</summary>
public sealed class GatewayLive : IScenario
{
    public string Name => "gateway-live";
    public string Description => "GET /health/live on the gateway (no proxying)";

    public async Task RunOnceAsync(BenchContext context, int worker, CancellationToken ct)
    {
        using var response = await context.Http.GetAsync(new Uri(context.Gateway, "/health/live"), ct);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>One proxied hop: gateway → knowledge service → problem+json 404 back.</summary>
public sealed class ProxyHop : IScenario
{
    public string Name => "proxy-hop";
    public string Description => "GET /api/knowledge/<unknown> through the gateway (one proxied round trip)";

    public async Task RunOnceAsync(BenchContext context, int worker, CancellationToken ct)
    {
        using var response = await context.Http.GetAsync(new Uri(context.Gateway, "/api/knowledge/bench-probe"), ct);
        if (response.StatusCode != System.Net.HttpStatusCode.NotFound || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            throw new InvalidOperationException($"Expected a problem+json 404 from the knowledge service, got {(int)response.StatusCode}.");
        }
    }
}

/// <summary>The operators' readiness view: the gateway probes all four services' databases.</summary>
public sealed class ServicesHealth : IScenario
{
    public string Name => "services-health";
    public string Description => "GET /health/services (gateway probes four services, each checks its database)";

    public async Task RunOnceAsync(BenchContext context, int worker, CancellationToken ct)
    {
        using var response = await context.Http.GetAsync(new Uri(context.Gateway, "/health/services"), ct);
        response.EnsureSuccessStatusCode();
    }
}
