using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using MucGov.IntegrationTests.Hardening;
using MucGov.IntegrationTests.Identity;
using MucGov.Shared.Clients;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Hosting;

/// <summary>
/// Two instances of every app as real processes on one PostgreSQL server and one RabbitMQ node, as
/// <c>./mucgov up --replicas 2</c> runs them. Access tokens live one minute and the gateways refresh a session's token on
/// every request, so concurrent requests of one browser session on both gateways race for its refresh; the SLA monitor
/// looks every 200 ms.
/// </summary>
public sealed class ReplicaPlatform : IAsyncLifetime
{
    public ProcessPlatform Platform { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Platform = await ProcessPlatform.StartAsync(bench: true, new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["identity"] = new Dictionary<string, string> { ["Oidc:AccessTokenLifetime"] = "00:01:00" },
        ["gateway"] = new Dictionary<string, string> { ["Bff:RefreshBefore"] = "00:01:00" },
        ["ticket"] = new Dictionary<string, string> { ["Sla:MonitorInterval"] = "00:00:00.200" },
    }, replicas: 2);

    public async ValueTask DisposeAsync() => await Platform.DisposeAsync();
}

/// <summary>
/// Every part proven with two instances: tokens of either identity instance hold everywhere, a browser session works on
/// either gateway and its token is refreshed once at a time across both, a chat's live updates reach the citizen
/// whichever conversation instance holds the stream, escalations are published once and open one case each, the SLA
/// monitors report a breach once, and a <c>kill -9</c> of one instance of each part loses no accepted message.
/// </summary>
[Collection(nameof(ChaosCollection))]
public sealed class ReplicaTests(ReplicaPlatform fixture) : IClassFixture<ReplicaPlatform>
{
    private const string Citizen = "anna.huber";
    private ProcessPlatform Platform => fixture.Platform;

    [Fact]
    public async Task Tokens_from_either_identity_instance_hold_on_every_instance_of_the_services()
    {
        foreach (var identity in Platform.Instances("identity"))
        {
            var token = (await new HeadlessSignIn(identity.Address).SignInAsync(Citizen, Password(Citizen), "openid profile conversation cases", null)).AccessToken;

            Assert.Equal(Platform.Origin.ToString(), new JsonWebToken(token).Issuer);
            foreach (var conversation in Platform.Instances("conversation"))
            {
                using var client = ProcessPlatform.Bearer(conversation.Address, token);
                Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/conversations", null)).StatusCode);
            }

            foreach (var ticket in Platform.Instances("ticket"))
            {
                using var client = ProcessPlatform.Bearer(ticket.Address, token);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/my/cases")).StatusCode);
            }
        }
    }

    [Fact]
    public async Task A_browser_session_works_on_either_gateway_and_its_token_is_refreshed_once_at_a_time_across_both()
    {
        var cookies = new CookieContainer();
        var gateways = Platform.Instances("gateway").Select(g => new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = g.Address,
        }).ToList();
        var login = await gateways[0].GetAsync("/bff/login?returnUrl=%2F");
        var callback = await new OidcFlow(gateways[0]).BrowseAsync(login.Headers.Location!.ToString(), Citizen, Password(Citizen));
        Assert.Equal(HttpStatusCode.Redirect, (await gateways[0].GetAsync(callback)).StatusCode);

        // Every proxied request refreshes the one-minute token: both gateways at once, three rounds. A refresh token used
        // twice would be refused as stolen and end the session, so each request must see the token the one before it got.
        for (var round = 0; round < 3; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => gateways[i % 2].GetAsync("/api/my/cases")));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        }

        foreach (var gateway in gateways)
        {
            var user = await gateway.GetFromJsonAsync<JsonElement>("/bff/user");
            Assert.True(user.GetProperty("authenticated").GetBoolean());
            gateway.Dispose();
        }
    }

    [Fact]
    public async Task A_chats_live_updates_reach_the_citizen_whichever_conversation_instance_holds_the_stream()
    {
        var token = await TokenAsync();
        var (first, second) = (Platform["conversation"], Platform["conversation-2"]);
        using var posting = ProcessPlatform.Bearer(first.Address, token);
        using var streaming = ProcessPlatform.Bearer(second.Address, token);
        var chat = (await (await posting.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/conversations/{chat}/events");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = await streaming.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(deadline.Token));
        var answer = await SayAsync(posting, chat, "Was kostet ein Reisepass?", Guid.NewGuid().ToString());
        var expected = answer.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("seq").GetInt64()).Max();

        var seen = new List<long>();
        while (!seen.Contains(expected))
        {
            var line = await reader.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                seen.Add(long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(seen.Distinct(), seen);
        Assert.Contains(expected - 1, seen);
    }

    [Fact]
    public async Task Escalations_are_published_once_and_open_one_case_each_and_both_sla_monitors_report_a_breach_once()
    {
        var token = await TokenAsync();
        // A caseworker's live queue on each ticket instance: every new case reaches both, whichever instance opened it.
        var staff = Platform.Logins.Single(l => l.Username == "cw.buergerbuero");
        var staffToken = (await new HeadlessSignIn(Platform.Origin).SignInAsync(staff.Username, staff.Password, "openid profile queue", staff.TotpSecret)).AccessToken;
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(55));
        var heard = Platform.Instances("ticket").Select(_ => new System.Collections.Concurrent.ConcurrentDictionary<Guid, byte>()).ToList();
        var listeners = new List<Task>();
        foreach (var (ticket, index) in Platform.Instances("ticket").Select((t, i) => (t, i)))
        {
            var client = ProcessPlatform.Bearer(ticket.Address, staffToken);
            client.Timeout = Timeout.InfiniteTimeSpan;
            var stream = await client.GetAsync("/api/queue/events", HttpCompletionOption.ResponseHeadersRead, watching.Token);
            Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(watching.Token));
            Assert.Equal("retry: 3000", await reader.ReadLineAsync(watching.Token));
            listeners.Add(ListenAsync(client, reader, heard[index], watching.Token));
        }

        var chats = new List<Guid>();
        foreach (var conversation in Enumerable.Repeat(Platform.Instances("conversation").ToList(), 3).SelectMany(c => c))
        {
            using var client = ProcessPlatform.Bearer(conversation.Address, token);
            var chat = (await (await client.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await SayAsync(client, chat, "Ich brauche einen neuen Personalausweis.", Guid.NewGuid().ToString());
            await SayAsync(client, chat, "Ich möchte mit einem Mitarbeiter sprechen.", Guid.NewGuid().ToString());
            var passedOn = await SayAsync(client, chat, "Ja", Guid.NewGuid().ToString(), "consent:yes");
            Assert.Contains("Aktenzeichen", passedOn.GetProperty("messages").EnumerateArray().Last().GetProperty("text").GetString(), StringComparison.Ordinal);
            chats.Add(chat);
        }

        var ids = string.Join(',', chats.Select(c => $"'{c}'"));
        await Eventually.HoldsAsync(async () => await TicketAsync($"SELECT count(DISTINCT conversation_id) FROM cases WHERE conversation_id IN ({ids})") == chats.Count,
            "every escalation has its case", TimeSpan.FromSeconds(60));
        Assert.Equal(chats.Count, await TicketAsync($"SELECT count(*) FROM cases WHERE conversation_id IN ({ids})"));
        var opened = await TicketIdsAsync($"SELECT id FROM cases WHERE conversation_id IN ({ids})");
        await Eventually.HoldsAsync(() => heard.All(h => opened.All(h.ContainsKey)), "both ticket instances' queue streams heard of every new case", TimeSpan.FromSeconds(30));
        await watching.CancelAsync();
        await Task.WhenAll(listeners);
        // The broker's counters are sampled every 5 s: wait until they show every escalation, then for one more sample.
        const string Queue = "ticket-conversation-escalated";
        await Eventually.HoldsAsync(async () => (await Platform.Rabbit.Api.PublishedAsync(ProcessPlatform.VirtualHost, Queue)).GetValueOrDefault(Queue) >= chats.Count,
            "the broker counts every escalation", TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Equal(chats.Count, (await Platform.Rabbit.Api.PublishedAsync(ProcessPlatform.VirtualHost, Queue))[Queue]);

        // Time passes for these cases: both ticket instances' monitors look every 200 ms.
        await TicketAsync($"UPDATE cases SET sla_due_at = now() - interval '1 minute' WHERE conversation_id IN ({ids})");
        await Eventually.HoldsAsync(async () => await TicketAsync(
            $"SELECT count(*) FROM cases WHERE conversation_id IN ({ids}) AND sla_breach_reported_for = sla_due_at") == chats.Count,
            "every breach is reported", TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(chats.Count, await TicketAsync(
            $"SELECT count(*) FROM case_history h JOIN cases c ON c.id = h.case_id WHERE c.conversation_id IN ({ids}) AND h.action = 'sla-breached'"));
    }

    [Fact]
    public async Task Killing_one_instance_of_each_part_during_a_chat_loses_no_accepted_message_and_the_chat_carries_on()
    {
        var token = await TokenAsync();
        var gateways = Platform.Instances("gateway").Select(g => ProcessPlatform.Bearer(g.Address, token)).ToList();
        var chat = (await (await gateways[0].PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var accepted = new List<string>();
        var failures = 0;
        var killed = Apps.All.Select(a => Platform[$"{a}-2"]).ToList();

        for (var turn = 0; turn < 24; turn++)
        {
            if (turn == 6)
            {
                await Task.WhenAll(killed.Select(k => k.KillAsync()));
            }

            // A turn is sent until it is acknowledged, with the same client message id: a load balancer's client moves
            // to the other gateway when one does not answer, and a retried turn must not be stored twice.
            var text = $"Was kostet ein Reisepass? ({turn})";
            var id = Guid.NewGuid().ToString();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await SayAsync(gateways[(turn + attempt) % gateways.Count], chat, text, id);
                    accepted.Add(text);
                    break;
                }
                catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException or InvalidOperationException) && DateTime.UtcNow < deadline)
                {
                    failures++;
                    await Task.Delay(500);
                }
            }
        }

        var json = await Eventually.ValueAsync(async () =>
        {
            try
            {
                return await gateways[0].GetStringAsync($"/api/conversations/{chat}");
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }, "the chat is read", TimeSpan.FromSeconds(60));
        var stored = JsonDocument.Parse(json).RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("author").GetString() == "citizen").Select(m => m.GetProperty("text").GetString()!).ToList();
        Assert.Equal(24, accepted.Count);
        Assert.Equal(accepted, stored);
        TestContext.Current.TestOutputHelper?.WriteLine($"{failures} attempts failed while instances were down; every turn acknowledged once.");
        foreach (var client in gateways)
        {
            client.Dispose();
        }

        // Back to two of each for the other tests of this platform.
        foreach (var instance in killed)
        {
            instance.Start();
        }

        await Task.WhenAll(killed.Select(k => k.WaitReadyAsync()));
    }

    private string Password(string username) => Platform.Logins.Single(l => l.Username == username).Password;

    private async Task<string> TokenAsync() =>
        (await new HeadlessSignIn(Platform.Origin).SignInAsync(Citizen, Password(Citizen), "openid profile conversation cases", null)).AccessToken;

    private Task<long> TicketAsync(string sql) => Platform.Postgres.ScalarAsync(ProcessPlatform.Database("ticket"), sql);

    private async Task<List<Guid>> TicketIdsAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Platform.Postgres.ConnectionString(ProcessPlatform.Database("ticket")));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Notes the cases a queue stream announces as new, until cancelled.</summary>
    private static async Task ListenAsync(HttpClient client, StreamReader reader, System.Collections.Concurrent.ConcurrentDictionary<Guid, byte> heard, CancellationToken ct)
    {
        using (client)
        using (reader)
        {
            try
            {
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    if (line.StartsWith("data: ", StringComparison.Ordinal) && JsonSerializer.Deserialize<JsonElement>(line[6..]) is var data
                        && data.TryGetProperty("change", out var change) && change.GetString() == "new")
                    {
                        heard.TryAdd(data.GetProperty("caseId").GetGuid(), 0);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The test has heard what it waited for.
            }
        }
    }

    private static async Task<JsonElement> SayAsync(HttpClient client, Guid chat, string text, string clientMessageId, string? action = null)
    {
        using var response = await client.PostAsJsonAsync($"/api/conversations/{chat}/messages", new { text, clientMessageId, actionId = action });
        return response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync<JsonElement>()
            : throw new InvalidOperationException($"{(int)response.StatusCode} for \"{text}\": {await response.Content.ReadAsStringAsync()}");
    }
}
