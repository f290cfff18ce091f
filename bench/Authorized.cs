using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace MucGov.Bench;

/// <summary>Requests as a signed-in caller sends them: a bearer token, a JSON body where there is one.</summary>
public static class Authorized
{
    public static HttpRequestMessage Request(HttpMethod method, Uri url, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = Bearer(token);
        return request;
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
