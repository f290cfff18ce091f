using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Yarp.ReverseProxy.Transforms;

namespace MucGov.Gateway.Bff;

/// <summary>What the gateway adds when it proxies a browser's API call: the session's access token and the key of an anonymous chat.</summary>
public static class ProxyTransforms
{
    public const string ConversationKeyHeader = "X-Conversation-Key";

    public static IReverseProxyBuilder AddBffTransforms(this IReverseProxyBuilder proxy) => proxy.AddTransforms(context =>
    {
        context.AddRequestTransform(async transform =>
        {
            var http = transform.HttpContext;
            if (BffAuthentication.HasBearer(http.Request) || !http.Request.Path.StartsWithSegments("/api"))
            {
                // API clients bring their own token; the identity pages have their own cookies.
                return;
            }

            if (await http.RequestServices.GetRequiredService<AccessTokens>().GetAsync(http) is { } token)
            {
                transform.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (ConversationOf(http.Request.Path) is { } conversation && !http.Request.Headers.ContainsKey(ConversationKeyHeader)
                && http.RequestServices.GetRequiredService<ChatKeys>().KeyOf(http, conversation) is { } key)
            {
                transform.ProxyRequest.Headers.Add(ConversationKeyHeader, key);
            }
        });

        if (context.Route.ClusterId == "conversation")
        {
            context.AddResponseTransform(RememberAnonymousChatAsync);
        }
    });

    /// <summary>
    /// The gateway's pages (which send <c>X-CSRF: 1</c>) that start an anonymous chat get its access key kept in the
    /// session (an encrypted HttpOnly cookie); the key is taken out of the answer, so no script on the page can read
    /// it. API clients (no <c>X-CSRF</c> header, or a bearer token) get the answer as the service gave it, with the
    /// key, and no cookie.
    /// </summary>
    private static async ValueTask RememberAnonymousChatAsync(ResponseTransformContext transform)
    {
        var http = transform.HttpContext;
        if (transform.ProxyResponse is not { StatusCode: System.Net.HttpStatusCode.Created } response
            || !HttpMethods.IsPost(http.Request.Method) || http.Request.Path.Value?.TrimEnd('/') != "/api/conversations"
            || BffAuthentication.HasBearer(http.Request) || http.Request.Headers[Security.GatewaySecurity.CsrfHeader] != "1")
        {
            return;
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(http.RequestAborted))?.AsObject();
        if (body?["accessKey"]?.GetValue<string>() is not { } key || body["id"]?.GetValue<Guid>() is not { } id)
        {
            transform.SuppressResponseBody = true;
            await http.Response.WriteAsync(body?.ToJsonString() ?? "", http.RequestAborted);
            return;
        }

        http.RequestServices.GetRequiredService<ChatKeys>().Remember(http, id, key);
        body.Remove("accessKey");
        transform.SuppressResponseBody = true;
        http.Response.Headers.ContentLength = null;
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }

    private static Guid? ConversationOf(PathString path)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments is ["api", "conversations", var id, ..] && Guid.TryParse(id, out var conversation) ? conversation : null;
    }
}
