using Spectre.Console;

namespace MucGov.Bench.Scenarios;

/// <summary>
/// The question set's searches through the gateway, open-loop at fixed rates (<c>MUCGOV_BENCH_SEARCH_RATES</c>, 200/s):
/// latency from each request's due time, so queueing shows.
/// </summary>
public sealed class KnowledgeSearchRate : IRunsItself
{
    private readonly HttpClient http = OpenLoop.Client(TimeSpan.FromSeconds(30));

    public string Name => "knowledge-search-rate";
    public string Description => "GET /api/knowledge/search for the question set, open-loop at fixed rates through the gateway";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, BenchOptions options, ProgressContext progress, CancellationToken ct)
    {
        var questions = await KnowledgeSearch.QuestionsAsync(ct);
        var own = new BenchContext(context.Gateway, http);
        var results = new List<BenchResult>();
        foreach (var rate in ChatTurn.Rates("MUCGOV_BENCH_SEARCH_RATES", "200"))
        {
            Task Search(long n, CancellationToken token) => KnowledgeSearch.SearchAsync(own, questions[(int)(n % questions.Count)], token);
            await ProcessCpu.SettleAsync(ChatTurn.IdleMsPerSecond, ChatTurn.Settling, ct);
            await OpenLoop.RunAsync(rate, options.Warmup, Search, null, ct);
            var outcome = await OpenLoop.RunAsync(rate, options.Duration, Search, progress.AddTask($"{Name} {rate}/s", maxValue: options.Duration.TotalSeconds), ct);
            results.Add(new BenchResult($"{Name} {rate}/s", Description, DateTimeOffset.UtcNow, 0, outcome.Seconds, outcome.Served, outcome.Errors,
                outcome.ServedPerSecond, outcome.Percentile(50), outcome.Percentile(90), outcome.Percentile(99), outcome.MaxMs, Environment.ProcessorCount,
                new Dictionary<string, double> { ["offeredPerSecond"] = rate, ["questions"] = questions.Count }));
        }

        return results;
    }
}
