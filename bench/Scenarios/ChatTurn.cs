using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MucGov.Shared.Clients.Dialogues;
using Spectre.Console;

namespace MucGov.Bench.Scenarios;

/// <summary>
/// Chat turns at fixed offered rates, open-loop, through the gateway and straight to the conversation service; then the
/// saturation throughput through the gateway. Each turn is a question or follow-up from the question sets and the
/// dialogue set (every language), said in one of many anonymous chats, each chat walking its own dialogue. Per phase:
/// latency p50/p90/p99/max from each turn's scheduled start, turns served, and the CPU milliseconds per turn of every
/// platform process (read from <c>/proc</c> before and after).
/// </summary>
public sealed class ChatTurn : IRunsItself
{
    /// <summary>The conversation service's own address (<c>apps.json</c>), for the direct phases.</summary>
    private static readonly Uri Direct = new("http://127.0.0.1:5003");

    /// <summary>An anonymous chat of the load and what it says next (its script, over and over).</summary>
    internal sealed class Chat(Guid id, string key, IReadOnlyList<string> script)
    {
        private int next = -1;

        public Guid Id { get; } = id;
        public string Key { get; } = key;

        public string NextSaying() => script[(int)((uint)Interlocked.Increment(ref next) % (uint)script.Count)];
    }

    private readonly HttpClient http = OpenLoop.Client(TimeSpan.FromSeconds(30));

    public string Name => "chat-turn";
    public string Description => "chat turns open-loop at fixed rates (gateway and direct): latency, CPU ms per turn per process; saturation";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, BenchOptions options, ProgressContext progress, CancellationToken ct)
    {
        var scripts = Scripts();
        var distinct = scripts.SelectMany(s => s.Sayings).Distinct(StringComparer.Ordinal).Count();
        var chats = await OpenChatsAsync(http, context.Gateway, scripts, Setting("MUCGOV_BENCH_CHATS", 1000), progress.AddTask($"{Name}: opening chats"), ct);
        var results = new List<BenchResult>();
        foreach (var (path, origin, rates) in new[]
        {
            ("gateway", context.Gateway, Rates("MUCGOV_BENCH_RATES", "50,200,400")),
            ("direct", Direct, Rates("MUCGOV_BENCH_DIRECT_RATES", "50,100")),
        })
        {
            foreach (var rate in rates)
            {
                var task = progress.AddTask($"{Name} {path} {rate}/s", maxValue: options.Duration.TotalSeconds);
                long turn = 0;
                Task Send(long n, CancellationToken token) => SayAsync(http, origin, chats[(int)(Interlocked.Increment(ref turn) % chats.Count)], token);
                await OpenLoop.RunAsync(rate, options.Warmup, Send, null, ct);
                await ProcessCpu.SettleAsync(IdleMsPerSecond, Settling, ct);
                var before = ProcessCpu.Snapshot();
                var outcome = await OpenLoop.RunAsync(rate, options.Duration, Send, task, ct);
                // What the turns left queued is worked off before the CPU is read: it is part of their cost.
                var settled = await ProcessCpu.SettleAsync(IdleMsPerSecond, Settling, ct);
                var cpu = ProcessCpu.Between(before, ProcessCpu.Snapshot());
                var figures = new Dictionary<string, double>
                {
                    ["offeredPerSecond"] = rate, ["servedPerSecond"] = Math.Round(outcome.ServedPerSecond, 1), ["chats"] = chats.Count, ["distinctSayings"] = distinct,
                    ["settlingSeconds"] = Math.Round(settled.TotalSeconds, 1),
                };
                ProcessCpu.AddPerOperation(figures, "Turn", cpu, outcome.Sent);
                results.Add(new BenchResult($"{Name} {path} {rate}/s", Description, DateTimeOffset.UtcNow, 0, outcome.Seconds, outcome.Served, outcome.Errors,
                    outcome.ServedPerSecond, outcome.Percentile(50), outcome.Percentile(90), outcome.Percentile(99), outcome.MaxMs, Environment.ProcessorCount, figures));
            }
        }

        // One turn at a time on an otherwise idle platform: the latency of a single turn, without queueing.
        await ProcessCpu.SettleAsync(IdleMsPerSecond, Settling, ct);
        results.Add(await ClosedLoopAsync($"{Name} single turns (direct, one at a time)", Direct, 1, chats, options, progress, ct));
        await ProcessCpu.SettleAsync(IdleMsPerSecond, Settling, ct);
        var workers = Setting("MUCGOV_BENCH_SATURATION_WORKERS", 16);
        results.Add(await ClosedLoopAsync($"{Name} saturation ({workers} in flight)", context.Gateway, workers, chats, options, progress, ct));
        return results;
    }

    /// <summary>Turns with a fixed number in flight, each sent when one is answered: the runner's closed loop.</summary>
    private async Task<BenchResult> ClosedLoopAsync(
        string name, Uri origin, int workers, List<Chat> chats, BenchOptions options, ProgressContext progress, CancellationToken ct)
    {
        var task = progress.AddTask(name, maxValue: options.Duration.TotalSeconds);
        return await new Runner(new BenchContext(origin, http), options with { Concurrency = workers }).RunAsync(new ClosedLoop(name, Description, http, chats), task, ct);
    }

    /// <summary>One turn in the next chat, for the runner.</summary>
    private sealed class ClosedLoop(string name, string description, HttpClient http, List<Chat> chats) : IScenario, IReportsFigures
    {
        private long turn;

        public string Name { get; } = name;
        public string Description { get; } = description;
        public IDictionary<string, double> Figures { get; } = new Dictionary<string, double> { ["chats"] = chats.Count };

        public Task RunOnceAsync(BenchContext context, int worker, CancellationToken ct) =>
            SayAsync(http, context.Gateway, chats[(int)(Interlocked.Increment(ref turn) % chats.Count)], ct);
    }

    /// <summary>The chat's next saying as one turn; fails unless it is answered. Returns the numbers (seq) of the messages it stored.</summary>
    internal static async Task<IReadOnlyList<long>> SayAsync(HttpClient http, Uri origin, Chat chat, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(origin, $"/api/conversations/{chat.Id}/messages"))
        {
            Content = JsonContent.Create(new { text = chat.NextSaying(), clientMessageId = Guid.NewGuid().ToString() }),
        };
        request.Headers.Add("X-Conversation-Key", chat.Key);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return [.. answer.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("seq").GetInt64())];
    }

    /// <summary>What chats say: each dialogue of the dialogue set (its turns in order, buttons left out) and each question of the question sets.</summary>
    internal static List<(string Language, IReadOnlyList<string> Sayings)> Scripts()
    {
        var data = Path.Combine(Repository.Root, "tests", "data");
        var scripts = DialogueSet.ReadAll(Path.Combine(data, "dialogues"))
            .SelectMany(set => set.Dialogues.Where(d => !d.SignedIn)
                .Select(d => (set.Language, (IReadOnlyList<string>)[.. d.Turns.Where(t => t.ActionId is null).Select(t => t.Say)])))
            .Where(s => s.Item2.Count > 0)
            .ToList();
        var files = Directory.EnumerateFiles(Path.Combine(data, "questions"), "*.json").Append(Path.Combine(data, "knowledge-questions.json"));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            using var set = JsonDocument.Parse(File.ReadAllText(file));
            var fallback = set.RootElement.TryGetProperty("language", out var l) ? l.GetString()! : "de";
            scripts.AddRange(set.RootElement.GetProperty("questions").EnumerateArray().Select(q =>
                (q.TryGetProperty("lang", out var lang) ? lang.GetString()! : fallback, (IReadOnlyList<string>)[q.GetProperty("q").GetString()!])));
        }

        return scripts;
    }

    /// <summary>Opens the chats through the gateway (not timed), each in its script's language.</summary>
    internal static async Task<List<Chat>> OpenChatsAsync(
        HttpClient http, Uri gateway, List<(string Language, IReadOnlyList<string> Sayings)> scripts, int count, ProgressTask task, CancellationToken ct)
    {
        task.MaxValue = count;
        var chats = new Chat[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            var (language, sayings) = scripts[i % scripts.Count];
            using var created = await http.PostAsJsonAsync(new Uri(gateway, "/api/conversations"), new { language }, token);
            created.EnsureSuccessStatusCode();
            var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(token)).RootElement;
            chats[i] = new Chat(body.GetProperty("id").GetGuid(), body.GetProperty("accessKey").GetString()!, sayings);
            task.Increment(1);
        });
        return [.. chats];
    }

    /// <summary>The platform counts as idle below this much CPU a second (a fifth of a core: pollers and timers).</summary>
    internal const double IdleMsPerSecond = 200;

    /// <summary>The longest wait for an overloaded platform to work off its backlog.</summary>
    internal static readonly TimeSpan Settling = TimeSpan.FromSeconds(120);

    internal static List<double> Rates(string variable, string fallback) =>
        [.. (Environment.GetEnvironmentVariable(variable) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => double.Parse(r, CultureInfo.InvariantCulture))];

    internal static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
