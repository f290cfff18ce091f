using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace MucGov.IntegrationTests.Conversation;

public sealed class StreamTests(ConversationFixture conversation) : IClassFixture<ConversationFixture>
{
    /// <summary>Reads the stream until <paramref name="until"/> holds for the events so far (or the deadline passes).</summary>
    private static async Task<(List<long> Ids, List<string> Comments)> ReadAsync(HttpClient client, Guid chat, long? lastEventId, Func<List<long>, List<string>, bool> until,
        Func<Task>? whileOpen = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/conversations/{chat}/events");
        if (lastEventId is { } last)
        {
            request.Headers.Add("Last-Event-ID", last.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));
        var ids = new List<long>();
        var comments = new List<string>();
        var started = whileOpen?.Invoke();
        while (!until(ids, comments))
        {
            var line = await reader.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                ids.Add(long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var message = JsonSerializer.Deserialize<JsonElement>(line[6..]);
                Assert.Equal(ids[^1], message.GetProperty("seq").GetInt64());
            }
            else if (line.StartsWith(':'))
            {
                comments.Add(line);
            }
        }

        if (started is not null)
        {
            await started;
        }

        return (ids, comments);
    }

    [Fact]
    public async Task Stream_resumes_after_last_event_id_with_no_gap_and_no_duplicate()
    {
        var (id, client, _) = await conversation.AnonymousChatAsync();
        await ConversationFixture.SayAsync(client, id, "Danke");

        var first = await ReadAsync(client, id, lastEventId: 1, until: (ids, _) => ids.Contains(3));
        await ConversationFixture.SayAsync(client, id, "Danke schön");
        var resumed = await ReadAsync(client, id, lastEventId: first.Ids[^1], until: (ids, _) => ids.Contains(5));

        Assert.Equal([2L, 3L], first.Ids);
        Assert.Equal([4L, 5L], resumed.Ids);
    }

    [Fact]
    public async Task Messages_written_while_connected_arrive_live()
    {
        var (id, client, _) = await conversation.AnonymousChatAsync();

        var live = await ReadAsync(client, id, lastEventId: null, until: (ids, _) => ids.Contains(3),
            whileOpen: async () =>
            {
                await Task.Yield();
                await ConversationFixture.SayAsync(client, id, "Danke");
            });

        Assert.Equal([1L, 2L, 3L], live.Ids);
    }

    [Fact]
    public async Task An_idle_stream_gets_heartbeats()
    {
        var (id, client, _) = await conversation.AnonymousChatAsync();

        var idle = await ReadAsync(client, id, lastEventId: 1, until: (_, comments) => comments.Count >= 2);

        Assert.All(idle.Comments, c => Assert.Equal(": heartbeat", c));
        Assert.Empty(idle.Ids);
    }

    [Fact]
    public async Task Another_citizens_stream_is_404()
    {
        var (id, _, _) = await conversation.AnonymousChatAsync();
        using var stranger = conversation.Client(key: "wrong");

        var response = await stranger.GetAsync($"/api/conversations/{id}/events");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>Two replicas of the conversation service on one database and virtual host.</summary>
public sealed class ReplicaTests(MucGov.Testing.Isolated isolated) : IClassFixture<MucGov.Testing.Isolated>
{
    [Fact]
    public async Task A_stream_on_one_replica_sees_messages_written_on_another()
    {
        var database = await isolated.NewDatabaseAsync("conversation");
        var vhost = await isolated.NewVirtualHostAsync("replicas");
        var settings = Hosting.Apps.Settings(isolated, "conversation", database, vhost);
        settings["Bot:KnowledgeTimeout"] = "00:00:01";
        // No heartbeat within the test's deadline: only the fan-out can wake the stream.
        settings["Chat:HeartbeatInterval"] = "00:01:40";
        await using var first = Hosting.Apps.Start("conversation", settings);
        await using var second = Hosting.Apps.Start("conversation", settings);
        using var creator = first.CreateClient();
        var created = await (await creator.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var key = created.GetProperty("accessKey").GetString()!;
        using var onFirst = first.CreateClient();
        onFirst.DefaultRequestHeaders.Add("X-Conversation-Key", key);
        using var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Add("X-Conversation-Key", key);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/conversations/{id}/events");
        request.Headers.Add("Last-Event-ID", "1");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = await onFirst.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(deadline.Token));
        await ConversationFixture.SayAsync(onSecond, id, "Danke");

        var ids = new List<long>();
        while (!ids.Contains(3))
        {
            var line = await reader.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                ids.Add(long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal([2L, 3L], ids);
    }
}
