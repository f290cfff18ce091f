using MucGov.Contracts.Knowledge;
using MucGov.Conversation.Bot;
using Xunit;

namespace MucGov.Conversation.Tests;

public sealed class MingabotTests
{
    /// <summary>A catalog of two services, answering like the knowledge service does (the dialogue is under test, not the search).</summary>
    private sealed class Catalog(double confidence = 0.8, double second = 0.1, bool down = false) : IKnowledge
    {
        public List<string> Asked { get; } = [];

        public Task<KnowledgeSearchResult?> SearchAsync(string query, string language, CancellationToken ct)
        {
            Asked.Add(query);
            return Task.FromResult<KnowledgeSearchResult?>(down ? null : new KnowledgeSearchResult(query, language,
            [
                new KnowledgeHit("personalausweis", "Personalausweis", "…", "buergerbuero", confidence),
                new KnowledgeHit("reisepass", "Reisepass", "…", "buergerbuero", second, Relative: second / confidence),
            ]));
        }

        public Task<LocationDetails?> LocationAsync(string id, string language, CancellationToken ct, DateTimeOffset? at = null) =>
            Task.FromResult<LocationDetails?>(null);

        public Task<LifeSituationDetails?> LifeSituationAsync(string id, string language, CancellationToken ct) => Task.FromResult<LifeSituationDetails?>(null);

        public Task<ServiceDetails?> DetailsAsync(string serviceId, string language, CancellationToken ct, DateTimeOffset? at = null) =>
            Task.FromResult<ServiceDetails?>(down ? null : new ServiceDetails(serviceId, true, serviceId == "reisepass" ? "Reisepass" : "Personalausweis", "…", "buergerbuero",
                ["Lichtbild"], ["37 €"], ["Termin buchen"], null,
                [new LocationStatus("kvr", "KVR Ruppertstraße", "Ruppertstraße 19", true, new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.FromHours(1)), false)]));
    }

    private static Mingabot Bot(IKnowledge knowledge) =>
        new(knowledge, new FixedClock(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(1))));

    [Theory]
    [InlineData("Wo beantrage ich einen neuen Personalausweis?", "de", "Bitte mitbringen")]
    [InlineData("Where do I get a new ID card?", "en", "Please bring")]
    [InlineData("Servus, wo kriag i an neia Personalausweis?", "bar", "Mitbringa muast")]
    public async Task Service_question_is_answered_with_department_opening_and_documents_in_its_language(string question, string language, string documents)
    {
        var reply = await Bot(new Catalog()).ReplyAsync(question, null, CancellationToken.None);

        Assert.Equal(language, reply.Language);
        Assert.Contains("buergerbuero", reply.Text, StringComparison.Ordinal);
        Assert.Contains(documents, reply.Text, StringComparison.Ordinal);
        Assert.Contains("16:00", reply.Text, StringComparison.Ordinal);
        Assert.Contains("37 €", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Termin buchen", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Servus!", "bar")]
    [InlineData("Hallo", "de")]
    [InlineData("Hello", "en")]
    public async Task A_bare_greeting_is_greeted_back_without_a_search(string greeting, string language)
    {
        var catalog = new Catalog();

        var reply = await Bot(catalog).ReplyAsync(greeting, null, CancellationToken.None);

        Assert.Equal(language, reply.Language);
        Assert.Contains("Mingabot", reply.Text, StringComparison.Ordinal);
        Assert.Empty(catalog.Asked);
    }

    [Theory]
    [InlineData("Danke schön!", "Gern geschehen")]
    [InlineData("Thanks a lot", "You're welcome")]
    [InlineData("Wer bist du?", "Ich bin Mingabot")]
    [InlineData("What can you do?", "I'm Mingabot")]
    public async Task Thanks_and_questions_about_the_bot_get_their_own_answers(string text, string expected)
    {
        var reply = await Bot(new Catalog()).ReplyAsync(text, null, CancellationToken.None);

        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_close_services_get_a_clarifying_question_with_both_as_quick_replies()
    {
        var reply = await Bot(new Catalog(confidence: 0.4, second: 0.35)).ReplyAsync("Ausweis oder Pass?", null, CancellationToken.None);

        Assert.Equal(["service:personalausweis", "service:reisepass"], reply.Actions.Select(a => a.Id));
        Assert.Contains("Meinen Sie", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_a_quick_reply_answers_that_service()
    {
        var reply = await Bot(new Catalog()).ReplyAsync("Reisepass", "service:reisepass", CancellationToken.None);

        Assert.StartsWith("Reisepass", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Low_confidence_gets_a_polite_did_not_understand()
    {
        var reply = await Bot(new Catalog(confidence: 0.1, second: 0.05)).ReplyAsync("Quantenchromodynamik", null, CancellationToken.None);

        Assert.Contains("nicht verstanden", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Actions);
    }

    [Fact]
    public async Task Knowledge_down_gets_a_polite_answer_not_an_error()
    {
        var reply = await Bot(new Catalog(down: true)).ReplyAsync("Wo beantrage ich einen Reisepass?", null, CancellationToken.None);

        Assert.Contains("nicht im Verzeichnis", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I hob mei Ausweis vaschlampt, wos muas i doa?", "bar")]
    [InlineData("I lost my passport, what do I do?", "en")]
    [InlineData("Ich habe meinen Pass verloren, was muss ich tun?", "de")]
    [InlineData("bana bir Parkausweis lazım", "tr")]
    [InlineData("Dobar dan, izgubio sam putovnicu. Što trebam učiniti?", "hr")]
    public void Language_is_told_apart(string text, string language) => Assert.Equal(language, Language.Detect(text));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class OtherLanguagesTests
{
    /// <summary>A catalog with the passport, its texts in <paramref name="shown"/> (a translation's status <paramref name="translation"/>).</summary>
    private sealed class Passport(string shown, string? translation, params string[] spoken) : IKnowledge
    {
        public List<string> Asked { get; } = [];

        public Task<KnowledgeSearchResult?> SearchAsync(string query, string language, CancellationToken ct) =>
            Task.FromResult<KnowledgeSearchResult?>(new KnowledgeSearchResult(query, language, [new KnowledgeHit("reisepass", "Reisepass", "…", "buergerbuero", 0.95)]));

        public Task<LocationDetails?> LocationAsync(string id, string language, CancellationToken ct, DateTimeOffset? at = null) =>
            Task.FromResult<LocationDetails?>(null);

        public Task<LifeSituationDetails?> LifeSituationAsync(string id, string language, CancellationToken ct) => Task.FromResult<LifeSituationDetails?>(null);

        public Task<ServiceDetails?> DetailsAsync(string serviceId, string language, CancellationToken ct, DateTimeOffset? at = null)
        {
            Asked.Add(language);
            var title = shown switch { "tr" => "Pasaport başvurusu", "en" => "Applying for a passport", _ => "Reisepass beantragen" };
            return Task.FromResult<ServiceDetails?>(new ServiceDetails(serviceId, true, title, "…", "buergerbuero", ["Foto"], ["70 €"], [], null, [],
                DepartmentName: "Bürgerbüro", TextLanguage: shown, Translation: translation, DepartmentLanguages: ["de", "en", .. spoken]));
        }
    }

    [Fact]
    public async Task A_turkish_question_gets_the_turkish_catalog_text_and_once_per_chat_the_note_that_german_is_binding()
    {
        var catalog = new Passport("tr", "draft");
        var bot = new Mingabot(catalog, TimeProvider.System);

        var first = await bot.TurnAsync("Merhaba, pasaportumu kaybettim. Ne yapmalıyım?", null, DialogueState.Empty, signedIn: false, "de", CancellationToken.None);
        var second = await bot.TurnAsync("Pasaport için ne kadar ödemem gerekiyor?", null, first.State, signedIn: false, "tr", CancellationToken.None);

        Assert.Equal("tr", first.Reply.Language);
        Assert.Equal("tr", catalog.Asked[0]);
        Assert.Contains("Pasaport başvurusu: sorumlu birim Bürgerbüro", first.Reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("Not: Buradaki bilgiler çeviridir; bağlayıcı olan Almanca metindir.", first.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("çeviridir", second.Reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Добрий день, мені потрібен новий закордонний паспорт", "uk", "en", "Ця інформація ще не перекладена українською; показую англійський текст.")]
    [InlineData("Здравствуйте, мне нужен новый заграничный паспорт", "ru", "de", "Эта информация ещё не переведена на русский; показываю текст на немецком.")]
    [InlineData("I need a new passport for my holiday", "en", "de", "This information is not available in English yet; here is the German text.")]
    public async Task A_service_the_catalog_lacks_in_the_language_comes_in_english_or_german_with_a_sentence_saying_so(
        string question, string language, string shown, string sentence)
    {
        var reply = (await new Mingabot(new Passport(shown, shown == "de" ? null : "draft"), TimeProvider.System)
            .TurnAsync(question, null, DialogueState.Empty, signedIn: false, "de", CancellationToken.None)).Reply;

        Assert.Equal(language, reply.Language);
        Assert.Contains(sentence, reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dobar dan, izgubio sam putovnicu. Što trebam učiniti?", "Nažalost još ne govorim hrvatski, pa odgovaram na engleskom.")]
    [InlineData("Buongiorno, ho perso il passaporto. Cosa devo fare?", "Purtroppo non parlo ancora italiano, quindi rispondo in inglese.")]
    [InlineData("Bonjour, j'ai perdu mon passeport. Que dois-je faire ?", "Malheureusement, je ne parle pas encore français, je réponds donc en anglais.")]
    [InlineData("Dzień dobry, zgubiłem paszport. Co mam zrobić?", "Niestety nie mówię jeszcze po polsku, więc odpowiadam po angielsku.")]
    public async Task A_language_the_bot_only_recognises_gets_the_english_answer_with_one_sentence_in_it(string question, string sentence)
    {
        var bot = new Mingabot(new Passport("en", "draft"), TimeProvider.System);

        var first = await bot.TurnAsync(question, null, DialogueState.Empty, signedIn: false, "de", CancellationToken.None);
        var again = await bot.TurnAsync(question, null, first.State, signedIn: false, first.Reply.Language, CancellationToken.None);

        Assert.Equal("en", first.Reply.Language);
        Assert.StartsWith(sentence, first.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("Applying for a passport: the responsible department is Bürgerbüro", first.Reply.Text, StringComparison.Ordinal);
        Assert.Empty(first.Reply.Actions);
        Assert.DoesNotContain(sentence, again.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_the_department_has_a_colleague_who_speaks_the_language_the_bot_offers_to_pass_the_question_on()
    {
        var bot = new Mingabot(new Passport("en", "draft", "hr"), TimeProvider.System);

        var turn = await bot.TurnAsync("Dobar dan, izgubio sam putovnicu. Što trebam učiniti?", null, DialogueState.Empty, signedIn: true, "de", CancellationToken.None);
        var consent = await bot.TurnAsync("ok", "consent:yes", turn.State, signedIn: true, turn.Reply.Language, CancellationToken.None);

        Assert.Contains("Netko u Bürgerbüro govori hrvatski", turn.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(["consent:yes", "consent:no"], turn.Reply.Actions.Select(a => a.Id));
        Assert.Equal("buergerbuero", consent.Escalate!.DepartmentId);
        Assert.Equal("language", consent.Escalate.Reason);
    }

    [Theory]
    [InlineData("Hello there", "de", "de")]
    [InlineData("Servus Sepp", "de", "bar")]
    [InlineData("Привіт", "de", "de")]
    [InlineData("Danke schön", "en", "en")]
    [InlineData("Where do I get a passport?", "de", "en")]
    [InlineData("Dobar dan, izgubio sam putovnicu.", "de", "hr")]
    [InlineData("And an ID card?", "en", "en")]
    [InlineData("Und an neia Pass?", "de", "bar")]
    public void A_chosen_language_holds_until_a_message_of_three_words_or_more_is_in_another(string text, string chat, string expected) =>
        Assert.Equal(expected, Language.Detect(text, chat, holds: true));

    [Theory]
    [InlineData("Hello", "en")]
    [InlineData("Привіт", "uk")]
    [InlineData("Servus", "bar")]
    [InlineData("Merhaba", "de")]
    public void The_first_short_message_of_a_chat_nobody_picked_a_language_for_may_set_it(string text, string expected) =>
        Assert.Equal(expected, Language.Detect(text, "de", holds: false));
}

public sealed class SeriousTopicsTests
{
    private sealed class Sensitive(string serviceId, string departmentId) : IKnowledge
    {
        public Task<KnowledgeSearchResult?> SearchAsync(string query, string language, CancellationToken ct) =>
            Task.FromResult<KnowledgeSearchResult?>(new KnowledgeSearchResult(query, language, [new KnowledgeHit(serviceId, "…", "…", departmentId, 0.9)]));

        public Task<LocationDetails?> LocationAsync(string id, string language, CancellationToken ct, DateTimeOffset? at = null) =>
            Task.FromResult<LocationDetails?>(null);

        public Task<LifeSituationDetails?> LifeSituationAsync(string id, string language, CancellationToken ct) => Task.FromResult<LifeSituationDetails?>(null);

        public Task<ServiceDetails?> DetailsAsync(string id, string language, CancellationToken ct, DateTimeOffset? at = null) =>
            Task.FromResult<ServiceDetails?>(new ServiceDetails(id, true, "Sterbeurkunde", "…", departmentId, ["Totenschein"], ["12 €"], [], null, [], Sensitive: true));
    }

    [Theory]
    [InlineData("sterbeurkunde", "standesamt", "Wo bekomme ich eine Sterbeurkunde?", "Mein aufrichtiges Beileid.")]
    [InlineData("sterbeurkunde", "standesamt", "Where do I get a death certificate?", "I'm very sorry for your loss.")]
    [InlineData("wohngeld", "soziales", "Ich kann meine Miete nicht mehr zahlen", "Dafür gibt es Unterstützung")]
    [InlineData("laermbeschwerde", "ordnung", "Die Nachbarn sind jede Nacht laut", "Ihr Anliegen nehmen wir ernst.")]
    public async Task Serious_topics_open_with_a_considerate_sentence(string serviceId, string department, string question, string opening)
    {
        var reply = await new Mingabot(new Sensitive(serviceId, department), TimeProvider.System).ReplyAsync(question, null, CancellationToken.None);

        Assert.StartsWith(opening, reply.Text, StringComparison.Ordinal);
    }
}

public sealed class HandOverTests
{
    private sealed class Unclear(bool individual = false) : IKnowledge
    {
        public Task<KnowledgeSearchResult?> SearchAsync(string query, string language, CancellationToken ct) =>
            Task.FromResult<KnowledgeSearchResult?>(new KnowledgeSearchResult(query, language,
                individual ? [new KnowledgeHit("einbuergerung", "Einbürgerung", "…", "auslaenderbehoerde", 0.9)] : []));

        public Task<LocationDetails?> LocationAsync(string id, string language, CancellationToken ct, DateTimeOffset? at = null) =>
            Task.FromResult<LocationDetails?>(null);

        public Task<LifeSituationDetails?> LifeSituationAsync(string id, string language, CancellationToken ct) => Task.FromResult<LifeSituationDetails?>(null);

        public Task<ServiceDetails?> DetailsAsync(string id, string language, CancellationToken ct, DateTimeOffset? at = null) =>
            Task.FromResult<ServiceDetails?>(new ServiceDetails(id, true, "Einbürgerung", "…", "auslaenderbehoerde", ["Pass"], ["255 €"], [], null, [],
                IndividualHandling: individual, DepartmentName: "Ausländerbehörde"));
    }

    [Fact]
    public async Task Two_unclear_turns_in_a_row_lead_to_the_offer_of_the_triage_department()
    {
        var bot = new Mingabot(new Unclear(), TimeProvider.System);

        var first = await bot.TurnAsync("Blablub Quatsch Dings", null, DialogueState.Empty, signedIn: true, "de", CancellationToken.None);
        var second = await bot.TurnAsync("Wieder Dings Bums Quatsch", null, first.State, signedIn: true, "de", CancellationToken.None);

        Assert.Empty(first.Reply.Actions);
        Assert.Equal(["consent:yes", "consent:no"], second.Reply.Actions.Select(a => a.Id));
        Assert.Equal("low-confidence", second.State.PendingEscalation);
        Assert.Contains("Bürgerservice", second.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_needs_individual_handling_is_answered_and_the_department_is_offered()
    {
        var bot = new Mingabot(new Unclear(individual: true), TimeProvider.System);

        var turn = await bot.TurnAsync("Wie werde ich deutscher Staatsbürger?", null, DialogueState.Empty, signedIn: true, "de", CancellationToken.None);
        var consent = await bot.TurnAsync("Ja", null, turn.State, signedIn: true, "de", CancellationToken.None);

        Assert.Contains("Ausländerbehörde", turn.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("individual-handling", turn.State.PendingEscalation);
        Assert.Equal("auslaenderbehoerde", consent.Escalate!.DepartmentId);
        Assert.Equal("einbuergerung", consent.Escalate.ServiceId);
    }

    /// <summary>The search would offer paternity (Vater), which must never answer a death.</summary>
    private sealed class Bereaved : IKnowledge
    {
        public int Searches { get; private set; }

        public Task<KnowledgeSearchResult?> SearchAsync(string query, string language, CancellationToken ct)
        {
            Searches++;
            return Task.FromResult<KnowledgeSearchResult?>(new KnowledgeSearchResult(query, language,
                [new KnowledgeHit("vaterschaftsanerkennung", "Vaterschaft anerkennen", "…", "standesamt", 0.9)]));
        }

        public Task<LocationDetails?> LocationAsync(string id, string language, CancellationToken ct, DateTimeOffset? at = null) =>
            Task.FromResult<LocationDetails?>(null);

        public Task<LifeSituationDetails?> LifeSituationAsync(string id, string language, CancellationToken ct) =>
            Task.FromResult<LifeSituationDetails?>(id == "death"
                ? new LifeSituationDetails("death", true, "Todesfall", "…", true,
                    [new LifeSituationStepInfo("sterbeurkunde", "Sterbefall beurkunden", null, new StepDeadlineInfo(3, "working-days", "death", "§ 30 PStG"), null, null),
                     new LifeSituationStepInfo("fahrzeug-abmelden", "Fahrzeug abmelden", null, null, "car", "Hatte die verstorbene Person ein Auto?")])
                : new LifeSituationDetails(id, false));

        public Task<ServiceDetails?> DetailsAsync(string id, string language, CancellationToken ct, DateTimeOffset? at = null) => Task.FromResult<ServiceDetails?>(null);
    }

    [Theory]
    [InlineData("Mein Vater ist gestorben.", "Beileid")]
    [InlineData("My father died on Sunday, I don't know where to start", "sorry for your loss")]
    [InlineData("Mei Vadda is gestern gstorbn.", "Beileid")]
    public async Task A_death_gets_condolence_and_the_checklist_for_a_death_never_paternity(string text, string condolence)
    {
        var catalog = new Bereaved();

        var turn = await new Mingabot(catalog, TimeProvider.System).TurnAsync(text, null, DialogueState.Empty, signedIn: false, "de", CancellationToken.None);

        Assert.Contains(condolence, turn.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("Sterbefall beurkunden", turn.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("3", turn.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vaterschaft", turn.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("condolence", turn.Reply.Understood?.Intent);
        Assert.Equal("life:death", turn.Reply.Understood?.Topic);
        Assert.True(turn.State.Sensitive);
        Assert.Equal(0, catalog.Searches);
    }
}
