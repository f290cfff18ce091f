using MucGov.Conversation.Bot;
using Xunit;

namespace MucGov.Conversation.Tests;

/// <summary>How a message relates to the conversation: a new topic announced, a letter not understood, a condition, a deadline.</summary>
public sealed class ConversationTurnsTests
{
    [Theory]
    [InlineData("Andere Frog: Gewerbeanmeldng, wos kost de?", "gewerbeanmeldng, wos kost de?")]
    [InlineData("ganz andere sache: unsere miete können wir kaum noch zahlen", "unsere miete können wir kaum noch zahlen")]
    [InlineData("ok different thing. we move to Sendling next month", "we move to sendling next month")]
    [InlineData("Wos ganz anders: mia ham an Passat kafft", "mia ham an passat kafft")]
    public void A_new_topic_announced_is_recognised_and_left_out_of_the_question(string text, string rest)
    {
        var lower = text.ToLowerInvariant();

        Assert.True(Understanding.SwitchesTopic(lower));
        Assert.Equal(rest, Understanding.WithoutSwitch(lower));
    }

    [Theory]
    [InlineData("und was kostet der?")]
    [InlineData("eine andere wohnung in pasing, was muss ich tun?")]
    public void An_ordinary_message_announces_no_new_topic(string text) => Assert.False(Understanding.SwitchesTopic(text.ToLowerInvariant()));

    [Theory]
    [InlineData("ich hab einen brief vom amt bekommen und verstehe nicht was die von mir wollen", true)]
    [InlineData("I got a letter from the city with an Aktenzeichen and I don't get what they want from me", true)]
    [InlineData("bis wann muss der brief spätestens da sein?", false)]
    public void A_letter_not_understood_is_recognised(string text, bool expected) =>
        Assert.Equal(expected, Understanding.UnclearLetter(text.ToLowerInvariant()));

    [Theory]
    [InlineData("ihr papa kann nicht mitkommen, geht das trotzdem?")]
    [InlineData("was passiert wenn die abläuft bevor ich dran bin?")]
    [InlineData("what if I'm abroad then?")]
    public void A_condition_on_the_topic_is_recognised(string text) => Assert.True(Aspects.IsCondition(text.ToLowerInvariant()));

    [Theory]
    [InlineData("is there a deadline for it?", Aspects.Deadline)]
    [InlineData("und wie lange darf ich mit meinem alten noch fahren?", Aspects.Deadline)]
    [InlineData("wie lang muss ich auf nen termin warten", Aspects.ProcessingTime)]
    [InlineData("wir fliegen in 10 tagen, gibts was schnelleres?", Aspects.ProcessingTime)]
    [InlineData("Ko i den glei do im Chat anmeldn?", Aspects.Online)]
    [InlineData("brauch ich da nen termin", Aspects.Appointment)]
    [InlineData("was muss ich da vorlegen?", Aspects.Documents)]
    [InlineData("gibts das bürgerbüro auch in pasing?", Aspects.Where)]
    [InlineData("awm telefonnummer??", Aspects.Responsible)]
    public void The_aspect_asked_is_recognised(string text, string aspect) => Assert.Equal(aspect, Aspects.Of(text.ToLowerInvariant()));

    [Fact]
    public void Mentioning_an_appointment_is_no_question_whether_one_is_needed() =>
        Assert.NotEqual(Aspects.Appointment, Aspects.Of("my aufenthaltstitel runs out in 10 days and i can't get any appointment"));

    [Theory]
    [InlineData("how much is the dog tax here?")]
    [InlineData("wo ist das kvr")]
    public void Three_letter_words_name_something(string text) => Assert.False(Aspects.IsFollowUp(text.ToLowerInvariant()));

    [Theory]
    [InlineData(Aspects.Fees, "what does the pickup cost?", "pickup")]
    [InlineData(Aspects.Fees, "was kostet das?", "was kostet das?")]
    [InlineData(Aspects.Online, "ko i do vorher scho per post wähln?", "per post")]
    public void A_question_is_searched_without_its_aspect_words(string aspect, string text, string kept) =>
        Assert.Contains(kept, Aspects.Without(aspect, text));

    [Theory]
    [InlineData("ich brauch einen parkausweis", true)]
    [InlineData("I brauch an Parkausweis.", true)]
    [InlineData("Wo bekomme ich einen Reisepass?", false)]
    [InlineData("bana bir oturma izni lazım", true)]
    [InlineData("мені потрібен паспорт", true)]
    [InlineData("мне нужна справка", true)]
    [InlineData("pasaportu nereden alırım?", false)]
    public void A_bare_statement_of_need_is_told_from_a_question(string text, bool expected) =>
        Assert.Equal(expected, Understanding.StatesNeed(text.ToLowerInvariant()));

    [Theory]
    [InlineData("до котрої вони працюють у середу?", Understanding.ClosingHour)]
    [InlineData("bis wann hat das KVR am Freitag offen?", Understanding.ClosingHour)]
    [InlineData("hat das KVR am Freitag nachmittags offen?", 15)]
    [InlineData("hat das KVR am Freitag offen?", 10)]
    public void Until_when_asks_about_the_days_last_closing_time(string text, int hour) =>
        Assert.Equal(hour, Understanding.Hour(text.ToLowerInvariant()));

    [Theory]
    [InlineData("як записати доньку до школи?", Aspects.Appointment)]
    [InlineData("нам тяжело платить за квартиру, что делать?", Aspects.Fees)]
    [InlineData("عايز حد ياخد الكنبة من البيت", Aspects.Online)]
    public void Words_that_only_look_like_an_aspect_ask_no_aspect(string text, string aspect) =>
        Assert.NotEqual(aspect, Aspects.Of(text.ToLowerInvariant()));

    [Theory]
    [InlineData("في مدخل للكرسي المتحرك؟", Aspects.Where)]
    [InlineData("а там є пандус? я з дитячим візочком", Aspects.Where)]
    [InlineData("ne kadar süre içinde yapmam gerekiyor?", Aspects.ProcessingTime)]
    public void Accessibility_and_time_questions_stay_with_the_chats_topic(string text, string aspect)
    {
        var lower = text.ToLowerInvariant();
        Assert.Equal(aspect, Aspects.Of(lower));
        Assert.True(Aspects.IsFollowUp(lower));
    }
}
