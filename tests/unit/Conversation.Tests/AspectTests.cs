using MucGov.Contracts.Knowledge;
using MucGov.Conversation.Bot;
using Xunit;

namespace MucGov.Conversation.Tests;

/// <summary>Follow-up questions about an aspect of the chat's topic, recognised and answered short.</summary>
public sealed class AspectTests
{
    /// <summary>One service with every fact the aspects need; search finds it for anything.</summary>
    private sealed class Catalog : IKnowledge
    {
        public List<string> Searched { get; } = [];

        public Task<KnowledgeSearchResult?> SearchAsync(string query, string language, CancellationToken ct)
        {
            Searched.Add(query);
            return Task.FromResult<KnowledgeSearchResult?>(new KnowledgeSearchResult(query, language, [new KnowledgeHit("reisepass", "Reisepass", "…", "buergerbuero", 0.9)]));
        }

        public Task<LocationDetails?> LocationAsync(string id, string language, CancellationToken ct, DateTimeOffset? at = null) =>
            Task.FromResult<LocationDetails?>(null);

        public Task<LifeSituationDetails?> LifeSituationAsync(string id, string language, CancellationToken ct) => Task.FromResult<LifeSituationDetails?>(null);

        public Task<ServiceDetails?> DetailsAsync(string serviceId, string language, CancellationToken ct, DateTimeOffset? at = null) =>
            Task.FromResult<ServiceDetails?>(serviceId switch
            {
                "reisepass" => new ServiceDetails("reisepass", true, "Reisepass beantragen", "…", "buergerbuero", ["bisheriger Pass", "Passfoto"], ["70 € (ab 24 Jahren)"],
                    ["Termin buchen"], null,
                    [new LocationStatus("kvr", "KVR Ruppertstraße", "Ruppertstraße 19, 80466 München", false, null, false, "U3/U6 Poccistraße", true)],
                    DepartmentName: "Bürgerbüro", ProcessingTime: "ca. 3–4 Wochen", LegalBasis: "§§ 1, 4, 6 PassG", AppointmentRequired: true,
                    Related: [new RelatedServiceInfo("kinderreisepass", "Ausweisdokumente für Kinder", "for-children")]),
                _ => new ServiceDetails(serviceId, true, "Ausweisdokumente für Kinder", "…", "buergerbuero", ["Geburtsurkunde"], ["13 €"], [], null, []),
            });
    }

    private static readonly DialogueState AboutThePassport = new()
    {
        Topic = new Topic(TopicKinds.Service, "reisepass"), Department = new DepartmentRef("buergerbuero", "Bürgerbüro"),
    };

    private static Mingabot Bot(Catalog catalog) => new(catalog, TimeProvider.System);

    [Theory]
    [InlineData("Und was kostet der?", Aspects.Fees)]
    [InlineData("wos kost des?", Aspects.Fees)]
    [InlineData("Wie lange dauert das?", Aspects.ProcessingTime)]
    [InlineData("Kann ich das online machen?", Aspects.Online)]
    [InlineData("Brauch i do an Termin?", Aspects.Appointment)]
    [InlineData("what do i need to bring?", Aspects.Documents)]
    [InlineData("Wo is des?", Aspects.Where)]
    [InlineData("Hat das heute offen?", Aspects.OpeningHours)]
    [InlineData("Wer ist dafür zuständig?", Aspects.Responsible)]
    [InlineData("Auf welcher Grundlage eigentlich?", Aspects.LegalBasis)]
    [InlineData("und für mein Kind?", Aspects.Related)]
    public void A_follow_up_is_recognised_with_its_aspect(string text, string aspect)
    {
        Assert.Equal(aspect, Aspects.Of(text.ToLowerInvariant()));
        Assert.True(Aspects.IsFollowUp(text.ToLowerInvariant()), text);
    }

    [Theory]
    [InlineData("Was kostet ein Führungszeugnis?")]
    [InlineData("Wie lange dauert die Einbürgerung?")]
    public void A_question_naming_a_new_service_is_no_follow_up(string text) => Assert.False(Aspects.IsFollowUp(text.ToLowerInvariant()));

    [Theory]
    [InlineData("Wo bekomme ich einen Reisepass?")]
    [InlineData("Ich kann meine Miete nicht mehr zahlen")]
    public void A_plain_request_asks_for_no_aspect(string text) => Assert.Null(Aspects.Of(text.ToLowerInvariant()));

    [Fact]
    public async Task A_fee_follow_up_gets_the_fees_of_the_chats_topic_without_a_new_search()
    {
        var catalog = new Catalog();

        var turn = await Bot(catalog).TurnAsync("Und was kostet der?", null, AboutThePassport, signedIn: false, "de", CancellationToken.None);

        Assert.Empty(catalog.Searched);
        Assert.Contains("70 €", turn.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Passfoto", turn.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(("reisepass", Aspects.Fees), (turn.Reply.Understood!.Topic, turn.Reply.Understood.Aspect));
    }

    [Theory]
    [InlineData("Wie lange dauert das?", "3–4 Wochen")]
    [InlineData("Kann ich das online machen?", "persönlich")]
    [InlineData("Brauch ich einen Termin?", "Ja")]
    [InlineData("Wo ist das?", "Poccistraße")]
    [InlineData("Wer ist dafür zuständig?", "Bürgerbüro")]
    [InlineData("Auf welcher Grundlage?", "PassG")]
    public async Task Each_aspect_is_answered_from_the_catalog(string question, string fact)
    {
        var turn = await Bot(new Catalog()).TurnAsync(question, null, AboutThePassport, signedIn: false, "de", CancellationToken.None);

        Assert.Contains(fact, turn.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("reisepass", turn.Reply.Understood!.Topic);
    }

    [Fact]
    public async Task And_for_my_child_answers_the_related_service_for_children()
    {
        var turn = await Bot(new Catalog()).TurnAsync("Und für mein Kind?", null, AboutThePassport, signedIn: false, "de", CancellationToken.None);

        Assert.Equal(("kinderreisepass", Aspects.Related), (turn.Reply.Understood!.Topic, turn.Reply.Understood.Aspect));
        Assert.Equal("kinderreisepass", turn.State.FollowUpService);
    }

    [Fact]
    public async Task A_question_during_a_hand_over_offer_is_answered_and_the_offer_repeated()
    {
        var pending = AboutThePassport with { PendingEscalation = "asked-for-person" };

        var turn = await Bot(new Catalog()).TurnAsync("Wie lange dauert das?", null, pending, signedIn: false, "de", CancellationToken.None);

        Assert.Contains("3–4 Wochen", turn.Reply.Text, StringComparison.Ordinal);
        Assert.Contains(turn.Reply.Actions, a => a.Id == Mingabot.ConsentYes);
        Assert.Equal("asked-for-person", turn.State.PendingEscalation);
    }

    [Fact]
    public async Task A_new_question_with_an_aspect_answers_that_aspect_of_the_service_found()
    {
        var catalog = new Catalog();

        var turn = await Bot(catalog).TurnAsync("Was kostet ein Reisepass?", null, DialogueState.Empty, signedIn: false, "de", CancellationToken.None);

        Assert.Single(catalog.Searched);
        Assert.Equal(("reisepass", Aspects.Fees), (turn.Reply.Understood!.Topic, turn.Reply.Understood.Aspect));
    }
}
