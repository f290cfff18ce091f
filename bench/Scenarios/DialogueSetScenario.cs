using System.Net.Http.Json;
using System.Text.Json;
using MucGov.Shared.Clients.Dialogues;

namespace MucGov.Bench.Scenarios;

/// <summary>
/// The dialogue set (<c>tests/data/dialogues/</c>) played through the gateway, each dialogue in a fresh chat: the share
/// of turns whose answer meets its expectation, overall, per category and per language (the misses are written to
/// <c>bench/results/dialogue-misses.txt</c>); then the latency of one chat turn. <c>MUCGOV_DIALOGUE_LANGUAGES=uk,ru</c>
/// plays only those languages' dialogues.
/// </summary>
public sealed class DialogueSetScenario : IScenario, IReportsFigures
{
    private Guid chat;
    private string? key;

    public string Name => "dialogue";
    public string Description => "the dialogue set through the gateway (share of turns right per category), then one chat turn";

    public IDictionary<string, double> Figures { get; } = new Dictionary<string, double>();

    public async Task SetUpAsync(BenchContext context, CancellationToken ct)
    {
        var token = await DemoLogins.TokenAsync(context.Gateway, "anna.huber", "openid conversation", ct);
        var only = Environment.GetEnvironmentVariable("MUCGOV_DIALOGUE_LANGUAGES")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sets = DialogueSet.ReadAll(Path.Combine(Repository.Root, "tests", "data", "dialogues")).Where(s => only is null || only.Contains(s.Language)).ToList();
        var score = await new DialoguePlayer(context.Http, context.Gateway, token).PlayAsync(sets, ct);
        Figures["turns"] = score.Turns.Count;
        Figures["overall"] = score.Overall;
        foreach (var (name, share) in score.ByCategory.Concat(score.ByLanguage))
        {
            Figures[name] = share;
        }

        Directory.CreateDirectory(Path.Combine(Repository.Root, "bench", "results"));
        await File.WriteAllLinesAsync(Path.Combine(Repository.Root, "bench", "results", "dialogue-misses.txt"),
            [score.Summary(), .. score.Turns.Where(t => !t.Passed).Select(t => $"{t.DialogueId} #{t.Turn} \"{t.Said}\": {string.Join("; ", t.Misses)} — {t.Answer.Text}")], ct);

        using var created = await context.Http.PostAsync(new Uri(context.Gateway, "/api/conversations"), null, ct);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct)).RootElement;
        chat = body.GetProperty("id").GetGuid();
        key = body.GetProperty("accessKey").GetString();
    }

    public async Task RunOnceAsync(BenchContext context, int worker, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(context.Gateway, $"/api/conversations/{chat}/messages"))
        {
            Content = JsonContent.Create(new { text = "Was kostet ein Reisepass?", clientMessageId = Guid.NewGuid().ToString() }),
        };
        request.Headers.Add("X-Conversation-Key", key);
        using var response = await context.Http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}
