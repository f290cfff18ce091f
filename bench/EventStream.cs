using System.Net.Http.Headers;
using System.Net.ServerSentEvents;

namespace MucGov.Bench;

/// <summary>A Server-Sent Events stream of the platform, read as a browser does, each event handed on as it arrives.</summary>
public static class EventStream
{
    /// <summary>Opens the stream (its answer's headers read) with the given headers, e.g. a bearer token or a chat key.</summary>
    public static async Task<HttpResponseMessage> OpenAsync(HttpClient http, Uri uri, Action<HttpRequestHeaders> headers, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        headers(request.Headers);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new HttpRequestException($"{(int)response.StatusCode} for the event stream {uri.AbsolutePath}");
        }

        return response;
    }

    /// <summary>Reads events until the stream ends or <paramref name="ct"/> stops it; a stopped or broken stream just ends.</summary>
    public static async Task ReadAsync(HttpResponseMessage response, Action<SseItem<string>> received, CancellationToken ct)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(ct))
            {
                received(item);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // Stopped at the end of the run, or the platform closed it.
        }
        finally
        {
            response.Dispose();
        }
    }
}
