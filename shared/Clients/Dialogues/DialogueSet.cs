using System.Text.Json;
using System.Text.Json.Serialization;

namespace MucGov.Shared.Clients.Dialogues;

/// <summary>
/// A dialogue set (<c>tests/data/dialogues/LANG.json</c>, format <c>mucgov-dialogues/1</c>): multi-turn chats with
/// Mingabot, each citizen turn with what the bot's answer must satisfy.
/// </summary>
public sealed record DialogueSet(string Format, string Language, IReadOnlyList<Dialogue> Dialogues)
{
    /// <summary>The format this reader understands.</summary>
    public const string CurrentFormat = "mucgov-dialogues/1";

    /// <summary>JSON as the files are written (camelCase).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    /// <summary>Reads every <c>*.json</c> set of <paramref name="folder"/>, in file name order.</summary>
    public static IReadOnlyList<DialogueSet> ReadAll(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<DialogueSet>(File.ReadAllText(f), Json) ?? throw new InvalidDataException($"{f} is empty."))];
}

/// <summary>One chat: its category (scores are reported per category), whether the citizen is signed in, its turns.</summary>
public sealed record Dialogue(string Id, string Category, IReadOnlyList<DialogueTurn> Turns, bool SignedIn = false);

/// <summary>What the citizen types (or the quick reply they click) and what the answer must satisfy.</summary>
public sealed record DialogueTurn(string Say, TurnExpectation Expect, string? ActionId = null);

/// <summary>The assertions on one answer; every one given must hold (see the set's specification in docs/mingabot.md).</summary>
public sealed record TurnExpectation(
    string? Topic = null,
    string? Aspect = null,
    int? Step = null,
    string? Intent = null,
    IReadOnlyList<string>? Candidates = null,
    bool? Handover = null,
    bool? Joke = null,
    bool? NewJoke = null,
    bool? RepeatsOffer = null,
    IReadOnlyList<string>? Contains = null,
    IReadOnlyList<string>? NotContains = null,
    string? Language = null);

/// <summary>The bot's answer to a turn as the chat API shows it: text, language, quick replies and what it understood.</summary>
public sealed record BotAnswer(
    string Text, string Language, IReadOnlyList<string> ActionIds, string? Intent = null, string? Topic = null, string? Aspect = null, int? Step = null,
    bool Joke = false)
{
    /// <summary>No answer came (the chat is with a department, or the request failed).</summary>
    public static readonly BotAnswer None = new("", "", []);
}

/// <summary>Checks an answer against a turn's expectation.</summary>
public static class DialogueScorer
{
    /// <summary>Quick replies that make an offer the citizen can take up later: a hand-over, or a procedure in the chat.</summary>
    public static readonly IReadOnlyList<string> OfferActions = ["consent:yes", "procedure:start"];

    /// <summary>
    /// What does not hold, as short reasons; empty when the answer passes. <paramref name="earlier"/> are this chat's
    /// earlier answers (for new jokes and repeated offers).
    /// </summary>
    public static IReadOnlyList<string> Misses(TurnExpectation expect, BotAnswer answer, IReadOnlyList<BotAnswer> earlier)
    {
        var misses = new List<string>();
        void Check(bool holds, string reason)
        {
            if (!holds)
            {
                misses.Add(reason);
            }
        }

        if (expect.Topic is { } topic)
        {
            Check(answer.Topic == topic, $"topic {answer.Topic ?? "-"} ≠ {topic}");
        }

        if (expect.Aspect is { } aspect)
        {
            Check(answer.Aspect == aspect, $"aspect {answer.Aspect ?? "-"} ≠ {aspect}");
        }

        if (expect.Step is { } step)
        {
            Check(answer.Step == step, $"step {answer.Step?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} ≠ {step}");
        }

        if (expect.Intent is { } intent)
        {
            Check(answer.Intent == intent, $"intent {answer.Intent ?? "-"} ≠ {intent}");
        }

        if (expect.Candidates is { } candidates)
        {
            var offered = answer.ActionIds.Where(a => a.StartsWith("service:", StringComparison.Ordinal)).Select(a => a["service:".Length..]).ToHashSet();
            Check(offered.SetEquals(candidates), $"candidates [{string.Join(", ", offered)}] ≠ [{string.Join(", ", candidates)}]");
        }

        if (expect.Handover is { } handover)
        {
            Check(answer.ActionIds.Contains("consent:yes") == handover, handover ? "no hand-over offered" : "a hand-over offered");
        }

        if (expect.Joke is { } joke)
        {
            Check(answer.Joke == joke, joke ? "no joke" : "a joke");
        }

        if (expect.NewJoke == true)
        {
            Check(answer.Joke && !earlier.Any(e => e.Joke && e.Text == answer.Text), "the joke was told before");
        }

        if (expect.RepeatsOffer == true)
        {
            var pending = earlier.Count > 0 ? earlier[^1].ActionIds.Intersect(OfferActions).ToList() : [];
            Check(pending.Count > 0 && pending.All(answer.ActionIds.Contains), "the pending offer is not repeated");
        }

        foreach (var text in expect.Contains ?? [])
        {
            Check(Says(answer.Text, text), $"lacks \"{text}\"");
        }

        foreach (var text in expect.NotContains ?? [])
        {
            Check(!answer.Text.Contains(text, StringComparison.OrdinalIgnoreCase), $"says \"{text}\"");
        }

        if (expect.Language is { } language)
        {
            Check(answer.Language == language, $"language {answer.Language} ≠ {language}");
        }

        return misses;
    }

    /// <summary>
    /// Whether the answer says <paramref name="text"/>; an amount in euros counts in either way of writing it ("€55", "55 €"):
    /// the set's authors wrote the sign as their language puts it, the catalog as the city does.
    /// </summary>
    private static bool Says(string answer, string text)
    {
        var amount = text.Trim().Trim('€').Trim();
        if (amount.Length == 0 || !amount.All(c => char.IsDigit(c) || c is ',' or '.') || !text.Contains('€', StringComparison.Ordinal))
        {
            return answer.Contains(text, StringComparison.OrdinalIgnoreCase);
        }

        // The very amount: €55 is not in €550 or 255 €.

        var number = System.Text.RegularExpressions.Regex.Escape(amount);
        return System.Text.RegularExpressions.Regex.IsMatch(answer, $@"(?<![\d.,]){number}\s?€|€\s?{number}(?![\d])");
    }
}
