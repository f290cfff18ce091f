using System.Text.Json;
using MucGov.Shared.Clients.Dialogues;
using MucGov.Testing;
using Xunit;

namespace MucGov.Shared.Tests;

/// <summary>The dialogue set itself (as written before the conversation rewrite) and the scorer that checks answers against it.</summary>
public sealed class DialogueSetTests
{
    private static readonly string[] Categories =
        ["follow-up", "topic-switch", "offer-interrupt", "life-situation", "small-talk", "humour", "sensitive", "robust", "hand-over", "clarify"];

    private static IReadOnlyList<DialogueSet> Sets() => DialogueSet.ReadAll(Path.Combine(Repository.Root, "tests", "data", "dialogues"));

    [Fact]
    public void The_set_has_eighty_dialogues_and_250_turns_in_supported_languages_each_turn_with_an_expectation()
    {
        var sets = Sets();
        var dialogues = sets.SelectMany(s => s.Dialogues).ToList();
        var turns = dialogues.SelectMany(d => d.Turns).ToList();

        // German, English and Bavarian from the start; the languages of the translation work join with sets of their own.
        Assert.Subset(sets.Select(s => s.Language).ToHashSet(), new HashSet<string>(["bar", "de", "en"]));
        Assert.All(sets, s => Assert.True(MucGov.Shared.Languages.SupportedLanguages.IsSupported(s.Language), s.Language));
        Assert.All(sets, s => Assert.Equal(DialogueSet.CurrentFormat, s.Format));
        Assert.True(dialogues.Count >= 80, $"{dialogues.Count} dialogues");
        Assert.True(turns.Count >= 250, $"{turns.Count} turns");
        Assert.Equal(dialogues.Count, dialogues.Select(d => d.Id).Distinct().Count());
        Assert.All(dialogues, d => Assert.Contains(d.Category, Categories));
        Assert.All(sets, s => Assert.Equal(Categories.Order(), s.Dialogues.Select(d => d.Category).Distinct().Order()));
        Assert.All(turns, t => Assert.NotEqual(new TurnExpectation(), t.Expect));
    }

    [Fact]
    public void At_least_30_percent_of_the_turns_share_no_phrase_with_a_catalog_synonym()
    {
        using var catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "services", "Knowledge", "Catalog", "Sample", "catalog.json")));
        var synonyms = catalog.RootElement.GetProperty("services").EnumerateArray()
            .SelectMany(s => s.GetProperty("synonyms").EnumerateObject().SelectMany(l => l.Value.EnumerateArray()).Select(x => x.GetString()!.ToLowerInvariant())).ToList();
        var turns = Sets().SelectMany(s => s.Dialogues).SelectMany(d => d.Turns).ToList();

        var ownWords = turns.Count(t => !synonyms.Any(s => t.Say.Contains(s, StringComparison.OrdinalIgnoreCase)));

        Assert.True(ownWords >= turns.Count * 0.3, $"{ownWords} of {turns.Count} turns in the citizens' own words");
    }

    [Fact]
    public void The_issue_transcript_is_in_the_set_turn_by_turn()
    {
        var transcript = Sets().Single(s => s.Language == "de").Dialogues.Single(d => d.Id == "de-issue-transcript");

        Assert.Equal("Wo bekomme ich einen Reisepass?", transcript.Turns[0].Say);
        Assert.Equal(("life:death", "condolence"), (transcript.Turns[^1].Expect.Topic, transcript.Turns[^1].Expect.Intent));
    }

    private static BotAnswer Answer(string text = "Reisepass: 70 €", string? topic = "reisepass", string? aspect = "fees", bool joke = false, params string[] actions) =>
        new(text, "de", actions, Topic: topic, Aspect: aspect, Joke: joke);

    [Fact]
    public void A_matching_answer_passes_and_each_wrong_part_is_named()
    {
        var expect = new TurnExpectation(Topic: "reisepass", Aspect: "fees", Handover: false, Contains: ["70"], NotContains: ["Vaterschaft"]);

        Assert.Empty(DialogueScorer.Misses(expect, Answer(), []));
        Assert.Equal(["topic kinderreisepass ≠ reisepass", "aspect overview ≠ fees", "a hand-over offered", "lacks \"70\""],
            DialogueScorer.Misses(expect, Answer("Kinderpass", "kinderreisepass", "overview", false, "consent:yes", "consent:no"), []));
    }

    [Fact]
    public void A_repeated_offer_needs_the_previous_answers_offer_again_and_a_new_joke_a_new_text()
    {
        var offer = Answer(actions: ["procedure:start", "procedure:no"]);
        var repeated = new TurnExpectation(RepeatsOffer: true);
        var joke = Answer("Was ist ein Münchner ohne Brezn? Ein Semmelknödel.", null, null, true);

        Assert.Empty(DialogueScorer.Misses(repeated, Answer(actions: ["procedure:start", "procedure:no"]), [offer]));
        Assert.NotEmpty(DialogueScorer.Misses(repeated, Answer(), [offer]));
        Assert.NotEmpty(DialogueScorer.Misses(repeated, Answer(actions: ["procedure:start"]), [Answer()]));
        Assert.Empty(DialogueScorer.Misses(new TurnExpectation(NewJoke: true), joke, [Answer()]));
        Assert.NotEmpty(DialogueScorer.Misses(new TurnExpectation(NewJoke: true), joke, [joke]));
    }

    [Fact]
    public void Candidates_are_the_services_offered_as_quick_replies()
    {
        var expect = new TurnExpectation(Intent: "clarify", Candidates: ["bewohnerparkausweis", "schwerbehindertenparkausweis"]);
        var asked = new BotAnswer("Meinen Sie eines davon?", "de", ["service:schwerbehindertenparkausweis", "service:bewohnerparkausweis"], Intent: "clarify");

        Assert.Empty(DialogueScorer.Misses(expect, asked, []));
        Assert.NotEmpty(DialogueScorer.Misses(expect, asked with { ActionIds = ["service:bewohnerparkausweis"] }, []));
    }

    [Theory]
    [InlineData("€55", "Die Gebühr: 55 €.", true)]
    [InlineData("€55", "الرسوم: 55 € لكل شخص", true)]
    [InlineData("55 €", "Fee: €55 per person", true)]
    [InlineData("€55", "الرسوم: 255 € لكل شخص", false)]
    [InlineData("€55", "Fee: €550", false)]
    [InlineData("€55", "55 minutes", false)]
    public void An_amount_in_euros_is_found_whichever_side_the_sign_is_written_on(string expected, string text, bool found) =>
        Assert.Equal(found, DialogueScorer.Misses(new TurnExpectation(Contains: [expected]), new BotAnswer(text, "de", []), []).Count == 0);
}
