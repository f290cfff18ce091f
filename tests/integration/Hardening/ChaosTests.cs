using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MucGov.Contracts.Conversation;
using MucGov.IntegrationTests.Hosting;
using MucGov.IntegrationTests.Messaging;
using MucGov.Shared.Clients;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Hardening;

/// <summary>The chaos test owns its servers and crashes them: it runs alone, after the other tests.</summary>
[CollectionDefinition(nameof(ChaosCollection), DisableParallelization = true)]
public sealed class ChaosCollection;

/// <summary>
/// The platform as real processes on a PostgreSQL server and a RabbitMQ node of the test's own, under faults, counted
/// the way Jepsen counts: while citizens chat and ask for a person and caseworkers reply, RabbitMQ restarts, PostgreSQL
/// crashes and restarts, the ticket and then the conversation service are killed (<c>SIGKILL</c>) and started again, and
/// the knowledge service stops. Afterwards every escalation the bot acknowledged has exactly one case, every reply a
/// caseworker's request acknowledged reached its chat exactly once, and nothing unacknowledged arrived twice. A message
/// that cannot be processed yet (a citizen's message for a case not opened) goes to its <c>_error</c> queue while the rest
/// flows on, and <c>./mucgov errors replay</c> brings it back once its case exists. The counts are printed.
/// </summary>
[Collection(nameof(ChaosCollection))]
public sealed class ChaosTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly string[] Citizens = ["anna.huber", "emily.clarke", "sepp.brandl"];
    private static readonly string[] Caseworkers = ["cw.buergerbuero", "cw.buergerbuero2"];
    private const string PoisonQueue = "ticket-citizen-message-posted";

    private readonly ConcurrentBag<Guid> acknowledgedEscalations = [];
    /// <summary>Every reply a caseworker sent, by its token: whether the request was acknowledged.</summary>
    private readonly ConcurrentDictionary<string, bool> replies = new();
    private int turnsAnswered;
    private int turnsFailed;
    private int escalationsUnacknowledged;

    [Fact]
    public async Task Acknowledged_escalations_and_replies_arrive_exactly_once_through_restarts_crashes_and_killed_services()
    {
        var watch = Stopwatch.StartNew();
        var ct = TestContext.Current.CancellationToken;
        await using var platform = await ProcessPlatform.StartAsync(bench: true);
        var started = watch.Elapsed;
        var logins = platform.Logins.ToDictionary(l => l.Username);
        var signIn = new HeadlessSignIn(platform.Origin);
        var citizens = await Task.WhenAll(Citizens.Select(c => signIn.SignInAsync(c, logins[c].Password, "openid profile conversation", null, ct)));
        var caseworkers = await Task.WhenAll(Caseworkers.Select(c => signIn.SignInAsync(c, logins[c].Password, "openid profile queue", logins[c].TotpSecret, ct)));
        var log = new List<string>();

        // The stand-in that later publishes a message too early, started before the load.
        var poisonChat = await NewChatAsync(ProcessPlatform.Bearer(platform.Origin, citizens[0].AccessToken), ct);
        using var standIn = await SampleHost.StartAsync(await NewStandInDatabaseAsync(platform), platform.RabbitSettings(), "chaosstandin");
        await using var workers = new Workers();
        workers.Run(stop => citizens.Select(c => CitizenAsync(platform.Origin, c.AccessToken, stop))
            .Concat(caseworkers.Select((c, i) => CaseworkerAsync(platform.Origin, c.AccessToken, i, stop))));
        await ProgressAsync("escalations and replies flow before the faults");

        // A citizen's message for a case not opened yet: retried, then parked in the error queue; the rest flows on.
        var poison = new CitizenMessagePosted(poisonChat, Guid.NewGuid(), Guid.NewGuid(), "Ich habe noch eine Frage zu meinem Antrag.", DateTimeOffset.UtcNow);
        await standIn.Services.GetRequiredService<IPublishEndpoint>().Publish(poison, ct);

        await FaultAsync(log, "RabbitMQ restarted", async () =>
        {
            await platform.Rabbit.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            await platform.Rabbit.StartAsync();
        });
        await FaultAsync(log, "PostgreSQL crashed and restarted", async () =>
        {
            await platform.Postgres.CrashAsync();
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            await platform.Postgres.StartAsync();
        });
        foreach (var service in new[] { "ticket", "conversation" })
        {
            await FaultAsync(log, $"{service} killed (SIGKILL) and started again", async () =>
            {
                await platform[service].KillAsync();
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
                platform[service].Start();
                await platform[service].WaitReadyAsync();
            });
        }

        // Knowledge stopped: the bot says it cannot look it up now, instead of failing the turn.
        await platform["knowledge"].StopAsync();
        using var asker = ProcessPlatform.Bearer(platform.Origin, citizens[1].AccessToken);
        var degraded = await SayAsync(asker, await NewChatAsync(asker, ct), "Was kostet ein Reisepass?", null, ct);
        platform["knowledge"].Start();
        await platform["knowledge"].WaitReadyAsync();
        log.Add("knowledge stopped and started again");
        await ProgressAsync("escalations and replies flow after the faults");
        await workers.StopAsync();

        // The parked message: listed in the error queue; once its case is opened, a replay delivers it once.
        await Eventually.HoldsAsync(async () => await platform.Rabbit.Api.QueueDepthAsync(ProcessPlatform.VirtualHost, PoisonQueue + "_error") == 1,
            "the message that came too early is in the error queue", Patience);
        await standIn.Services.GetRequiredService<IPublishEndpoint>().Publish(new ConversationEscalated(poison.EscalationId, poisonChat,
            null, "personalausweis", "buergerbuero", "de", "asked-for-person"), ct);
        await Eventually.HoldsAsync(async () => await TicketCountAsync(platform, $"SELECT count(*) FROM cases WHERE escalation_id = '{poison.EscalationId}'") == 1,
            "the case of the parked message is opened", Patience);
        var replay = await MucGovCommand.ErrorsAsync("replay", PoisonQueue, platform.Rabbit.Management, ProcessPlatform.VirtualHost, OwnRabbitMq.Login, OwnRabbitMq.Login);
        await Eventually.HoldsAsync(async () => await TicketCountAsync(platform, $"SELECT count(*) FROM case_messages WHERE source_id = '{poison.MessageId}'") >= 1,
            "the replayed message reaches its case", Patience);

        // Everything acknowledged arrives; then count what arrived, once or more.
        await Eventually.HoldsAsync(async () => (await LostEscalationsAsync(platform)).Count == 0, "every acknowledged escalation has its case", Patience);
        await Eventually.HoldsAsync(async () => (await ReplyCountsAsync(platform)).All(r => r.Value >= 1 || !replies[r.Key]),
            "every acknowledged reply is in its chat", Patience);
        var casesPerChat = await platform.Postgres.RowsAsync<Guid, long>(ProcessPlatform.Database("ticket"),
            "SELECT conversation_id, count(*) FROM cases GROUP BY conversation_id");
        var inChats = await ReplyCountsAsync(platform);
        var lostEscalations = (await LostEscalationsAsync(platform)).Count;
        var doubledEscalations = casesPerChat.Count(c => c.Item2 > 1);
        var lostReplies = inChats.Count(r => replies[r.Key] && r.Value == 0);
        var doubledReplies = inChats.Count(r => r.Value > 1);
        // The management API's counts lag a few seconds behind the queue.
        await Eventually.HoldsAsync(async () => await platform.Rabbit.Api.QueueDepthAsync(ProcessPlatform.VirtualHost, PoisonQueue + "_error") == 0,
            "the error queue is empty after the replay", Patience);
        var poisonDeliveries = await TicketCountAsync(platform, $"SELECT count(*) FROM case_messages WHERE source_id = '{poison.MessageId}'");

        var summary = $"chaos: {acknowledgedEscalations.Count} escalations acknowledged ({escalationsUnacknowledged} not), {lostEscalations} lost, " +
            $"{doubledEscalations} doubled; {Replies(true)} replies acknowledged ({Replies(false)} not), {lostReplies} lost, " +
            $"{doubledReplies} doubled; {turnsAnswered} chat turns answered, {turnsFailed} failed during faults; parked message replayed, " +
            $"delivered {poisonDeliveries}×; faults: {string.Join(", ", log)}; platform started in {started.TotalSeconds:0} s, test took {watch.Elapsed.TotalSeconds:0} s";
        await Artifacts.ReportScoreAsync("chaos", summary);

        Assert.Contains("nicht im Verzeichnis", Bot(degraded).GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(replay.ExitCode == 0 && replay.Output.Contains("replayed 1 message(s)", StringComparison.Ordinal), replay.Output);
        Assert.True(acknowledgedEscalations.Count >= 10, summary);
        Assert.True(Replies(true) >= 5, summary);
        Assert.Equal(0, lostEscalations);
        Assert.Equal(0, doubledEscalations);
        Assert.Equal(0, lostReplies);
        Assert.Equal(0, doubledReplies);
        Assert.Equal(1, poisonDeliveries);

        async Task ProgressAsync(string what)
        {
            var (escalations, answers) = (acknowledgedEscalations.Count, Replies(true));
            await Eventually.HoldsAsync(() => acknowledgedEscalations.Count >= escalations + 3 && Replies(true) >= answers + 2, what, Patience);
        }

        async Task FaultAsync(List<string> done, string what, Func<Task> fault)
        {
            var since = watch.Elapsed;
            await fault();
            await ProgressAsync($"escalations and replies flow again after: {what}");
            done.Add($"{what} ({(watch.Elapsed - since).TotalSeconds:0} s to flow again)");
        }
    }

    /// <summary>The citizens and caseworkers at work, stopped at the end or when the test fails.</summary>
    private sealed class Workers : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly List<Task> running = [];

        public void Run(Func<CancellationToken, IEnumerable<Task>> start) => running.AddRange(start(stop.Token));

        public async Task StopAsync()
        {
            await stop.CancelAsync();
            await Task.WhenAll(running);
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            stop.Dispose();
        }
    }

    private int Replies(bool acknowledged) => replies.Count(r => r.Value == acknowledged);

    /// <summary>A citizen's steady stream: a question about a service, then a person asked for and agreed to.</summary>
    private async Task CitizenAsync(Uri origin, string token, CancellationToken stop)
    {
        using var client = ProcessPlatform.Bearer(origin, token);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var chat = await NewChatAsync(client, stop);
                await SayAsync(client, chat, "Ich brauche einen neuen Personalausweis.", null, stop);
                var offer = Bot(await SayAsync(client, chat, "Ich möchte mit einem Mitarbeiter sprechen.", null, stop));
                if (!offer.TryGetProperty("actions", out var actions) || !actions.EnumerateArray().Any(a => a.GetProperty("id").GetString() == "consent:yes"))
                {
                    continue;
                }

                Interlocked.Increment(ref escalationsUnacknowledged);
                var passedOn = Bot(await SayAsync(client, chat, "Ja", "consent:yes", stop));
                if (passedOn.GetProperty("text").GetString()!.Contains("Aktenzeichen", StringComparison.Ordinal))
                {
                    Interlocked.Decrement(ref escalationsUnacknowledged);
                    acknowledgedEscalations.Add(chat);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
            {
                // A fault (a refused connection, a 502 while a service restarts): counted in SayAsync; the citizen tries again.
                await Pause(TimeSpan.FromMilliseconds(500), stop);
            }

            await Pause(TimeSpan.FromMilliseconds(400), stop);
        }
    }

    /// <summary>A caseworker takes the next case of the queue and answers it, as long as there are cases.</summary>
    private async Task CaseworkerAsync(Uri origin, string token, int number, CancellationToken stop)
    {
        using var client = ProcessPlatform.Bearer(origin, token);
        var sent = 0;
        while (!stop.IsCancellationRequested)
        {
            var reply = $"R{number}-{++sent}-{Guid.NewGuid().ToString("N")[..8]}";
            try
            {
                using var next = await client.PostAsync("/api/queue/next", null, stop);
                if (next.StatusCode != HttpStatusCode.OK)
                {
                    await Pause(TimeSpan.FromMilliseconds(300), stop);
                    continue;
                }

                var caseId = (await next.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetGuid();
                replies[reply] = false;
                using var answered = await client.PostAsJsonAsync($"/api/cases/{caseId}/messages", new { text = $"Ihre Anfrage ist bei uns angekommen ({reply})." }, stop);
                replies[reply] = answered.IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
            {
                await Pause(TimeSpan.FromMilliseconds(500), stop);
            }
        }
    }

    private async Task<JsonElement> SayAsync(HttpClient client, Guid chat, string text, string? action, CancellationToken ct)
    {
        try
        {
            var body = new { text, clientMessageId = Guid.NewGuid().ToString(), actionId = action };
            using var response = await client.PostAsJsonAsync($"/api/conversations/{chat}/messages", body, ct);
            var answer = response.IsSuccessStatusCode
                ? await response.Content.ReadFromJsonAsync<JsonElement>(ct)
                : throw new InvalidOperationException($"{(int)response.StatusCode} for \"{text}\"");
            Interlocked.Increment(ref turnsAnswered);
            return answer;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            Interlocked.Increment(ref turnsFailed);
            throw;
        }
    }

    private static JsonElement Bot(JsonElement answer) => answer.GetProperty("messages").EnumerateArray().Last();

    private static async Task<Guid> NewChatAsync(HttpClient client, CancellationToken ct)
    {
        using var created = await client.PostAsync("/api/conversations", null, ct);
        return created.IsSuccessStatusCode
            ? (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid()
            : throw new InvalidOperationException($"{(int)created.StatusCode} for a new chat");
    }

    private static async Task Pause(TimeSpan time, CancellationToken stop)
    {
        try
        {
            await Task.Delay(time, stop);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task<List<Guid>> LostEscalationsAsync(ProcessPlatform platform)
    {
        var withCase = (await platform.Postgres.RowsAsync<Guid, long>(ProcessPlatform.Database("ticket"),
            "SELECT conversation_id, count(*) FROM cases GROUP BY conversation_id")).Select(r => r.Item1).ToHashSet();
        return [.. acknowledgedEscalations.Where(c => !withCase.Contains(c))];
    }

    /// <summary>How often each reply sent (acknowledged or not) is in a chat.</summary>
    private async Task<Dictionary<string, long>> ReplyCountsAsync(ProcessPlatform platform)
    {
        var inChats = await platform.Postgres.RowsAsync<string, long>(ProcessPlatform.Database("conversation"),
            "SELECT substring(text from '\\((R[0-9]+-[0-9]+-[0-9a-f]+)\\)'), count(*) FROM messages " +
            "WHERE source_type = 'CaseMessagePosted' AND text ~ '\\(R[0-9]+-' GROUP BY 1");
        var counts = replies.Keys.ToDictionary(t => t, _ => 0L);
        foreach (var (token, count) in inChats)
        {
            counts[token] = count;
        }

        return counts;
    }

    private static Task<long> TicketCountAsync(ProcessPlatform platform, string sql) => platform.Postgres.ScalarAsync(ProcessPlatform.Database("ticket"), sql);

    private static async Task<string> NewStandInDatabaseAsync(ProcessPlatform platform)
    {
        await platform.Postgres.CreateDatabaseAsync("chaos_stand_in");
        return platform.Postgres.ConnectionString("chaos_stand_in");
    }
}
