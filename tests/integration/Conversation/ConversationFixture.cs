using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MucGov.IntegrationTests.Hosting;
using MucGov.IntegrationTests.Identity;
using MucGov.Testing;

namespace MucGov.IntegrationTests.Conversation;

/// <summary>Conversation, knowledge (over RabbitMQ) and identity (real sockets, for citizens' tokens) on one virtual host.</summary>
public class ConversationFixture : Isolated
{
    public RunningApp Identity { get; private set; } = null!;
    public RunningApp Knowledge { get; private set; } = null!;
    public RunningApp App { get; private set; } = null!;
    public string VirtualHost { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var vhost = VirtualHost = await NewVirtualHostAsync("conversation");
        Identity = await Apps.StartFreshAsync(this, "identity", vhost, kestrel: true);
        Knowledge = await Apps.StartFreshAsync(this, "knowledge", vhost);
        var settings = new Dictionary<string, string?>
        {
            ["Auth:MetadataAddress"] = Apps.MetadataOf(Identity),
            ["Chat:MessagesPerMinute"] = MessagesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chat:HeartbeatInterval"] = "00:00:01",
        };
        foreach (var (setting, value) in Limits)
        {
            settings[setting] = value;
        }

        App = await Apps.StartFreshAsync(this, "conversation", vhost, extra: settings);
    }

    /// <summary>Low, so the limit itself can be tested; a fixture for long dialogues raises it.</summary>
    protected virtual int MessagesPerMinute => 5;

    /// <summary>Other limits than the defaults, for the fixture that tests them.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Limits => new Dictionary<string, string?>();

    public HttpClient Client(string? token = null, string? key = null)
    {
        var client = App.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Conversation-Key", key);
        }

        return client;
    }

    public Task<string> CitizenTokenAsync(string username, string scope = "openid profile conversation") =>
        IdentityFixture.AccessTokenAsync(Identity, username, scope);

    /// <summary>Starts an anonymous chat; returns its id and a client carrying its key.</summary>
    public async Task<(Guid Id, HttpClient Client, JsonElement Created)> AnonymousChatAsync()
    {
        using var anonymous = Client();
        var created = await (await anonymous.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetGuid(), Client(key: created.GetProperty("accessKey").GetString()), created);
    }

    public static async Task<JsonElement> SayAsync(HttpClient client, Guid chat, string text, string? clientMessageId = null, string? actionId = null)
    {
        var response = await client.PostAsJsonAsync($"/api/conversations/{chat}/messages", new { text, clientMessageId = clientMessageId ?? Guid.NewGuid().ToString(), actionId });
        var body = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    public static JsonElement BotReply(JsonElement answer) => answer.GetProperty("messages").EnumerateArray().Last();

    public override async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Knowledge.DisposeAsync();
        await Identity.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>The same services for long dialogues (a procedure takes a dozen messages).</summary>
public sealed class DialogueFixture : ConversationFixture
{
    protected override int MessagesPerMinute => 100;
}

/// <summary>The same services with low abuse limits, so each limit can be reached in a test.</summary>
public sealed class LimitsFixture : ConversationFixture
{
    protected override IReadOnlyDictionary<string, string?> Limits => new Dictionary<string, string?>
    {
        ["Chat:AnonymousChatBurst"] = "3",
        ["Chat:AnonymousChatsPerSecond"] = "1",
        ["Chat:StreamsPerChat"] = "2",
        ["Chat:StreamsPerAddress"] = "3",
    };
}
