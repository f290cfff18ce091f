using MucGov.Contracts.Knowledge;
using MucGov.Conversation.Bot;
using Xunit;

namespace MucGov.Conversation.Tests;

/// <summary>A search hit near the conversation (the topic, its related services, the checklist's steps) wins when it is nearly as good.</summary>
public sealed class NearbyTests
{
    private static KnowledgeHit Hit(string id, double confidence, double relative) => new(id, id, "…", "x", confidence, Relative: relative);

    [Fact]
    public void A_nearby_hit_nearly_as_good_as_the_best_is_taken_and_made_confident()
    {
        // While the lost wallet's checklist is walked, "was kostet ein vorläufiger Ausweis?".
        var hits = new List<KnowledgeHit> { Hit("fuehrerschein-verlust", 0.4, 1), Hit("personalausweis", 0.3, 0.8) };

        var ranked = Mingabot.Prefer(hits, ["personalausweis", "fundsache"], out var preferred);

        Assert.Equal("personalausweis", preferred);
        Assert.Equal("personalausweis", ranked[0].ServiceId);
        Assert.True(ranked[0].Confidence >= Mingabot.Confident);
        Assert.True(ranked[1].Relative < Mingabot.Tied, "the others no longer tie with it");
    }

    [Fact]
    public void A_nearby_hit_far_behind_the_best_does_not_win()
    {
        var hits = new List<KnowledgeHit> { Hit("gewerbe-anmelden", 0.7, 1), Hit("personalausweis", 0.1, 0.3) };

        var ranked = Mingabot.Prefer(hits, ["personalausweis"], out var preferred);

        Assert.Null(preferred);
        Assert.Equal("gewerbe-anmelden", ranked[0].ServiceId);
    }

    [Fact]
    public void A_question_without_evidence_stays_unanswered_even_with_a_nearby_hit()
    {
        var hits = new List<KnowledgeHit> { Hit("personalausweis", 0.1, 1) };

        var ranked = Mingabot.Prefer(hits, ["personalausweis"], out var preferred);

        Assert.Null(preferred);
        Assert.Equal(0.1, ranked[0].Confidence);
    }

    [Fact]
    public void For_an_aspect_question_the_topic_itself_comes_first_among_those_near()
    {
        var hits = new List<KnowledgeHit> { Hit("fuehrerschein-ersterteilung", 0.5, 1), Hit("fuehrerschein-umschreiben", 0.4, 0.8) };

        var ranked = Mingabot.Prefer(hits, ["fuehrerschein-ersterteilung", "fuehrerschein-umschreiben"], out var preferred, topic: "fuehrerschein-umschreiben");

        Assert.Equal("fuehrerschein-umschreiben", preferred);
        Assert.Equal("fuehrerschein-umschreiben", ranked[0].ServiceId);
    }
}
