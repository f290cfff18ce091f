using System.Net.Http.Headers;
using System.Text;

namespace MucGov.IntegrationTests.Hardening;

/// <summary>Who a request comes from: a bearer token, a gateway session's cookie (with <c>X-CSRF: 1</c>), or nobody.</summary>
public sealed record Caller(string Name, string? Bearer = null, string? Cookie = null)
{
    public static readonly Caller Nobody = new("nobody");

    public void Sign(HttpRequestMessage request)
    {
        if (Bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Bearer);
        }

        if (Cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", Cookie);
            request.Headers.Add("X-CSRF", "1");
        }
    }
}

/// <summary>One request of a sweep, built but not sent: to an app directly or through the gateway.</summary>
public sealed record SweepRequest(Operation Operation, string Via, string Method, string Url, IReadOnlyList<(string Name, string Value)> Headers, Body? Body, Caller Caller)
{
    public HttpRequestMessage Message()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url);
        Caller.Sign(request);
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body.Text));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", Body.ContentType);
        }

        return request;
    }

    public override string ToString()
    {
        var url = Url.Length > 160 ? Url[..160] + "…" : Url;
        var body = Body is null ? "" : " " + (Body.Text.Length > 160 ? Body.Text[..160] + "…" : Body.Text);
        return $"{Method} {url} via {Via} as {Caller.Name}{body}";
    }
}

/// <summary>What an answer of a service may look like, and what it may not.</summary>
public static class Answers
{
    /// <summary>The body of <paramref name="response"/>; of an event stream, which never ends, nothing (its headers are the answer).</summary>
    public static Task<string> BodyAsync(HttpResponseMessage response, CancellationToken ct) =>
        response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? Task.FromResult("") : response.Content.ReadAsStringAsync(ct);

    /// <summary>
    /// Why <paramref name="response"/> is not an acceptable answer to a refused request; null when it is. A refusal
    /// (4xx) is <c>application/problem+json</c>, except in the standard formats of protocols that define their own:
    /// a bare 401 with <c>WWW-Authenticate</c> (RFC 6750), the HTTP server's own bodiless 400/414/431 on a request
    /// it cannot parse (before any app code), a JSON <c>error</c> of the OAuth/OIDC endpoints under
    /// <c>/connect/</c> (RFC 6749), and an HTML 400 of identity's account pages (a form a browser shows).
    /// </summary>
    public static string? Fault(string path, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "server error";
        }

        if (status < 400)
        {
            return null;
        }

        var media = response.Content.Headers.ContentType?.MediaType;
        if (media == "application/problem+json")
        {
            return null;
        }

        if (status == 401 && response.Headers.WwwAuthenticate.Count > 0 && body.Length == 0)
        {
            return null;
        }

        if (status is 400 or 414 or 431 && response.Headers.ConnectionClose == true && body.Length == 0)
        {
            // Kestrel's own refusal of a request it cannot parse or hold (a NUL in the path, a request line over its
            // limit), sent before any app code runs, and the connection closed.
            return null;
        }

        if (path.StartsWith("/connect/", StringComparison.Ordinal) && media == "application/json" && body.Contains("\"error\"", StringComparison.Ordinal))
        {
            return null;
        }

        if (path.StartsWith("/account/", StringComparison.Ordinal) && media == "text/html" && status == 400)
        {
            return null;
        }

        return $"not problem+json ({media ?? "no content type"})";
    }
}
