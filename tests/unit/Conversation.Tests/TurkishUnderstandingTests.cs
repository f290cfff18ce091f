using MucGov.Conversation.Bot;
using Xunit;

namespace MucGov.Conversation.Tests;

/// <summary>
/// The Turkish words of aspects, follow-ups, checklists and small talk, with and without Turkish letters — and German
/// words that look like them ("oder", "machen") left alone.
/// </summary>
public sealed class TurkishUnderstandingTests
{
    [Theory]
    [InlineData("ücreti ne kadar?", Aspects.Fees)]
    [InlineData("ucreti ne kadar", Aspects.Fees)]
    [InlineData("genelde ne kadar sürüyor?", Aspects.ProcessingTime)]
    [InlineData("yanımda neler götürmem lazım?", Aspects.Documents)]
    [InlineData("randevu almam gerekiyor mu?", Aspects.Appointment)]
    [InlineData("yarın açıklar mı?", Aspects.OpeningHours)]
    [InlineData("bu hangi kanuna göre?", Aspects.LegalBasis)]
    [InlineData("nereye gitmem gerekiyor?", Aspects.Where)]
    public void A_turkish_question_about_an_aspect_is_recognised_and_is_a_follow_up(string message, string aspect)
    {
        Assert.Equal(aspect, Aspects.Of(message));
        Assert.True(Aspects.IsFollowUp(message), message);
    }

    [Theory]
    [InlineData("Pasaport mu yoksa kimlik kartı mı, hangisi?")]
    [InlineData("Reisepass oder Personalausweis?")]
    [InlineData("Was muss ich machen?")]
    public void German_words_that_look_turkish_and_turkish_questions_without_an_aspect_name_none(string message) =>
        Assert.Null(Aspects.Of(message.ToLowerInvariant()));

    [Fact]
    public void A_question_that_names_a_new_service_is_no_follow_up() =>
        Assert.False(Aspects.IsFollowUp("köpek vergisi ne kadar?"));

    [Theory]
    [InlineData("Türkiye'ye dönüyoruz, neler yapmam gerekiyor?")]
    [InlineData("ilk önce ne yapmalıyım?")]
    public void Asking_what_to_do_wants_the_checklist(string message) => Assert.True(Understanding.WantsChecklist(message.ToLowerInvariant()));

    [Theory]
    [InlineData("devam")]
    [InlineData("sıradaki adım")]
    public void Devam_and_the_next_step_go_on_with_the_checklist(string message) => Assert.True(Understanding.WantsNextStep(message));

    [Theory]
    [InlineData("bunun için para ödüyor muyuz?", Aspects.Fees)]
    [InlineData("ücretli mi?", Aspects.Fees)]
    [InlineData("ne zaman haber veriyorlar?", Aspects.ProcessingTime)]
    [InlineData("ölüm belgesini nereden alıyorum?", Aspects.Where)]
    public void More_turkish_aspects_are_recognised(string message, string aspect) => Assert.Equal(aspect, Aspects.Of(message.ToLowerInvariant()));

    [Fact]
    public void Postal_delivery_asked_about_the_chats_topic_is_a_follow_up() =>
        Assert.True(Aspects.IsFollowUp("hemen alabiliyor muyum, yoksa postayla mı geliyor?"));

    [Theory]
    [InlineData("benim durumum biraz karışık, Standesamt'tan biriyle konuşabilir miyim?")]
    [InlineData("Türkçe konuşan bir görevliyle görüşebilir miyiz?")]
    public void The_wish_for_a_person_in_turkish_is_no_small_talk(string message)
    {
        Assert.Null(Understanding.SmallTalk(message.ToLowerInvariant(), DialogueState.Empty));
        Assert.True(Mingabot.WantsPerson(message.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("tamam, başlayalım")]
    [InlineData("tamam, randevuyu alalım")]
    [InlineData("olur")]
    public void A_turkish_yes_is_read(string message) => Assert.True(Mingabot.IsYes(message.ToLowerInvariant()));

    [Theory]
    [InlineData("tamam teşekkürler")]
    [InlineData("ok, danke")]
    [InlineData("добре, дякую!")]
    public void A_weak_yes_with_thanks_is_thanks_not_yes(string message) => Assert.False(Mingabot.IsYes(message.ToLowerInvariant()));

    [Theory]
    [InlineData("Eski dolabımı ve kırık yatak bazamı nasıl attırabilirim?")]
    [InlineData("İşyerim Meldebescheinigung istiyor, buradan alabilir miyim?")]
    public void The_wish_to_have_it_done_in_turkish_is_read(string message) => Assert.True(ProcedureDialogue.WantsToDoIt(message));

    [Fact]
    public void Asking_which_of_the_steps_apply_in_turkish_is_recognised() =>
        Assert.True(Understanding.AsksWhichApply("bu adımlardan hangileri bizi ilgilendiriyor?"));
}

