using MucGov.Conversation.Bot;
using Xunit;

namespace MucGov.Conversation.Tests;

/// <summary>
/// The Ukrainian, Russian and Arabic words of aspects, follow-ups, checklists, steps and small talk — Arabic in its
/// spoken forms too (Levantine, Iraqi, Egyptian, Gulf and Maghrebi) and with its clitics ("وبكام", "والمكتب") — and the
/// language of short messages in those scripts.
/// </summary>
public sealed class UkrainianRussianArabicUnderstandingTests
{
    [Theory]
    [InlineData("скільки це коштує?", Aspects.Fees)]
    [InlineData("це щось коштує?", Aspects.Fees)]
    [InlineData("сколько это стоит?", Aspects.Fees)]
    [InlineData("а это бесплатно?", Aspects.Fees)]
    [InlineData("قديش بتكلف؟", Aspects.Fees)]
    [InlineData("وبكام؟", Aspects.Fees)]
    [InlineData("شكد تكلف؟", Aspects.Fees)]
    [InlineData("скільки часу це займає?", Aspects.ProcessingTime)]
    [InlineData("и я её сразу получу?", Aspects.ProcessingTime)]
    [InlineData("شكد ياخذ وقت؟", Aspects.ProcessingTime)]
    [InlineData("قديش بياخد وقت؟", Aspects.ProcessingTime)]
    [InlineData("які документи треба взяти з собою?", Aspects.Documents)]
    [InlineData("что нужно принести?", Aspects.Documents)]
    [InlineData("شو لازم جيب معي؟", Aspects.Documents)]
    [InlineData("а онлайн це можна зробити?", Aspects.Online)]
    [InlineData("بقدر أعملها أونلاين؟", Aspects.Online)]
    [InlineData("де це робиться?", Aspects.Where)]
    [InlineData("куда для этого идти?", Aspects.Where)]
    [InlineData("والمكتب فين؟", Aspects.Where)]
    [InlineData("а завтра они работают?", Aspects.OpeningHours)]
    [InlineData("مفتوح بكرا؟", Aspects.OpeningHours)]
    [InlineData("а по какому закону это вообще обязательно?", Aspects.LegalBasis)]
    [InlineData("على أي قانون يعتمدون؟", Aspects.LegalBasis)]
    [InlineData("хто цим займається?", Aspects.Responsible)]
    public void An_aspect_asked_in_ukrainian_russian_or_arabic_is_recognised_and_is_a_follow_up(string message, string aspect)
    {
        var lower = message.ToLowerInvariant();
        Assert.Equal(aspect, Aspects.Of(lower));
        Assert.True(Aspects.IsFollowUp(lower), message);
    }

    [Theory]
    [InlineData("скільки коштує податок на собаку?")]
    [InlineData("сколько стоит загранпаспорт для ребёнка?")]
    [InlineData("كم سعر شهادة الوفاة؟")]
    public void A_question_that_names_a_new_service_is_no_follow_up(string message) => Assert.False(Aspects.IsFollowUp(message.ToLowerInvariant()));

    [Theory]
    [InlineData("Привіт! Як тебе звати?", Understanding.Intents.Name)]
    [InlineData("ты живой человек или бот?", Understanding.Intents.Human)]
    [InlineData("ти найтупіший бот, якого я бачила", Understanding.Intents.Insult)]
    [InlineData("ти супер, реально корисний бот", Understanding.Intents.Compliment)]
    [InlineData("а кто тебя сделал?", Understanding.Intents.Creator)]
    [InlineData("расскажи анекдот", Understanding.Intents.Joke)]
    [InlineData("احكيلي نكتة", Understanding.Intents.Joke)]
    [InlineData("مين اللي عملك؟", Understanding.Intents.Creator)]
    [InlineData("السلام عليكم، كيف حالك اليوم؟", Understanding.Intents.HowAreYou)]
    [InlineData("إنت كتير شاطر، يعطيك العافية", Understanding.Intents.Compliment)]
    [InlineData("па-па!", Understanding.Intents.Goodbye)]
    [InlineData("дякую!", Understanding.Intents.Thanks)]
    public void Small_talk_in_ukrainian_russian_and_arabic_is_recognised(string message, string intent) =>
        Assert.Equal(intent, Understanding.SmallTalk(message.ToLowerInvariant(), DialogueState.Empty));

    [Theory]
    [InlineData("Що тепер треба оформити?")]
    [InlineData("Что нам нужно сделать в городе?")]
    [InlineData("شو لازم نعمل هلق؟")]
    public void The_wish_for_a_checklist_is_recognised(string message) => Assert.True(Understanding.WantsChecklist(message.ToLowerInvariant()));

    [Theory]
    [InlineData("далі")]
    [InlineData("а дальше?")]
    [InlineData("وبعدين؟")]
    [InlineData("التالي")]
    public void The_next_step_is_asked_for(string message) => Assert.True(Understanding.WantsNextStep(message.ToLowerInvariant()));

    [Theory]
    [InlineData("крок 2", 2)]
    [InlineData("шаг 3", 3)]
    [InlineData("الخطوة 3", 3)]
    public void A_step_is_named_by_its_number(string message, int step) => Assert.Equal(step, Understanding.StepNumber(message));

    [Theory]
    [InlineData("що з цього стосується нас?")]
    [InlineData("что из остального касается нас?")]
    [InlineData("أي خطوات من هدول بتخصنا نحنا؟")]
    public void Asking_which_steps_apply_is_recognised(string message) => Assert.True(Understanding.AsksWhichApply(message.ToLowerInvariant()));

    [Theory]
    [InlineData("у четвер до котрої працюють?", DayOfWeek.Thursday)]
    [InlineData("а в пятницу?", DayOfWeek.Friday)]
    [InlineData("شو مواعيد الدوام يوم الخميس؟", DayOfWeek.Thursday)]
    public void A_weekday_is_read_in_ukrainian_russian_and_arabic(string message, DayOfWeek day) =>
        Assert.Equal(day, Understanding.Day(message.ToLowerInvariant(), new DateOnly(2026, 12, 1))!.Value.DayOfWeek);

    [Fact]
    public void Facts_are_read_with_their_negation_before_or_after_them() =>
        Assert.Equal(new Dictionary<string, bool> { ["dog"] = true, ["car"] = false, ["children"] = false },
            Understanding.Facts("у нас собака, машины нет, детей нет", ["dog", "car", "children"]));

    [Theory]
    [InlineData("що треба принести?", "uk")]
    [InlineData("ха-ха, давай ще один", "uk")]
    [InlineData("Bürgerbüro Pasing адрес?", "ru")]
    public void A_short_message_in_the_chats_own_script_keeps_its_language(string message, string language) =>
        Assert.Equal(language, Language.Detect(message, language, holds: true));

    [Theory]
    [InlineData("شو بدي جيب معي؟")]
    [InlineData("والشتاندس امت بشارع Ruppertstraße مفتوح اليوم؟")]
    public void Spoken_arabic_is_arabic_not_persian(string message) => Assert.Equal("ar", Language.Detect(message, "ar", holds: true));

    [Fact]
    public void Mostly_cyrillic_text_with_german_office_names_is_not_german() =>
        Assert.Equal("uk", Language.Detect("а Standesamt на Ruppertstraße сьогодні відкритий?", "uk", holds: true));

    [Theory]
    [InlineData("добре, давай оформимо")]
    [InlineData("отлично, давайте оформим")]
    [InlineData("تمام، يلا نعملها")]
    public void A_yes_is_read(string message) => Assert.True(Mingabot.IsYes(message.ToLowerInvariant()));

    [Theory]
    [InlineData("Можно поговорить с живым сотрудником?")]
    [InlineData("можно с кем-то поговорить о моём случае?")]
    [InlineData("вона не говорить німецькою. Чи можна поговорити з кимось особисто?")]
    [InlineData("у меня всё сложно, можно поговорить с кем-нибудь из штандесамта?")]
    [InlineData("لو سمحت، بدي احكي مع موظف حقيقي")]
    public void The_wish_for_a_person_is_read(string message) => Assert.True(Mingabot.WantsPerson(message.ToLowerInvariant()));

    [Theory]
    [InlineData("Как избавиться от старого дивана и сломанного шкафа?")]
    [InlineData("Роботодавець просить Meldebescheinigung. Можна її отримати тут?")]
    [InlineData("عندي كنبة قديمة، بدي حدا ياخدها من البيت")]
    [InlineData("البنك طالب مني إثبات سكن (Meldebescheinigung)، بقدر آخدها من هون؟")]
    public void The_wish_to_have_it_done_is_read(string message) => Assert.True(ProcedureDialogue.WantsToDoIt(message));

    [Theory]
    [InlineData("Скільки коштує паспорт?")]
    [InlineData("Где находится КВР?")]
    public void A_question_about_a_service_is_no_wish_to_have_it_done(string message) => Assert.False(ProcedureDialogue.WantsToDoIt(message));
}
