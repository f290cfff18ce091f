using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Conversation.Data;
using MucGov.IntegrationTests.Hosting;
using Xunit;

namespace MucGov.IntegrationTests.Conversation;

/// <summary>
/// Chats in the citizen's language, with the real catalog (the sample is in Turkish throughout, as a draft; Ukrainian not yet):
/// the language picked for a new chat or the browser's, the catalog's text in it with the notes on translations, and the
/// English answer with a sentence in a language the bot only recognises.
/// </summary>
public sealed class LanguageChatTests(ConversationFixture conversation) : IClassFixture<ConversationFixture>
{
    private async Task<(Guid Id, HttpClient Client, JsonElement Created)> NewChatAsync(object? body, string? acceptLanguage = null)
    {
        using var anonymous = conversation.Client();
        if (acceptLanguage is not null)
        {
            anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await anonymous.PostAsync("/api/conversations", body is null ? null : JsonContent.Create(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetGuid(), conversation.Client(key: created.GetProperty("accessKey").GetString()), created);
    }

    private static string Text(JsonElement answer) => ConversationFixture.BotReply(answer).GetProperty("text").GetString()!;

    [Fact]
    public async Task A_turkish_question_about_the_passport_gets_the_turkish_catalog_text_and_once_the_note_that_german_is_binding()
    {
        var (id, client, _) = await NewChatAsync(null);

        var first = await ConversationFixture.SayAsync(client, id, "Merhaba, pasaportumu kaybettim. Ne yapmalıyım?");
        var second = await ConversationFixture.SayAsync(client, id, "Yeni bir pasaport başvurusu için ne getirmem gerekiyor?");

        Assert.Equal("tr", ConversationFixture.BotReply(first).GetProperty("language").GetString());
        Assert.Contains("Pasaport (Reisepass) başvurusu", Text(first), StringComparison.Ordinal);
        Assert.Contains("biyometrik vesikalık fotoğraf", Text(first), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("bağlayıcı olan Almanca metindir", Text(first), StringComparison.Ordinal);
        Assert.DoesNotContain("bağlayıcı olan Almanca metindir", Text(second), StringComparison.Ordinal);
        Assert.Equal("tr", (await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}")).GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_ukrainian_question_about_a_service_not_translated_gets_the_english_text_with_a_ukrainian_sentence_saying_so()
    {
        await MucGov.IntegrationTests.Knowledge.CatalogEdits.WithoutLanguageAsync(conversation.Knowledge, "personalausweis", "uk");

        var (id, client, _) = await NewChatAsync(new { language = "uk" });

        var answer = await ConversationFixture.SayAsync(client, id, "Добрий день, мені потрібен новий Personalausweis, що робити?");

        Assert.Contains("Ця інформація ще не перекладена українською; показую англійський текст.", Text(answer), StringComparison.Ordinal);
        Assert.Contains("identity card", Text(answer), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_croatian_question_gets_the_english_passport_answer_with_a_croatian_sentence_and_the_chat_keeps_croatian()
    {
        var (id, client, _) = await NewChatAsync(null);

        var answer = await ConversationFixture.SayAsync(client, id, "Dobar dan, izgubio sam putovnicu. Što trebam učiniti?");

        Assert.Equal("en", ConversationFixture.BotReply(answer).GetProperty("language").GetString());
        Assert.StartsWith("Nažalost još ne govorim hrvatski, pa odgovaram na engleskom.", Text(answer), StringComparison.Ordinal);
        // The passport service itself, found from the Croatian words (not the example in "didn't get that").
        Assert.Contains("Applying for a passport", Text(answer), StringComparison.Ordinal);
        Assert.DoesNotContain("didn't get that", Text(answer), StringComparison.Ordinal);
        Assert.Equal("hr", (await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}")).GetProperty("language").GetString());
    }

    [Theory]
    [InlineData("Buongiorno, come posso registrare la mia residenza a Monaco?", "it", "Registering your residence")]
    [InlineData("Dzień dobry, chciałbym zarejestrować samochód. Co muszę zrobić?", "pl", "Registering a vehicle")]
    [InlineData("Bună ziua, vreau să schimb permisul de conducere străin. Cum fac asta?", "ro", "Exchanging a foreign driving licence")]
    [InlineData("Καλημέρα, πώς μπορώ να κάνω αίτηση για άδεια διαμονής;", "el", "residence permit")]
    [InlineData("Bonjour, je voudrais voter par correspondance pour les prochaines élections.", "fr", "Applying for a postal vote")]
    [InlineData("Hola, ¿cómo puedo solicitar una plaza de guardería para mi hijo?", "es", "daycare place")]
    [InlineData("Здравейте, как да регистрирам фирма в Мюнхен?", "bg", "Registering a trade or business")]
    [InlineData("سلام، برای سگم باید مالیات بپردازم؟ چه کار باید بکنم؟", "fa", "dog tax")]
    public async Task A_question_in_a_recognised_language_finds_its_service_in_english(string question, string language, string service)
    {
        var (id, client, _) = await NewChatAsync(null);

        var answer = await ConversationFixture.SayAsync(client, id, question);

        Assert.Equal("en", ConversationFixture.BotReply(answer).GetProperty("language").GetString());
        Assert.Contains(service, Text(answer), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("didn't get that", Text(answer), StringComparison.Ordinal);
        Assert.Equal(language, (await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}")).GetProperty("language").GetString());
    }

    [Fact]
    public async Task The_picked_language_holds_through_short_messages_and_greets_in_it()
    {
        var (id, client, created) = await NewChatAsync(new { language = "uk" });

        var shortOne = await ConversationFixture.SayAsync(client, id, "Hallo");

        Assert.StartsWith("Вітаю", created.GetProperty("messages")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("uk", ConversationFixture.BotReply(shortOne).GetProperty("language").GetString());
    }

    [Fact]
    public async Task Without_a_pick_the_browsers_first_supported_language_starts_the_chat()
    {
        var (_, _, created) = await NewChatAsync(null, acceptLanguage: "hr-HR, tr;q=0.8, de;q=0.5");

        Assert.Equal("tr", created.GetProperty("messages")[0].GetProperty("language").GetString());
        Assert.StartsWith("Merhaba", created.GetProperty("messages")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"language":"xx"}""")]
    [InlineData("""{"language":"klingon"}""")]
    [InlineData("""{"language":42}""")]
    [InlineData("""{"language":""")]
    public async Task A_new_chat_in_an_unknown_language_or_a_broken_body_is_refused_and_nothing_is_stored(string body)
    {
        using var anonymous = conversation.Client();
        int before;
        await using (var scope = conversation.App.Services.CreateAsyncScope())
        {
            before = await scope.ServiceProvider.GetRequiredService<ConversationDbContext>().Chats.CountAsync();
        }

        using var refused = await anonymous.PostAsync("/api/conversations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await Apps.ProblemAsync(refused);
        await using (var scope = conversation.App.Services.CreateAsyncScope())
        {
            Assert.Equal(before, await scope.ServiceProvider.GetRequiredService<ConversationDbContext>().Chats.CountAsync());
        }
    }
}
