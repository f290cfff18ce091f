using System.Net.Http.Json;
using System.Text.Json;
using MucGov.Bench.Scale;
using Spectre.Console;

namespace MucGov.Bench.Scenarios;

/// <summary>
/// Latency as the city's data grows. <c>./mucgov bench scale</c> starts knowledge, conversation and ticket a second time
/// on their own fresh databases (<c>mucgov_*_scale</c>) and passes their addresses. Measured first on an almost empty
/// city (the measured citizen's chat and cases, a department's few cases; the sample catalog on the platform's own
/// knowledge service), then after the generated city is copied in (a million chat messages, 100,000 cases over all
/// departments, 5,000 generated services beside the sample's): the transcript fetch, "my cases", the queue, "next
/// case", the queue search and the knowledge search, open-loop at a fixed rate, straight to the services. Then the
/// plans of their statements (<c>EXPLAIN ANALYZE</c>) on the full databases.
/// </summary>
public sealed class Scale : IRunsItself
{
    private const string Department = "buergerbuero";

    private readonly HttpClient http = OpenLoop.Client(TimeSpan.FromSeconds(30));

    public string Name => "scale";
    public string Description => "transcript, my cases, queue, next case and searches on an empty and a city-sized database (./mucgov bench scale only)";

    /// <summary>One measured request: its name and how to send it once.</summary>
    private sealed record Endpoint(string Name, Func<CancellationToken, Task> Send);

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, BenchOptions options, ProgressContext progress, CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable("MUCGOV_SCALE_TICKET") is null)
        {
            AnsiConsole.MarkupLine("[yellow]scale: run it as ./mucgov bench scale, which starts the scale databases and instances.[/]");
            return [];
        }

        var knowledge = Url("MUCGOV_KNOWLEDGE");
        var scaleKnowledge = Url("MUCGOV_SCALE_KNOWLEDGE");
        var conversation = Url("MUCGOV_SCALE_CONVERSATION");
        var ticket = Url("MUCGOV_SCALE_TICKET");
        var seed = new ScaleSeed(Setting("MUCGOV_SCALE_CONVERSATION_DB"), Setting("MUCGOV_SCALE_TICKET_DB"));
        var rate = ChatTurn.Rates("MUCGOV_BENCH_SCALE_RATE", "25")[0];

        // The almost empty city: the citizen's chat (through the service, as she would), her cases and a department's few.
        var citizen = await DemoLogins.TokenAsync(context.Gateway, "anna.huber", "openid conversation cases", ct);
        var caseworker = await DemoLogins.TokenAsync(context.Gateway, "cw.buergerbuero", "openid queue", ct);
        var chat = await ChatAsync(conversation, citizen, ct);
        var citizenId = await seed.CitizenOfChatAsync(chat, ct);
        await seed.CasesAsync(6, 900_001, 50, [Department], citizenId, _ => { }, ct);
        await seed.CasesAsync(30, 900_101, 40, [Department], null, _ => { }, ct);
        var reference = "M-2025-900001";
        var questions = await KnowledgeSearch.QuestionsAsync(ct);

        List<Endpoint> Endpoints(Uri searchService) =>
        [
            new("transcript", t => GetAsync(new Uri(conversation, $"/api/conversations/{chat}"), citizen, t)),
            new("my cases", t => GetAsync(new Uri(ticket, "/api/my/cases"), citizen, t)),
            new("queue", t => GetAsync(new Uri(ticket, "/api/queue"), caseworker, t)),
            new("next case", t => NextAsync(ticket, caseworker, t)),
            new("queue search (reference)", t => GetAsync(new Uri(ticket, $"/api/queue?q={reference}"), caseworker, t)),
            new("queue search (name)", t => GetAsync(new Uri(ticket, "/api/queue?q=Huber"), caseworker, t)),
            new("knowledge search", t => KnowledgeSearch.SearchAsync(new BenchContext(searchService, http), questions[Random.Shared.Next(questions.Count)], t)),
        ];

        var empty = await MeasureAsync("empty", Endpoints(knowledge), rate, options, progress, ct);

        var seeding = progress.AddTask($"{Name}: copying in the city", maxValue: 1);
        var copied = System.Diagnostics.Stopwatch.StartNew();
        var departments = await seed.DepartmentsAsync(ct);
        await seed.ConversationsAsync(p => seeding.Value = p * 0.6, ct);
        await seed.CasesAsync(ScaleSeed.Cases, 1, 85, departments, null, p => seeding.Value = 0.6 + p * 0.4, ct);
        seeding.Value = 1;
        var seconds = copied.Elapsed.TotalSeconds;

        var city = await MeasureAsync("city", Endpoints(scaleKnowledge), rate, options, progress, ct);
        var results = new List<BenchResult>();
        foreach (var (before, after) in empty.Zip(city))
        {
            var limit = Math.Max(2 * before.P99Ms, before.P99Ms + 5);
            var figures = new Dictionary<string, double>
            {
                ["emptyOtherRoundP99Ms"] = before.Figures!["otherRoundP99Ms"], ["cityOtherRoundP99Ms"] = after.Figures!["otherRoundP99Ms"],
                ["emptyP99Ms"] = before.P99Ms, ["cityP99Ms"] = after.P99Ms, ["limitP99Ms"] = Math.Round(limit, 2), ["withinLimit"] = after.P99Ms <= limit ? 1 : 0,
                ["offeredPerSecond"] = rate, ["seedSeconds"] = Math.Round(seconds, 1),
            };
            results.Add(before with { Figures = figures });
            results.Add(after with { Figures = figures });
        }

        await ScalePlans.WriteAsync(seed, Setting("MUCGOV_SCALE_KNOWLEDGE_DB"), chat, citizenId, reference, Path.Combine(options.ResultsDirectory, "scale-plans.md"), ct);
        return results;
    }

    /// <summary>
    /// Every endpoint measured in two rounds, one after the other (a stall of the machine — a vacuum, a timer — falls into
    /// one round of one endpoint, not into both); the round with the lower p99 is the figure, the other's p99 is shown.
    /// </summary>
    private async Task<List<BenchResult>> MeasureAsync(string city, List<Endpoint> endpoints, double rate, BenchOptions options, ProgressContext progress, CancellationToken ct)
    {
        var rounds = new List<BenchResult>[] { [], [] };
        for (var round = 0; round < rounds.Length; round++)
        {
            foreach (var endpoint in endpoints)
            {
                await ProcessCpu.SettleAsync(ChatTurn.IdleMsPerSecond, ChatTurn.Settling, ct);
                await OpenLoop.RunAsync(rate, options.Warmup, (_, t) => endpoint.Send(t), null, ct);
                var task = progress.AddTask($"{Name} {city} round {round + 1}: {endpoint.Name}", maxValue: options.Duration.TotalSeconds);
                var outcome = await OpenLoop.RunAsync(rate, options.Duration, (_, t) => endpoint.Send(t), task, ct);
                rounds[round].Add(new BenchResult($"{Name} {endpoint.Name} ({city})", Description, DateTimeOffset.UtcNow, 0, outcome.Seconds, outcome.Served,
                    outcome.Errors, outcome.ServedPerSecond, outcome.Percentile(50), outcome.Percentile(90), outcome.Percentile(99), outcome.MaxMs,
                    Environment.ProcessorCount, null));
            }
        }

        return [.. rounds[0].Zip(rounds[1], (a, b) => (a.P99Ms <= b.P99Ms ? a : b) with
        {
            Figures = new Dictionary<string, double> { ["otherRoundP99Ms"] = Math.Round(Math.Max(a.P99Ms, b.P99Ms), 2) },
        })];
    }

    /// <summary>The measured citizen's chat on the scale conversation service: a few turns, as she would have them.</summary>
    private async Task<Guid> ChatAsync(Uri conversation, string token, CancellationToken ct)
    {
        using var created = await http.SendAsync(Authorized.Request(HttpMethod.Post, new Uri(conversation, "/api/conversations"), token, new { language = "de" }), ct);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        foreach (var text in new[] { "Ich brauche einen neuen Personalausweis.", "Was kostet der?", "Brauche ich einen Termin?", "Danke!" })
        {
            using var said = await http.SendAsync(Authorized.Request(HttpMethod.Post, new Uri(conversation, $"/api/conversations/{id}/messages"), token,
                new { text, clientMessageId = Guid.NewGuid().ToString() }), ct);
            said.EnsureSuccessStatusCode();
        }

        return id;
    }

    private async Task GetAsync(Uri url, string token, CancellationToken ct)
    {
        using var response = await http.SendAsync(Authorized.Request(HttpMethod.Get, url, token), ct);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync(ct);
    }

    /// <summary>Claims the most urgent case (timed with its answer), then puts it back, so the queue stays as it was.</summary>
    private async Task NextAsync(Uri ticket, string token, CancellationToken ct)
    {
        using var next = await http.SendAsync(Authorized.Request(HttpMethod.Post, new Uri(ticket, "/api/queue/next"), token), ct);
        next.EnsureSuccessStatusCode();
        if (next.StatusCode == System.Net.HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException("No case to take.");
        }

        var id = (await next.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        using var released = await http.SendAsync(Authorized.Request(HttpMethod.Post, new Uri(ticket, $"/api/cases/{id}/release"), token), ct);
        released.EnsureSuccessStatusCode();
    }

    private static Uri Url(string variable) => new(Setting(variable));

    private static string Setting(string variable) =>
        Environment.GetEnvironmentVariable(variable) ?? throw new InvalidOperationException($"{variable} is not set: run ./mucgov bench scale.");
}
