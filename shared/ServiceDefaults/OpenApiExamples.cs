using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MucGov.Shared.ServiceDefaults;

/// <summary>An endpoint's example request body and answer, shown in its OpenAPI document (and so in the API reference at <c>/docs</c>).</summary>
/// <param name="Request">The request body as JSON; null for none.</param>
/// <param name="Response">The answer's body as JSON; null for none.</param>
/// <param name="Status">The status the example answer comes with.</param>
public sealed record OpenApiExample(string? Request, string? Response, int Status);

/// <summary>Examples in the OpenAPI documents: declared on the endpoint, written into the operation by a transformer.</summary>
public static class OpenApiExamples
{
    /// <summary>Shows <paramref name="request"/> and <paramref name="response"/> (serialized as the API does) as the endpoint's examples.</summary>
    public static TBuilder WithExamples<TBuilder>(this TBuilder builder, object? request = null, object? response = null, int status = 200)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OpenApiExample(
            request is null ? null : JsonSerializer.Serialize(request, JsonSerializerOptions.Web),
            response is null ? null : JsonSerializer.Serialize(response, JsonSerializerOptions.Web), status));

    /// <summary>Puts the examples of <see cref="WithExamples"/> into the operation's JSON request body and answer.</summary>
    public static OpenApiOptions AddExamples(this OpenApiOptions options) => options.AddOperationTransformer((operation, context, _) =>
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<OpenApiExample>().FirstOrDefault() is not { } example)
        {
            return Task.CompletedTask;
        }

        if (example.Request is not null && operation.RequestBody?.Content is { } body && body.TryGetValue("application/json", out var request))
        {
            request.Example = JsonNode.Parse(example.Request);
        }

        var status = example.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (example.Response is not null && operation.Responses?.TryGetValue(status, out var answer) == true && answer.Content is { } content
            && content.TryGetValue("application/json", out var response))
        {
            response.Example = JsonNode.Parse(example.Response);
        }

        return Task.CompletedTask;
    });
}
