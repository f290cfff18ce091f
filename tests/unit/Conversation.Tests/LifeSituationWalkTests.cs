using MucGov.Contracts.Knowledge;
using MucGov.Conversation.Bot;
using Xunit;

namespace MucGov.Conversation.Tests;

/// <summary>A life situation in the chat: the checklist on the wish for it, walking it, and narrowing it to what applies.</summary>
public sealed class LifeSituationWalkTests
{
    private sealed class Catalog : IKnowledge
    {
        public Task<KnowledgeSearchResult?> SearchAsync(string query, string language, CancellationToken ct) =>
            Task.FromResult<KnowledgeSearchResult?>(new KnowledgeSearchResult(query, language,
            [
                new KnowledgeHit("anmeldung", "Wohnsitz anmelden", "…", "buergerbuero", 0.4),
                new KnowledgeHit("moving-to-munich", "Umzug nach München", "…", "", 0.7, HitKinds.LifeSituation),
            ]));

        public Task<LifeSituationDetails?> LifeSituationAsync(string id, string language, CancellationToken ct) =>
            Task.FromResult<LifeSituationDetails?>(new LifeSituationDetails(id, true, "Umzug nach München", "…", false,
            [
                new LifeSituationStepInfo(
                    "anmeldung", "Wohnsitz anmelden", "Innerhalb von zwei Wochen.", new StepDeadlineInfo(2, "weeks", "move-in", "§ 17 Abs. 1 BMG"), null, null),
                new LifeSituationStepInfo("fahrzeug-zulassen", "Fahrzeug zulassen", "Adresse eintragen lassen.", null, "car", "Haben Sie ein Auto?"),
                new LifeSituationStepInfo("hundesteuer", "Hund anmelden", "Bei der Stadtkämmerei.", null, "dog", "Haben Sie einen Hund?"),
            ]));

        public Task<LocationDetails?> LocationAsync(string id, string language, CancellationToken ct, DateTimeOffset? at = null) =>
            Task.FromResult<LocationDetails?>(null);

        public Task<ServiceDetails?> DetailsAsync(string serviceId, string language, CancellationToken ct, DateTimeOffset? at = null) =>
            Task.FromResult<ServiceDetails?>(new ServiceDetails(serviceId, true, serviceId, "…", "buergerbuero", [], ["gebührenfrei"]));
    }

    private static Task<BotTurn> Say(string text, DialogueState state) =>
        new Mingabot(new Catalog(), TimeProvider.System).TurnAsync(text, null, state, signedIn: false, "de", CancellationToken.None);

    [Fact]
    public async Task The_wish_for_everything_to_do_shows_the_checklist_with_deadlines_and_conditional_steps_marked()
    {
        var turn = await Say("Ich ziehe nach München. Was muss ich alles erledigen?", DialogueState.Empty);

        Assert.Equal("life:moving-to-munich", turn.Reply.Understood?.Topic);
        Assert.Equal(Mingabot.Checklist, turn.Reply.Understood?.Aspect);
        Assert.Contains("Frist: 2 Wochen nach dem Einzug (§ 17 Abs. 1 BMG)", turn.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("Fahrzeug zulassen (nur falls zutreffend)", turn.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("moving-to-munich", turn.State.Life?.Id);
    }

    [Fact]
    public async Task Next_and_a_step_number_walk_the_checklist_and_a_follow_up_is_about_the_step_shown()
    {
        var checklist = await Say("Ich ziehe nach München. Was muss ich alles erledigen?", DialogueState.Empty);

        var first = await Say("weiter", checklist.State);
        var third = await Say("Schritt 3", first.State);
        var fees = await Say("was kostet das?", third.State);

        Assert.Equal(1, first.Reply.Understood?.Step);
        Assert.Contains("Innerhalb von zwei Wochen.", first.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(3, third.Reply.Understood?.Step);
        Assert.Contains("Haben Sie einen Hund?", third.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("hundesteuer", fees.Reply.Understood?.Topic);
        Assert.Equal(Aspects.Fees, fees.Reply.Understood?.Aspect);
    }

    [Fact]
    public async Task Asked_what_applies_the_bot_asks_the_conditions_and_the_answer_narrows_the_list()
    {
        var checklist = await Say("Ich ziehe nach München. Was muss ich alles erledigen?", DialogueState.Empty);

        var asked = await Say("was davon gilt für mich?", checklist.State);
        var narrowed = await Say("wir haben einen Hund, aber kein Auto", asked.State);

        Assert.Equal("ask-condition", asked.Reply.Understood?.Intent);
        Assert.Contains("Haben Sie ein Auto?", asked.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("hundesteuer", narrowed.Reply.Understood?.Topic);
        Assert.Contains("Hund anmelden", narrowed.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("Entfällt für Sie: Fahrzeug zulassen", narrowed.Reply.Text, StringComparison.Ordinal);
        Assert.False(narrowed.State.Life!.Facts["car"]);
    }

    [Fact]
    public async Task Next_without_a_checklist_is_not_a_search()
    {
        var turn = await Say("weiter", DialogueState.Empty);

        Assert.Equal("unclear", turn.Reply.Understood?.Intent);
        Assert.Null(turn.State.Topic);
    }
}
