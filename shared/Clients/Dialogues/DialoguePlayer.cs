using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MucGov.Shared.Clients.Dialogues;

/// <summary>One turn's result.</summary>
public sealed record TurnResult(string Language, string DialogueId, string Category, int Turn, string Said, BotAnswer Answer, IReadOnlyList<string> Misses)
{
    /// <summary>Every expectation of the turn held.</summary>
    public bool Passed => Misses.Count == 0;
}

/// <summary>The results of a whole run, with the shares the dialogue test and <c>./mucgov bench dialogue</c> report.</summary>
public sealed record DialogueScore(IReadOnlyList<TurnResult> Turns)
{
    /// <summary>Share of all turns that passed.</summary>
    public double Overall => Share(Turns);

    /// <summary>Share of passed turns per category.</summary>
    public IReadOnlyDictionary<string, double> ByCategory =>
        Turns.GroupBy(t => t.Category).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Share([.. g]));

    /// <summary>Share of passed turns per language.</summary>
    public IReadOnlyDictionary<string, double> ByLanguage =>
        Turns.GroupBy(t => t.Language).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Share([.. g]));

    private static double Share(IReadOnlyCollection<TurnResult> turns) => turns.Count == 0 ? 0 : Math.Round((double)turns.Count(t => t.Passed) / turns.Count, 4);

    /// <summary>One line per category and language, for a test's output or the bench's.</summary>
    public string Summary() =>
        $"dialogue set: {Turns.Count(t => t.Passed)}/{Turns.Count} turns ({Overall.ToString("P1", CultureInfo.InvariantCulture)}); " +
        string.Join(", ", ByCategory.Select(c => $"{c.Key} {c.Value.ToString("P0", CultureInfo.InvariantCulture)}")) + "; " +
        string.Join(", ", ByLanguage.Select(c => $"{c.Key} {c.Value.ToString("P0", CultureInfo.InvariantCulture)}"));
}

/// <summary>
/// Plays dialogue sets against the chat API through a gateway, as a citizen would: a fresh chat per dialogue (signed
/// in with <paramref name="citizenToken"/> where the dialogue says so), each turn posted and the bot's answer scored.
/// </summary>
public sealed class DialoguePlayer(HttpClient http, Uri gateway, string? citizenToken)
{
    /// <summary>Plays every dialogue of the sets, one after another.</summary>
    public async Task<DialogueScore> PlayAsync(IEnumerable<DialogueSet> sets, CancellationToken ct = default)
    {
        var results = new List<TurnResult>();
        foreach (var set in sets)
        {
            foreach (var dialogue in set.Dialogues)
            {
                results.AddRange(await PlayAsync(set.Language, dialogue, ct));
            }
        }

        return new DialogueScore(results);
    }

    /// <summary>Plays one dialogue in a fresh chat.</summary>
    public async Task<IReadOnlyList<TurnResult>> PlayAsync(string language, Dialogue dialogue, CancellationToken ct = default)
    {
        var token = dialogue.SignedIn ? citizenToken ?? throw new InvalidOperationException($"{dialogue.Id} needs a signed-in citizen.") : null;
        // The chat starts in the set's language, as the chat page's language picker starts it.
        using var created = await SendAsync(HttpMethod.Post, "/api/conversations", new { language }, token, null, ct);
        created.EnsureSuccessStatusCode();
        var chat = JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct)).RootElement;
        var id = chat.GetProperty("id").GetGuid();
        var key = chat.TryGetProperty("accessKey", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        var answers = new List<BotAnswer>();
        var results = new List<TurnResult>();
        for (var i = 0; i < dialogue.Turns.Count; i++)
        {
            var turn = dialogue.Turns[i];
            using var said = await SendAsync(HttpMethod.Post, $"/api/conversations/{id}/messages",
                new { text = turn.Say, clientMessageId = Guid.NewGuid().ToString(), actionId = turn.ActionId }, token, key, ct);
            var answer = said.IsSuccessStatusCode ? Answer(JsonDocument.Parse(await said.Content.ReadAsStringAsync(ct)).RootElement) : BotAnswer.None;
            results.Add(new TurnResult(language, dialogue.Id, dialogue.Category, i + 1, turn.Say, answer, DialogueScorer.Misses(turn.Expect, answer, answers)));
            answers.Add(answer);
        }

        return results;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? token, string? key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(gateway, path)) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (key is not null)
        {
            request.Headers.Add("X-Conversation-Key", key);
        }

        return await http.SendAsync(request, ct);
    }

    /// <summary>The last bot message of a post's answer.</summary>
    public static BotAnswer Answer(JsonElement newMessages)
    {
        var bot = newMessages.GetProperty("messages").EnumerateArray().LastOrDefault(m => m.GetProperty("author").GetString() == "bot");
        if (bot.ValueKind != JsonValueKind.Object)
        {
            return BotAnswer.None;
        }

        var understood = bot.TryGetProperty("understood", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
        string? Field(string name) => understood.ValueKind == JsonValueKind.Object && understood.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
        return new BotAnswer(
            bot.GetProperty("text").GetString() ?? "",
            bot.GetProperty("language").GetString() ?? "",
            [.. bot.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("id").GetString() ?? "")],
            Field("intent"), Field("topic"), Field("aspect"),
            understood.ValueKind == JsonValueKind.Object && understood.TryGetProperty("step", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null,
            understood.ValueKind == JsonValueKind.Object && understood.TryGetProperty("joke", out var j) && j.ValueKind == JsonValueKind.True);
    }
}
