using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.RegularExpressions;
using HdrHistogram;
using Spectre.Console;

namespace MucGov.Bench.Scenarios;

/// <summary>
/// The hand-over to a person, open-loop. A signed-in citizen's chats have the bot's offer of a caseworker open, each
/// chat's event stream open; consents are sent at a fixed rate (<c>MUCGOV_BENCH_ESCALATION_RATE</c>, 20/s). A
/// caseworker has the live queue open, claims each new case as it appears and replies. Measured: consent sent → the
/// case's <c>new</c> on the caseworker's queue stream, and reply sent → the reply on the citizen's chat stream. Once
/// alone, once while chat turns run beside it at a fixed rate (<c>MUCGOV_BENCH_BACKGROUND_RATE</c>, 100/s).
/// </summary>
public sealed partial class Escalation : IRunsItself
{
    private readonly HttpClient http = OpenLoop.Client(TimeSpan.FromSeconds(60));

    public string Name => "escalation";
    public string Description => "consent → case on the queue stream, reply → citizen's chat stream; alone and beside chat turns";

    /// <summary>A chat whose bot has offered a caseworker, with its event stream open.</summary>
    private sealed record OfferedChat(Guid Id, HttpResponseMessage Stream);

    /// <summary>One phase's timings: when each consent and reply was sent and when it was seen, matched by case reference and reply tag.</summary>
    private sealed class Timings
    {
        private readonly object gate = new();

        public ConcurrentDictionary<Guid, long> ConsentSent { get; } = new();
        public ConcurrentDictionary<string, Guid> ChatOfCase { get; } = new();
        public ConcurrentDictionary<string, (Guid CaseId, long At)> InQueue { get; } = new();
        public ConcurrentDictionary<string, long> ReplySent { get; } = new();
        public ConcurrentDictionary<string, byte> Matched { get; } = new();
        public LongHistogram ToQueue { get; } = new(TimeStamp.Minutes(1), 3);
        public LongHistogram ToChat { get; } = new(TimeStamp.Minutes(1), 3);
        public int RepliesFailed;

        public void Record(LongHistogram histogram, long ticks)
        {
            lock (gate)
            {
                histogram.RecordValue(Math.Max(0, ticks));
            }
        }
    }

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, BenchOptions options, ProgressContext progress, CancellationToken ct)
    {
        var rate = ChatTurn.Rates("MUCGOV_BENCH_ESCALATION_RATE", "20")[0];
        var background = ChatTurn.Rates("MUCGOV_BENCH_BACKGROUND_RATE", "100")[0];
        var load = await ChatTurn.OpenChatsAsync(http, context.Gateway, ChatTurn.Scripts(), 200, progress.AddTask($"{Name}: chats for the turns beside"), ct);
        var results = new List<BenchResult>();
        foreach (var beside in new[] { 0, background })
        {
            await ProcessCpu.SettleAsync(ChatTurn.IdleMsPerSecond, ChatTurn.Settling, ct);
            results.AddRange(await PhaseAsync(context, options, progress, rate, beside, load, ct));
        }

        return results;
    }

    private async Task<IEnumerable<BenchResult>> PhaseAsync(
        BenchContext context, BenchOptions options, ProgressContext progress, double rate, double beside, List<ChatTurn.Chat> load, CancellationToken ct)
    {
        // Tokens live ten minutes: each phase signs in afresh.
        var citizen = await DemoLogins.TokenAsync(context.Gateway, "anna.huber", "openid conversation", ct);
        var caseworker = await DemoLogins.TokenAsync(context.Gateway, "cw.buergerbuero", "openid queue", ct);
        var label = beside == 0 ? $"{rate}/s alone" : $"{rate}/s beside {beside} turns/s";
        var timings = new Timings();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var queue = await EventStream.OpenAsync(http, new Uri(context.Gateway, "/api/queue/events"), h => h.Authorization = Authorized.Bearer(caseworker), ct);
        var readers = new List<Task> { EventStream.ReadAsync(queue, item => OnQueueChanged(context, caseworker, timings, item), stop.Token) };
        var chats = await OfferAsync(context, citizen, (int)Math.Ceiling(rate * options.Duration.TotalSeconds), progress.AddTask($"{Name} {label}: offers"), ct);
        readers.AddRange(chats.Select(c => EventStream.ReadAsync(c.Stream, item => OnChatMessage(timings, c.Id, item), stop.Token)));

        var task = progress.AddTask($"{Name} {label}", maxValue: options.Duration.TotalSeconds);
        var before = ProcessCpu.Snapshot();
        var turns = beside > 0
            ? OpenLoop.RunAsync(beside, options.Duration, (n, t) => ChatTurn.SayAsync(http, context.Gateway, load[(int)(n % load.Count)], t), null, ct)
            : null;
        var consents = await OpenLoop.RunAsync(rate, options.Duration, (n, t) => ConsentAsync(context, citizen, chats[(int)n].Id, timings, t), task, ct);
        var besides = turns is null ? null : await turns;
        // What is still under way is waited for (at most half a minute), then counted as lost.
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30) && timings.Matched.Count < timings.ConsentSent.Count + timings.ReplySent.Count)
        {
            await Task.Delay(100, ct);
        }

        // What the escalations left queued (mails, outboxes) is worked off before the CPU is read: it is part of their cost.
        await ProcessCpu.SettleAsync(ChatTurn.IdleMsPerSecond, ChatTurn.Settling, ct);
        var cpu = ProcessCpu.Between(before, ProcessCpu.Snapshot());
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        var figures = new Dictionary<string, double>
        {
            ["offeredPerSecond"] = rate, ["consentsAnswered"] = consents.Served, ["consentsFailed"] = consents.Errors,
            ["casesSeenInQueue"] = timings.ToQueue.TotalCount, ["repliesSent"] = timings.ReplySent.Count, ["repliesFailed"] = timings.RepliesFailed,
            ["repliesSeenInChat"] = timings.ToChat.TotalCount,
        };
        if (besides is null)
        {
            // Alone, the CPU of the phase is the escalations' own: consent, case, queue events, claim, reply and its mail.
            ProcessCpu.AddPerOperation(figures, "Escalation", cpu, consents.Sent);
        }
        else
        {
            figures["turnsOfferedPerSecond"] = beside;
            figures["turnsServedPerSecond"] = Math.Round(besides.ServedPerSecond, 1);
            figures["turnsP99Ms"] = besides.Percentile(99);
        }

        return
        [
            Result($"{Name} consent→queue {label}", timings.ToQueue, consents.Sent - timings.ToQueue.TotalCount, consents.Seconds, figures),
            Result($"{Name} reply→chat {label}", timings.ToChat, timings.ReplySent.Count + timings.RepliesFailed - timings.ToChat.TotalCount, consents.Seconds, figures),
        ];
    }

    private BenchResult Result(string name, LongHistogram histogram, long missing, double seconds, Dictionary<string, double> figures) =>
        new(name, Description, DateTimeOffset.UtcNow, 0, seconds, histogram.TotalCount, missing, histogram.TotalCount / seconds,
            Runner.Percentile(histogram, 50), Runner.Percentile(histogram, 90), Runner.Percentile(histogram, 99), Runner.ToMs(histogram.GetMaxValue()),
            Environment.ProcessorCount, figures);

    /// <summary>Chats in which the citizen asked about an ID card, then for a person, and the bot offered one (not timed); each chat's stream open.</summary>
    private async Task<List<OfferedChat>> OfferAsync(BenchContext context, string citizen, int count, ProgressTask task, CancellationToken ct)
    {
        task.MaxValue = count;
        var chats = new OfferedChat[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            using var created = await http.SendAsync(Post(context, "/api/conversations", citizen, new { language = "de" }), token);
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("id").GetGuid();
            JsonElement answer = default;
            foreach (var text in new[] { "Ich brauche einen neuen Personalausweis.", "Ich möchte mit einem Mitarbeiter sprechen." })
            {
                answer = await SayAsync(context, citizen, id, text, null, token);
            }

            var last = answer.GetProperty("messages").EnumerateArray().Last();
            if (!last.GetProperty("actions").EnumerateArray().Any(a => a.GetProperty("id").GetString() == "consent:yes"))
            {
                throw new InvalidOperationException($"The bot offered no caseworker: {last.GetProperty("text").GetString()}");
            }

            var seen = last.GetProperty("seq").GetInt64().ToString(CultureInfo.InvariantCulture);
            var stream = await EventStream.OpenAsync(http, new Uri(context.Gateway, $"/api/conversations/{id}/events?lastEventId={seen}"),
                h => h.Authorization = Authorized.Bearer(citizen), token);
            chats[i] = new OfferedChat(id, stream);
            task.Increment(1);
        });
        return [.. chats];
    }

    /// <summary>The citizen agrees (timed from here); the case's reference reaches the chat when the case is opened.</summary>
    private async Task ConsentAsync(BenchContext context, string citizen, Guid chat, Timings timings, CancellationToken ct)
    {
        timings.ConsentSent[chat] = Stopwatch.GetTimestamp();
        await SayAsync(context, citizen, chat, "Ja", "consent:yes", ct);
    }

    /// <summary>A new case on the caseworker's stream: timed against its consent, then claimed and answered.</summary>
    private void OnQueueChanged(BenchContext context, string caseworker, Timings timings, SseItem<string> item)
    {
        var now = Stopwatch.GetTimestamp();
        if (item.EventType != "queue-changed")
        {
            return;
        }

        var change = JsonDocument.Parse(item.Data).RootElement;
        if (change.GetProperty("change").GetString() != "new" || change.GetProperty("reference").GetString() is not { } reference)
        {
            return;
        }

        var caseId = change.GetProperty("caseId").GetGuid();
        timings.InQueue[reference] = (caseId, now);
        Match(timings, reference);
        _ = ReplyAsync(context, caseworker, caseId, timings);
    }

    /// <summary>Times a case once its queue event, its chat (by the reference the chat got) and its consent are all known.</summary>
    private static void Match(Timings timings, string reference)
    {
        if (timings.InQueue.TryGetValue(reference, out var seen) && timings.ChatOfCase.TryGetValue(reference, out var chat) &&
            timings.ConsentSent.TryGetValue(chat, out var sent) && timings.Matched.TryAdd("case:" + reference, 0))
        {
            timings.Record(timings.ToQueue, seen.At - sent);
        }
    }

    private async Task ReplyAsync(BenchContext context, string caseworker, Guid caseId, Timings timings)
    {
        try
        {
            using var claimed = await http.SendAsync(Post(context, $"/api/cases/{caseId}/claim", caseworker, null));
            claimed.EnsureSuccessStatusCode();
            var tag = $"B{Guid.NewGuid():N}"[..13];
            timings.ReplySent[tag] = Stopwatch.GetTimestamp();
            using var replied = await http.SendAsync(Post(context, $"/api/cases/{caseId}/messages", caseworker, new { text = $"Ihre Anfrage ist bei uns ({tag})." }));
            replied.EnsureSuccessStatusCode();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref timings.RepliesFailed);
        }
    }

    /// <summary>A message on a citizen's chat stream: the case's reference links chat and case; a caseworker's reply is timed against its sending.</summary>
    private static void OnChatMessage(Timings timings, Guid chat, SseItem<string> item)
    {
        var now = Stopwatch.GetTimestamp();
        if (JsonDocument.Parse(item.Data).RootElement.TryGetProperty("caseReference", out var r) && r.GetString() is { } reference && timings.ChatOfCase.TryAdd(reference, chat))
        {
            Match(timings, reference);
        }

        if (Tag().Match(item.Data) is { Success: true } tag && timings.ReplySent.TryGetValue(tag.Groups[1].Value, out var sent) &&
            timings.Matched.TryAdd("reply:" + tag.Groups[1].Value, 0))
        {
            timings.Record(timings.ToChat, now - sent);
        }
    }

    private async Task<JsonElement> SayAsync(BenchContext context, string citizen, Guid chat, string text, string? action, CancellationToken ct)
    {
        using var response = await http.SendAsync(
            Post(context, $"/api/conversations/{chat}/messages", citizen, new { text, clientMessageId = Guid.NewGuid().ToString(), actionId = action }), ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    private static HttpRequestMessage Post(BenchContext context, string path, string token, object? body) =>
        Authorized.Request(HttpMethod.Post, new Uri(context.Gateway, path), token, body);

    [GeneratedRegex(@"\((B[0-9a-f]{12})\)")]
    private static partial Regex Tag();
}
