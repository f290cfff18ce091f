using MucGov.Contracts.Knowledge;
using MucGov.Conversation.Bot;
using Xunit;

namespace MucGov.Conversation.Tests;

/// <summary>Small talk gets its own answer and never a hand-over offer or a catalog search.</summary>
public sealed class SmallTalkTests
{
    private sealed class Catalog : IKnowledge
    {
        public int Searches { get; private set; }

        public Task<KnowledgeSearchResult?> SearchAsync(string query, string language, CancellationToken ct)
        {
            Searches++;
            return Task.FromResult<KnowledgeSearchResult?>(new KnowledgeSearchResult(query, language, []));
        }

        public Task<LocationDetails?> LocationAsync(string id, string language, CancellationToken ct, DateTimeOffset? at = null) =>
            Task.FromResult<LocationDetails?>(null);

        public Task<LifeSituationDetails?> LifeSituationAsync(string id, string language, CancellationToken ct) => Task.FromResult<LifeSituationDetails?>(null);

        public Task<ServiceDetails?> DetailsAsync(string serviceId, string language, CancellationToken ct, DateTimeOffset? at = null) => Task.FromResult<ServiceDetails?>(null);
    }

    [Theory]
    [InlineData("Bist du ein Mensch?", "smalltalk:human", "Programm")]
    [InlineData("are you a real person or a bot?", "smalltalk:human", "program")]
    [InlineData("Bist'n du a Roboter?", "smalltalk:human", "Programm")]
    [InlineData("Wie geht's dir?", "smalltalk:how-are-you", "Danke der Nachfrage")]
    [InlineData("how are you today?", "smalltalk:how-are-you", "Thanks for asking")]
    [InlineData("tschüss", "smalltalk:goodbye", "Auf Wiedersehen")]
    [InlineData("Pfiat di!", "smalltalk:goodbye", "Pfiat di")]
    public async Task Small_talk_is_answered_without_a_hand_over_or_a_search(string text, string intent, string expected)
    {
        var catalog = new Catalog();

        var turn = await new Mingabot(catalog, TimeProvider.System).TurnAsync(text, null, DialogueState.Empty, signedIn: true, "de", CancellationToken.None);

        Assert.Equal(intent, turn.Reply.Understood?.Intent);
        Assert.Contains(expected, turn.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(turn.Reply.Actions, a => a.Id == Mingabot.ConsentYes);
        Assert.Null(turn.State.PendingEscalation);
        Assert.Equal(0, catalog.Searches);
    }

    [Theory]
    [InlineData("Ich möchte mit einem Menschen sprechen")]
    [InlineData("I want to talk to a real person")]
    public async Task Asking_for_a_person_still_gets_the_offer(string text)
    {
        var turn = await new Mingabot(new Catalog(), TimeProvider.System).TurnAsync(text, null, DialogueState.Empty, signedIn: true, "de", CancellationToken.None);

        Assert.Contains(turn.Reply.Actions, a => a.Id == Mingabot.ConsentYes);
    }
}
