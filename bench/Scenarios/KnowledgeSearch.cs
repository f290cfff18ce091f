using System.Net.Http.Json;
using System.Text.Json;

namespace MucGov.Bench.Scenarios;

/// <summary>
/// The question set against <c>GET /api/knowledge/search</c> through the gateway: accuracy (top-1, top-3) over one full
/// pass before timing, then search latency cycling through the questions.
/// </summary>
public sealed class KnowledgeSearch : IScenario, IReportsFigures
{
    internal sealed record Question(string Q, string Lang, string Expected);

    private List<Question> questions = [];
    private int next = -1;

    public string Name => "knowledge-search";
    public string Description => "GET /api/knowledge/search for the question set (accuracy, then latency)";

    public IDictionary<string, double> Figures { get; } = new Dictionary<string, double>();

    public async Task SetUpAsync(BenchContext context, CancellationToken ct)
    {
        questions = await QuestionsAsync(ct);

        int top1 = 0, top3 = 0;
        foreach (var question in questions)
        {
            var hits = await SearchAsync(context, question, ct);
            top1 += hits.Take(1).Contains(question.Expected) ? 1 : 0;
            top3 += hits.Take(3).Contains(question.Expected) ? 1 : 0;
        }

        Figures["questions"] = questions.Count;
        Figures["top1"] = Math.Round((double)top1 / questions.Count, 4);
        Figures["top3"] = Math.Round((double)top3 / questions.Count, 4);
    }

    public async Task RunOnceAsync(BenchContext context, int worker, CancellationToken ct)
    {
        var question = questions[(int)((uint)Interlocked.Increment(ref next) % (uint)questions.Count)];
        await SearchAsync(context, question, ct);
    }

    /// <summary>The question set (<c>tests/data/knowledge-questions.json</c>).</summary>
    internal static async Task<List<Question>> QuestionsAsync(CancellationToken ct)
    {
        var path = Path.Combine(Repository.Root, "tests", "data", "knowledge-questions.json");
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
        return [.. file.RootElement.GetProperty("questions").EnumerateArray().Select(q =>
            new Question(q.GetProperty("q").GetString()!, q.GetProperty("lang").GetString()!, q.GetProperty("expected").GetString()!))];
    }

    internal static async Task<List<string>> SearchAsync(BenchContext context, Question question, CancellationToken ct)
    {
        // The service hits, as the question set's test counts them (life situations and places are hits of their own kinds).
        var url = new Uri(context.Gateway, $"/api/knowledge/search?q={Uri.EscapeDataString(question.Q)}&lang={question.Lang}&take=10");
        var result = await context.Http.GetFromJsonAsync<JsonElement>(url, ct);
        return [.. result.GetProperty("hits").EnumerateArray().Where(h => h.GetProperty("kind").GetString() == "service")
            .Select(h => h.GetProperty("serviceId").GetString()!)];
    }
}
