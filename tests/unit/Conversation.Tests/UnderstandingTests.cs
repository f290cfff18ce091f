using MucGov.Conversation.Bot;
using Xunit;

namespace MucGov.Conversation.Tests;

/// <summary>What a message says apart from the catalog's words: small talk, walking a checklist, facts, a death, a day.</summary>
public sealed class UnderstandingTests
{
    [Theory]
    [InlineData("Hallo! Wie heißen Sie eigentlich?", Understanding.Intents.Name)]
    [InlineData("Servus! Wia hoaßt'n du?", Understanding.Intents.Name)]
    [InlineData("und wer hat dich gebaut?", Understanding.Intents.Creator)]
    [InlineData("who made you?", Understanding.Intents.Creator)]
    [InlineData("was kannst du so?", Understanding.Intents.Capabilities)]
    [InlineData("erzähl mir einen witz", Understanding.Intents.Joke)]
    [InlineData("Vazähl ma oamoi an Witz!", Understanding.Intents.Joke)]
    [InlineData("du bist echt der nutzloseste bot den ich je gesehen hab", Understanding.Intents.Insult)]
    [InlineData("Du bist doch a Depp, du vastehst eh nix!", Understanding.Intents.Insult)]
    [InlineData("du bist echt hilfreicher als jede hotline 😄", Understanding.Intents.Compliment)]
    [InlineData("you're actually super helpful, nice", Understanding.Intents.Compliment)]
    [InlineData("super, danke!", Understanding.Intents.Thanks)]
    [InlineData("Vergelt's Gott, des hilft ma scho weida.", Understanding.Intents.Thanks)]
    [InlineData("gehst du heuer auch auf die wiesn? 🍻", Understanding.Intents.Banter)]
    [InlineData("mei, is des heiß heut", Understanding.Intents.Banter)]
    [InlineData("does it always rain this much in munich??", Understanding.Intents.Banter)]
    [InlineData("tschau", Understanding.Intents.Goodbye)]
    public void Small_talk_is_recognised(string text, string intent) =>
        Assert.Equal(intent, Understanding.SmallTalk(text.ToLowerInvariant(), DialogueState.Empty));

    [Theory]
    [InlineData("haha. wir wollen beim straßenfest bei uns bier ausschenken, brauchen wir da ne erlaubnis?")]
    [InlineData("Danke. Wos muas i jetz ois erledign?")]
    [InlineData("noch einer!")]
    [InlineData("wo kann ich meinen angelschein verlängern?")]
    public void A_real_request_or_a_wish_without_context_is_not_small_talk(string text) =>
        Assert.Null(Understanding.SmallTalk(text.ToLowerInvariant(), DialogueState.Empty));

    [Fact]
    public void Another_one_is_a_joke_wish_only_after_a_joke()
    {
        var afterJoke = DialogueState.Empty with { JokesTold = [3], LastIntent = Understanding.Intents.Joke };

        Assert.Equal(Understanding.Intents.Joke, Understanding.SmallTalk("haha, noch einer!", afterJoke));
        Assert.Equal(Understanding.Intents.Joke, Understanding.SmallTalk("haha ok another one", afterJoke));
        Assert.Null(Understanding.SmallTalk("haha ok another one", DialogueState.Empty));
    }

    [Theory]
    [InlineData("weiter", true)]
    [InlineData("und dann?", true)]
    [InlineData("ok next", true)]
    [InlineData("next pls", true)]
    [InlineData("weiter mit dem Reisepass bitte, was kostet der", false)]
    public void Next_means_the_next_step(string text, bool next) => Assert.Equal(next, Understanding.WantsNextStep(text.ToLowerInvariant()));

    [Theory]
    [InlineData("schritt 3", 3)]
    [InlineData("Step 2", 2)]
    [InlineData("was kostet ein reisepass", null)]
    public void A_step_is_named_by_its_number(string text, int? step) => Assert.Equal(step, Understanding.StepNumber(text.ToLowerInvariant()));

    [Theory]
    [InlineData("welche von den schritten betreffen uns überhaupt?")]
    [InlineData("which of the other things actually apply to me?")]
    [InlineData("Des is ja a Haufa. Wos davo gilt denn überhaupt für uns?")]
    public void Which_apply_asks_for_the_conditions(string text) => Assert.True(Understanding.AsksWhichApply(text.ToLowerInvariant()));

    [Fact]
    public void Facts_are_read_with_their_negation()
    {
        var facts = Understanding.Facts("we've got a dog, but no car and no kids", ["car", "dog", "children", "second-home"]);

        Assert.True(facts["dog"]);
        Assert.False(facts["car"]);
        Assert.False(facts["children"]);
        Assert.False(facts.ContainsKey("second-home"));
        Assert.True(Understanding.Facts("nee, wir sind nicht verheiratet", ["unmarried"])["unmarried"]);
        Assert.False(Understanding.Facts("wir sind verheiratet", ["unmarried"])["unmarried"]);
        Assert.False(Understanding.Facts("only my id card was in it, licence is at home", ["licence"])["licence"]);
    }

    [Theory]
    [InlineData("Mein Vater ist gestorben.", true)]
    [InlineData("My father died on Sunday.", true)]
    [InlineData("Mei Vadda is gestern in da Nacht gstorbn.", true)]
    [InlineData("Was passiert mit meinem Hund, wenn ich sterbe?", false)]
    [InlineData("Ich brauche eine Vaterschaftsanerkennung", false)]
    public void A_death_is_recognised(string text, bool died) => Assert.Equal(died, Understanding.Bereavement(text.ToLowerInvariant()));

    [Theory]
    [InlineData("hat der am samstag auf?", "2026-12-05")]
    [InlineData("und morgn?", "2026-12-02")]
    [InlineData("opening times on thursday?", "2026-12-03")]
    [InlineData("is it open today", "2026-12-01")]
    [InlineData("wo ist das", null)]
    public void The_day_asked_about_is_the_next_such_day(string text, string? day) =>
        Assert.Equal(day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            Understanding.Day(text.ToLowerInvariant(), new DateOnly(2026, 12, 1)));
}
