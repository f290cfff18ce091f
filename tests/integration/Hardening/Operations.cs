using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MucGov.IntegrationTests.Hosting;

namespace MucGov.IntegrationTests.Hardening;

/// <summary>A parameter of an OpenAPI operation (<c>path</c>, <c>query</c> or <c>header</c>).</summary>
public sealed record Parameter(string Name, string In, JsonElement Schema, bool Required);

/// <summary>
/// One operation of an app's OpenAPI document, with the authorization policy its endpoint requires (read from the
/// running app's endpoint metadata; null when anonymous callers may use it).
/// </summary>
public sealed record Operation(string App, string Method, string Path, IReadOnlyList<Parameter> Parameters, JsonElement? Body, string? Policy, Schemas Schemas)
{
    public override string ToString() => $"{App} {Method} {Path}";

    /// <summary>Whether a successful call can store something (every method but GET and HEAD).</summary>
    public bool Changes => Method is not ("GET" or "HEAD");
}

/// <summary>The <c>components/schemas</c> of one OpenAPI document, for resolving <c>$ref</c>.</summary>
public sealed class Schemas(JsonElement document)
{
    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }
}

/// <summary>The operations of the running apps, read from their <c>/openapi/v1.json</c>.</summary>
public static class Operations
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static async Task<IReadOnlyList<Operation>> ReadAsync(IReadOnlyDictionary<string, RunningApp> apps)
    {
        var operations = new List<Operation>();
        foreach (var (name, app) in apps)
        {
            using var client = new HttpClient { BaseAddress = app.Address };
            var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
            var schemas = new Schemas(document);
            var policies = Policies(app);
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
                {
                    var parameters = method.Value.TryGetProperty("parameters", out var list)
                        ? list.EnumerateArray().Select(p => new Parameter(
                            p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                            p.TryGetProperty("schema", out var schema) ? schema : default,
                            p.TryGetProperty("required", out var required) && required.GetBoolean())).ToList()
                        : [];
                    JsonElement? body = method.Value.TryGetProperty("requestBody", out var requestBody)
                        && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                        ? json.GetProperty("schema")
                        : null;
                    var verb = method.Name.ToUpperInvariant();
                    if (!policies.TryGetValue((verb, Normalise(path.Name)), out var policy))
                    {
                        throw new InvalidOperationException($"{name} documents {verb} {path.Name}, but no endpoint of it has that route.");
                    }

                    operations.Add(new Operation(name, verb, path.Name, parameters, body, policy, schemas));
                }
            }
        }

        return operations;
    }

    /// <summary>
    /// The routes the gateway passes on and the policy it demands first (null: none), by path prefix, from its
    /// <c>ReverseProxy:Routes</c> configuration.
    /// </summary>
    public static IReadOnlyList<(string Prefix, string? Policy)> GatewayRoutes(RunningApp gateway) =>
        [.. gateway.Services.GetRequiredService<IConfiguration>().GetSection("ReverseProxy:Routes").GetChildren()
            .Select(route => (Prefix: route["Match:Path"]!.Split("/{**", 2)[0], Policy: route["AuthorizationPolicy"]))
            .Where(route => route.Prefix.StartsWith("/api/", StringComparison.Ordinal))];

    /// <summary>Policy by method and route of the app's endpoints: null for anonymous ones.</summary>
    private static Dictionary<(string Method, string Route), string?> Policies(RunningApp app)
    {
        var policies = new Dictionary<(string, string), string?>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var policy = anonymous || authorize.Count == 0 ? null : authorize.LastOrDefault(a => a.Policy is not null)?.Policy ?? "authenticated";
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                policies[(method, Normalise(endpoint.RoutePattern.RawText ?? ""))] = policy;
            }
        }

        return policies;
    }

    /// <summary>A route without parameter constraints and trailing slash, as the OpenAPI document writes it.</summary>
    private static string Normalise(string route)
    {
        var plain = System.Text.RegularExpressions.Regex.Replace(route, @"\{([^}:?=]+)[^}]*\}", "{$1}").TrimEnd('/');
        return plain.StartsWith('/') ? plain : "/" + plain;
    }
}
