using System.Net.Http.Headers;
using System.Text;

namespace MucGov.Testing;

/// <summary>The RabbitMQ management API as the tests use it: virtual hosts, the administrator's permissions, queue depths.</summary>
public sealed class RabbitManagement(Uri address, string user, string password)
{
    /// <summary>Whether the API answers (the node is up).</summary>
    public async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = Client();
            using var response = await client.GetAsync("api/overview");
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Creates a virtual host the administrator may use.</summary>
    public async Task CreateVirtualHostAsync(string name)
    {
        using var client = Client();
        (await client.PutAsync($"api/vhosts/{name}", Json("{}"))).EnsureSuccessStatusCode();
        (await client.PutAsync($"api/permissions/{name}/{Uri.EscapeDataString(user)}", Json("""{"configure":".*","write":".*","read":".*"}""")))
            .EnsureSuccessStatusCode();
    }

    /// <summary>Deletes a virtual host with everything in it.</summary>
    public async Task DeleteVirtualHostAsync(string name)
    {
        using var client = Client();
        using var response = await client.DeleteAsync($"api/vhosts/{name}");
    }

    /// <summary>The number of messages in a queue of a virtual host, or null when the queue does not exist.</summary>
    public async Task<int?> QueueDepthAsync(string virtualHost, string queue)
    {
        using var client = Client();
        using var response = await client.GetAsync($"api/queues/{virtualHost}/{queue}");
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == System.Text.Json.JsonValueKind.Number ? messages.GetInt32() : 0;
    }

    /// <summary>The queues of a virtual host: name, and whether each is durable, exclusive and auto-deleted.</summary>
    public async Task<IReadOnlyList<(string Name, bool Durable, bool Exclusive, bool AutoDelete)>> QueuesAsync(string virtualHost)
    {
        using var client = Client();
        var body = await client.GetStringAsync($"api/queues/{Uri.EscapeDataString(virtualHost)}?columns=name,durable,exclusive,auto_delete");
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        return [.. doc.RootElement.EnumerateArray().Select(q => (q.GetProperty("name").GetString()!, q.GetProperty("durable").GetBoolean(),
            q.GetProperty("exclusive").GetBoolean(), q.GetProperty("auto_delete").GetBoolean()))];
    }

    /// <summary>How many messages were published into each queue of a virtual host whose name contains <paramref name="part"/>.</summary>
    public async Task<IReadOnlyDictionary<string, long>> PublishedAsync(string virtualHost, string part)
    {
        using var client = Client();
        var body = await client.GetStringAsync($"api/queues/{Uri.EscapeDataString(virtualHost)}?columns=name,message_stats");
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        return doc.RootElement.EnumerateArray().Where(q => q.GetProperty("name").GetString()!.Contains(part, StringComparison.Ordinal))
            .ToDictionary(q => q.GetProperty("name").GetString()!, q => q.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("publish", out var n)
                ? n.GetInt64() : 0);
    }

    private HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
