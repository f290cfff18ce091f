using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Conversation.Data;
using Xunit;

namespace MucGov.IntegrationTests.Conversation;

public sealed class ChatTests(ConversationFixture conversation) : IClassFixture<ConversationFixture>
{
    private async Task<int> StoredMessagesAsync(Guid chat)
    {
        await using var scope = conversation.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConversationDbContext>().Messages.CountAsync(m => m.ConversationId == chat);
    }

    [Fact]
    public async Task A_service_answer_carries_blocks_and_what_was_understood_also_when_the_chat_is_read_again()
    {
        var (id, client, _) = await conversation.AnonymousChatAsync();

        var posted = ConversationFixture.BotReply(await ConversationFixture.SayAsync(client, id, "Wo beantrage ich einen Reisepass?"));
        var followUp = ConversationFixture.BotReply(await ConversationFixture.SayAsync(client, id, "Und was kostet der?"));
        var read = (await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}")).GetProperty("messages").EnumerateArray()
            .Single(m => m.GetProperty("seq").GetInt64() == posted.GetProperty("seq").GetInt64());

        Assert.Equal(("reisepass", "overview"), (posted.GetProperty("understood").GetProperty("topic").GetString(),
            posted.GetProperty("understood").GetProperty("aspect").GetString()));
        Assert.Equal(("reisepass", "fees"), (followUp.GetProperty("understood").GetProperty("topic").GetString(),
            followUp.GetProperty("understood").GetProperty("aspect").GetString()));
        Assert.Contains("70", followUp.GetProperty("text").GetString(), StringComparison.Ordinal);
        var types = read.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("type").GetString()).ToList();
        Assert.Equal("heading", types[0]);
        Assert.Contains("list", types);
        Assert.Equal(posted.GetProperty("blocks").ToString(), read.GetProperty("blocks").ToString());
    }

    [Fact]
    public async Task Anonymous_chat_gets_an_access_key_and_a_welcome_and_is_closed_to_others()
    {
        var (id, client, created) = await conversation.AnonymousChatAsync();
        using var stranger = conversation.Client();
        using var guesser = conversation.Client(key: "not-the-key");

        Assert.Equal("bot", created.GetProperty("messages")[0].GetProperty("author").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/conversations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/conversations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guesser.GetAsync($"/api/conversations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Hallo", clientMessageId = "x" })).StatusCode);
    }

    [Fact]
    public async Task Bavarian_question_gets_the_department_opening_status_and_documents_in_bavarian()
    {
        var (id, client, _) = await conversation.AnonymousChatAsync();

        var reply = ConversationFixture.BotReply(await ConversationFixture.SayAsync(client, id, "Servus, wo kriag i an neia Personalausweis?"));

        Assert.Equal("bar", reply.GetProperty("language").GetString());
        var text = reply.GetProperty("text").GetString()!;
        // The department by its name; its internal id is no business of the citizen's.
        Assert.Contains("Bürgerbüro", text, StringComparison.Ordinal);
        Assert.DoesNotContain("buergerbuero", text, StringComparison.Ordinal);
        Assert.Contains("zuständig", text, StringComparison.Ordinal);
        Assert.Contains("Mitbringa muast", text, StringComparison.Ordinal);
        Assert.Matches("offen|zua", text);
    }

    [Fact]
    public async Task German_and_english_questions_are_answered_in_their_language()
    {
        var (id, client, _) = await conversation.AnonymousChatAsync();

        var german = ConversationFixture.BotReply(await ConversationFixture.SayAsync(client, id, "Wo beantrage ich einen Reisepass?"));
        var english = ConversationFixture.BotReply(await ConversationFixture.SayAsync(client, id, "How do I register my car?"));

        Assert.Equal("de", german.GetProperty("language").GetString());
        Assert.Contains("Bitte mitbringen", german.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.Contains("Vehicle Registration Office", english.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("fahrzeugzulassung", english.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retried_post_returns_the_first_answer_and_stores_nothing_twice()
    {
        var (id, client, _) = await conversation.AnonymousChatAsync();
        const string clientMessageId = "retry-4711";

        var first = await ConversationFixture.SayAsync(client, id, "Danke!", clientMessageId);
        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ConversationFixture.SayAsync(client, id, "Danke!", clientMessageId)));

        Assert.All(again, a => Assert.Equal(first.GetProperty("messages").GetRawText(), a.GetProperty("messages").GetRawText()));
        Assert.Equal(3, await StoredMessagesAsync(id));
        var seqs = (await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}")).GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("seq").GetInt64());
        Assert.Equal([1L, 2L, 3L], seqs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Reise\0pass")]
    public async Task Empty_message_or_one_with_a_character_that_cannot_be_stored_is_a_400_and_nothing_is_stored(string text)
    {
        var (id, client, _) = await conversation.AnonymousChatAsync();

        var response = await client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text, clientMessageId = "e1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Hosting.Apps.ProblemAsync(response);
        Assert.Equal(1, await StoredMessagesAsync(id));
    }

    [Fact]
    public async Task A_message_with_a_lone_surrogate_is_a_400_and_nothing_is_stored()
    {
        var (id, client, _) = await conversation.AnonymousChatAsync();

        var response = await client.PostAsync($"/api/conversations/{id}/messages",
            new StringContent("""{ "text": "Reisepass \ud800", "clientMessageId": "s1" }""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Hosting.Apps.ProblemAsync(response);
        Assert.Equal(1, await StoredMessagesAsync(id));
    }

    [Fact]
    public async Task Overlong_message_and_missing_client_id_are_400_and_nothing_is_stored()
    {
        var (id, client, _) = await conversation.AnonymousChatAsync();

        var overlong = await client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = new string('a', 2001), clientMessageId = "o1" });
        var noId = await client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Hallo" });

        Assert.Equal(HttpStatusCode.BadRequest, overlong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noId.StatusCode);
        var problem = await Hosting.Apps.ProblemAsync(overlong);
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(1, await StoredMessagesAsync(id));
    }

    [Fact]
    public async Task Html_in_a_message_is_stored_verbatim()
    {
        var (id, client, _) = await conversation.AnonymousChatAsync();
        const string html = "<script>alert('Servus')</script><b>fett</b> & \"zitiert\"";

        await ConversationFixture.SayAsync(client, id, html);

        var messages = (await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}")).GetProperty("messages");
        Assert.Equal(html, messages[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Too_many_messages_a_minute_get_429()
    {
        var (id, client, _) = await conversation.AnonymousChatAsync();
        for (var i = 0; i < 5; i++)
        {
            await ConversationFixture.SayAsync(client, id, "Danke");
        }

        var sixth = await client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Danke", clientMessageId = "sixth" });

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        await Hosting.Apps.ProblemAsync(sixth);
    }

    [Fact]
    public async Task Parallel_posts_to_one_chat_get_through_only_as_often_as_the_minute_allows()
    {
        var (id, client, _) = await conversation.AnonymousChatAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 15).Select(i =>
            client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Danke", clientMessageId = $"p{i}" })));

        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.True(await StoredMessagesAsync(id) <= 1 + (5 * 2), "at most five citizen messages and their replies besides the welcome");
    }

    [Fact]
    public async Task Idle_anonymous_chats_without_a_case_are_deleted_and_others_kept()
    {
        var (idle, _, _) = await conversation.AnonymousChatAsync();
        var (recent, _, _) = await conversation.AnonymousChatAsync();
        var (withCase, _, _) = await conversation.AnonymousChatAsync();
        using var anna = conversation.Client(await conversation.CitizenTokenAsync("anna.huber"));
        var signedIn = (await (await anna.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var scope = conversation.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConversationDbContext>();
        var eightDaysAgo = DateTimeOffset.UtcNow.AddDays(-8);
        await db.Database.ExecuteSqlAsync($"UPDATE conversations SET updated_at = {eightDaysAgo} WHERE id IN ({idle}, {withCase}, {signedIn})");
        await db.Database.ExecuteSqlAsync($"UPDATE conversations SET escalation_id = {Guid.NewGuid()} WHERE id = {withCase}");

        var deleted = await conversation.App.Services.GetRequiredService<MucGov.Conversation.Chats.ChatCleanup>().DeleteIdleAnonymousChatsAsync(CancellationToken.None);

        Assert.True(deleted >= 1);
        Assert.False(await db.Chats.AnyAsync(c => c.Id == idle));
        Assert.Equal(0, await StoredMessagesAsync(idle));
        Assert.Equal(3, await db.Chats.CountAsync(c => c.Id == recent || c.Id == withCase || c.Id == signedIn));
    }

    [Fact]
    public async Task Signed_in_citizen_is_greeted_by_name_and_another_citizen_gets_404()
    {
        using var anna = conversation.Client(await conversation.CitizenTokenAsync("anna.huber"));
        using var emily = conversation.Client(await conversation.CitizenTokenAsync("emily.clarke"));

        var created = await (await anna.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        Assert.Contains("Anna Huber", created.GetProperty("messages")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("accessKey").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await emily.GetAsync($"/api/conversations/{id}")).StatusCode);
        var annas = await anna.GetFromJsonAsync<JsonElement>("/api/conversations");
        var emilys = await emily.GetFromJsonAsync<JsonElement>("/api/conversations");
        Assert.Contains(annas.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(emilys.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Listing_conversations_needs_a_token()
    {
        using var anonymous = conversation.Client();

        var response = await anonymous.GetAsync("/api/conversations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Unclear_question_gets_a_polite_did_not_understand()
    {
        var (id, client, _) = await conversation.AnonymousChatAsync();

        var reply = ConversationFixture.BotReply(await ConversationFixture.SayAsync(client, id, "Quantenchromodynamik im Raumschiff"));

        Assert.Contains("nicht verstanden", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>The conversation service alone, with no knowledge service answering on its virtual host.</summary>
public sealed class KnowledgeDownTests(MucGov.Testing.Isolated isolated) : IClassFixture<MucGov.Testing.Isolated>
{
    [Fact]
    public async Task When_knowledge_does_not_answer_the_bot_says_so_politely_within_the_timeout()
    {
        await using var app = await Hosting.Apps.StartFreshAsync(isolated, "conversation", extra: new Dictionary<string, string?> { ["Bot:KnowledgeTimeout"] = "00:00:01" });
        using var anonymous = app.CreateClient();
        var created = await (await anonymous.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Conversation-Key", created.GetProperty("accessKey").GetString());
        var started = System.Diagnostics.Stopwatch.StartNew();

        var reply = ConversationFixture.BotReply(await ConversationFixture.SayAsync(client, created.GetProperty("id").GetGuid(), "Wo beantrage ich einen Reisepass?"));

        Assert.Contains("nicht", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("nachschauen", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"answered after {started.Elapsed}");
    }
}
