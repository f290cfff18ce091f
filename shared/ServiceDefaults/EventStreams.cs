using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace MucGov.Shared.ServiceDefaults;

/// <summary>Server-Sent Events as the services send them (the chat's messages, the console's queue), and waiting for news to send.</summary>
public static class EventStreams
{
    /// <summary>
    /// Starts a <c>text/event-stream</c> answer: never cached, never buffered by a proxy, the headers sent now with a
    /// first line telling browsers to reconnect 3 s after the stream ends (at a token's expiry, or a dropped connection).
    /// A proxy (the gateway's YARP) passes the headers on only with the first bytes of the body: without that line the
    /// client's stream would count as open only at the first heartbeat.
    /// </summary>
    public static async Task StartEventStreamAsync(this HttpResponse response, CancellationToken ct)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync("retry: 3000\n\n", ct);
        await response.Body.FlushAsync(ct);
    }

    /// <summary>Writes one event (<c>id:</c> and <c>event:</c> when given); flush the body after the last of a batch.</summary>
    public static Task WriteEventAsync(this HttpResponse response, string data, CancellationToken ct, string? id = null, string? name = null) =>
        response.WriteAsync((id is null ? "" : $"id: {id}\n") + (name is null ? "" : $"event: {name}\n") + $"data: {data}\n\n", ct);

    /// <summary>A comment line, so proxies do not close a quiet stream (YARP's activity timeout is 100 s).</summary>
    public static async Task WriteHeartbeatAsync(this HttpResponse response, CancellationToken ct)
    {
        await response.WriteAsync(": heartbeat\n\n", ct);
        await response.Body.FlushAsync(ct);
    }

    /// <summary>The next item, or <c>Read = false</c> when <paramref name="timeout"/> passed first.</summary>
    public static async Task<(bool Read, T? Item)> ReadOrTimeoutAsync<T>(this ChannelReader<T> reader, TimeSpan timeout, CancellationToken ct)
    {
        if (reader.TryRead(out var ready))
        {
            return (true, ready);
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        try
        {
            return (true, await reader.ReadAsync(wait.Token));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (false, default);
        }
    }
}
