using System.Text.Json.Nodes;
using MucGov.Shared.Auth;
using Scalar.AspNetCore;
using Yarp.ReverseProxy;

namespace MucGov.Gateway.Docs;

/// <summary>
/// <c>/docs</c>: the services' HTTP APIs to browse and try (Scalar), from each service's own OpenAPI document, fetched
/// through the gateway's route table and served as <c>/docs/openapi/{service}.json</c> with the gateway as their server.
/// Open in Development; elsewhere only for signed-in staff (a browser session or a staff token).
/// </summary>
public static class ApiReference
{
    /// <summary>The documents shown, by cluster id, the caseworkers' first.</summary>
    public static readonly IReadOnlyList<(string Service, string Title)> Documents =
    [
        ("ticket", "Ticket: queue, cases, templates, my cases"),
        ("conversation", "Conversation: the chat"),
        ("knowledge", "Knowledge: the catalog"),
        ("identity", "Identity: Bürgerkonto, Postfach"),
    ];

    public static IHostApplicationBuilder AddApiReference(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(nameof(ApiReference), client => client.Timeout = TimeSpan.FromSeconds(10));
        return builder;
    }

    public static WebApplication MapApiReference(this WebApplication app)
    {
        // Its Content-Security-Policy is the gateway's DocsPolicy (Security/GatewaySecurity.cs), chosen by the path.
        var docs = app.MapGroup("/docs").ExcludeFromDescription();
        if (!app.Environment.IsDevelopment())
        {
            docs.RequireAuthorization(Policies.Staff);
        }

        docs.MapGet("/openapi/{service}.json", DocumentAsync);
        docs.MapScalarApiReference("/", options =>
        {
            options.WithTitle("MucGov API").WithOpenApiRoutePattern("/docs/openapi/{documentName}.json").DisableDefaultFonts();
            foreach (var (service, title) in Documents)
            {
                options.AddDocument(service, title);
            }
        });
        return app;
    }

    /// <summary>A service's OpenAPI document with the gateway as its only server, so "try it" goes the way every client goes.</summary>
    internal static async Task<IResult> DocumentAsync(string service, IProxyStateLookup proxy, IHttpClientFactory clients, CancellationToken ct)
    {
        if (!Documents.Any(d => d.Service == service) || !proxy.TryGetCluster(service, out var cluster)
            || cluster.Destinations.Values.FirstOrDefault()?.Model.Config.Address is not { } address)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"No API document '{service}'; there are {string.Join(", ", Documents.Select(d => d.Service))}.");
        }

        try
        {
            using var response = await clients.CreateClient(nameof(ApiReference)).GetAsync(new Uri(new Uri(address), "/openapi/v1.json"), ct);
            response.EnsureSuccessStatusCode();
            var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsObject();
            document["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "MucGov gateway" });
            return Results.Text(document.ToJsonString(), "application/json");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable",
                detail: $"The {service} service did not give its API document; try again shortly.");
        }
    }
}
