using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Contracts.Conversation;
using MucGov.Contracts.Ticket;
using MucGov.Conversation.Data;
using MucGov.IntegrationTests.Messaging;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Conversation;

public sealed class EscalationTests(ConversationFixture conversation) : IClassFixture<ConversationFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private async Task<(Microsoft.Extensions.Hosting.IHost Host, Received Received)> ListenAsync()
    {
        var received = new Received();
        var host = await SampleHost.StartAsync(await conversation.NewDatabaseAsync("ticket-stand-in"), conversation.RabbitSettings(await VirtualHostAsync()),
            "listener" + Guid.NewGuid().ToString("N")[..6],
            bus =>
            {
                bus.AddConsumer<Recorder<ConversationEscalated>>();
                bus.AddConsumer<Recorder<CitizenMessagePosted>>();
            }, received);
        return (host, received);
    }

    private Task<string> VirtualHostAsync() => Task.FromResult(conversation.VirtualHost);

    [Fact]
    public async Task Signed_in_citizen_asks_for_a_person_consents_and_exactly_one_escalation_is_published()
    {
        var (host, received) = await ListenAsync();
        using var _ = host;
        using var anna = conversation.Client(await conversation.CitizenTokenAsync("anna.huber"));
        var id = (await (await anna.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await ConversationFixture.SayAsync(anna, id, "Servus, wo kriag i an neia Personalausweis?");
        var offer = ConversationFixture.BotReply(await ConversationFixture.SayAsync(anna, id, "I mog mit am Mitarbeiter redn"));
        Assert.Equal(["consent:yes", "consent:no"], offer.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Contains("E-Mail", offer.GetProperty("text").GetString(), StringComparison.Ordinal);

        var yes = await ConversationFixture.SayAsync(anna, id, "Jo, gib's weiter", actionId: "consent:yes");
        var again = await ConversationFixture.SayAsync(anna, id, "Hallo? Is do wer?");

        Assert.Equal(2, yes.GetProperty("messages").GetArrayLength());
        Assert.Single(again.GetProperty("messages").EnumerateArray());
        await Eventually.HoldsAsync(() => received.Count<ConversationEscalated>(e => e.ConversationId == id) == 1, "the escalation is published", Patience);
        await Eventually.HoldsAsync(() => received.Count<CitizenMessagePosted>(m => m.ConversationId == id) == 1, "the follow-up goes to the case", Patience);
        var escalation = received.Messages.Select(m => m.Message).OfType<ConversationEscalated>().Single(e => e.ConversationId == id);
        Assert.Equal("buergerbuero", escalation.DepartmentId);
        Assert.Equal("personalausweis", escalation.ServiceId);
        Assert.Equal("bar", escalation.Language);
        Assert.Equal("asked-for-person", escalation.Reason);
        Assert.Equal("Huber", escalation.CitizenSnapshot!["familyName"]);
        Assert.Contains(escalation.Transcript!, t => t.Text.Contains("Mitarbeiter", StringComparison.Ordinal));
        Assert.Equal(escalation.EscalationId, received.Messages.Select(m => m.Message).OfType<CitizenMessagePosted>().Single(m => m.ConversationId == id).EscalationId);

        await using var scope = conversation.App.Services.CreateAsyncScope();
        var consent = await scope.ServiceProvider.GetRequiredService<ConversationDbContext>().Consents.SingleAsync(c => c.ConversationId == id);
        Assert.True(consent.Granted);
        Assert.Equal("buergerbuero", consent.DepartmentId);
    }

    [Fact]
    public async Task Saying_no_keeps_the_chat_with_the_bot_and_publishes_nothing()
    {
        using var emily = conversation.Client(await conversation.CitizenTokenAsync("emily.clarke"));
        var id = (await (await emily.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await ConversationFixture.SayAsync(emily, id, "Can I talk to a real person?");
        var no = ConversationFixture.BotReply(await ConversationFixture.SayAsync(emily, id, "No", actionId: "consent:no"));
        var next = ConversationFixture.BotReply(await ConversationFixture.SayAsync(emily, id, "How do I get a passport?"));

        Assert.Contains("between the two of us", no.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Please bring", next.GetProperty("text").GetString(), StringComparison.Ordinal);
        await using var scope = conversation.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConversationDbContext>();
        Assert.False((await db.Consents.SingleAsync(c => c.ConversationId == id)).Granted);
        Assert.Null((await db.Chats.SingleAsync(c => c.Id == id)).EscalationId);
    }

    [Fact]
    public async Task Anonymous_citizen_is_asked_to_sign_in_and_the_chat_becomes_theirs()
    {
        var (host, received) = await ListenAsync();
        using var _ = host;
        var (id, anonymous, created) = await conversation.AnonymousChatAsync();

        await ConversationFixture.SayAsync(anonymous, id, "Ich möchte mit einem Mitarbeiter sprechen");
        var signInFirst = ConversationFixture.BotReply(await ConversationFixture.SayAsync(anonymous, id, "Ja", actionId: "consent:yes"));
        Assert.Contains("Bürgerkonto", signInFirst.GetProperty("text").GetString(), StringComparison.Ordinal);

        using var signedIn = conversation.Client(await conversation.CitizenTokenAsync("sepp.brandl"), key: created.GetProperty("accessKey").GetString());
        await ConversationFixture.SayAsync(signedIn, id, "Ja", actionId: "consent:yes");

        await Eventually.HoldsAsync(() => received.Count<ConversationEscalated>(e => e.ConversationId == id) == 1, "the escalation is published", Patience);
        var escalation = received.Messages.Select(m => m.Message).OfType<ConversationEscalated>().Single(e => e.ConversationId == id);
        Assert.NotNull(escalation.CitizenId);
        Assert.Equal("buergerservice", escalation.DepartmentId);
        using var sepp = conversation.Client(await conversation.CitizenTokenAsync("sepp.brandl"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await sepp.GetAsync($"/api/conversations/{id}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/conversations/{id}")).StatusCode);
    }

    [Fact]
    public async Task Case_opened_puts_the_reference_into_the_chat_once_however_often_it_arrives()
    {
        using var anna = conversation.Client(await conversation.CitizenTokenAsync("anna.huber"));
        var id = (await (await anna.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var ticket = await SampleHost.StartAsync(await conversation.NewDatabaseAsync("ticket"), conversation.RabbitSettings(await VirtualHostAsync()), "ticketstandin");
        var publisher = ticket.Services.GetRequiredService<IPublishEndpoint>();
        var opened = new CaseOpened(Guid.NewGuid(), "M-2026-000123", id, Guid.NewGuid(), null, "buergerbuero");
        var messageId = Guid.NewGuid();

        await publisher.Publish(opened, c => c.MessageId = messageId);
        await publisher.Publish(opened, c => c.MessageId = messageId);
        await publisher.Publish(new CaseMessagePosted(Guid.NewGuid(), opened.CaseId, id, "Ihr neuer Ausweis ist zur Abholung bereit.", opened.Reference,
            DepartmentId: "Bürgerbüro"));

        await Eventually.HoldsAsync(async () =>
        {
            var chat = await anna.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
            return chat.GetProperty("messages").EnumerateArray().Any(m => m.GetProperty("author").GetString() == "caseworker");
        }, "the caseworker's reply appears", Patience);
        var messages = (await anna.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}")).GetProperty("messages").EnumerateArray().ToList();
        Assert.Single(messages, m => m.GetProperty("author").GetString() == "system" && m.GetProperty("caseReference").GetString() == "M-2026-000123");
        Assert.StartsWith("Bürgerbüro: ", messages.Single(m => m.GetProperty("author").GetString() == "caseworker").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, messages.Count).Select(i => (long)i), messages.Select(m => m.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task An_issued_document_is_linked_in_the_chat_once_however_often_it_arrives()
    {
        using var emily = conversation.Client(await conversation.CitizenTokenAsync("emily.clarke"));
        var id = (await (await emily.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var ticket = await SampleHost.StartAsync(await conversation.NewDatabaseAsync("ticket"), conversation.RabbitSettings(await VirtualHostAsync()), "ticketstandin");
        var publisher = ticket.Services.GetRequiredService<IPublishEndpoint>();
        var issued = new DocumentIssued(Guid.NewGuid(), Guid.NewGuid(), id, "Meldebescheinigung", "7KQ2-M9XD-4HTR-B8WN");

        await publisher.Publish(issued);
        await publisher.Publish(issued);

        await Eventually.HoldsAsync(async () => (await emily.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}")).GetProperty("messages").EnumerateArray()
            .Any(m => m.GetProperty("text").GetString()!.Contains("7KQ2-M9XD-4HTR-B8WN", StringComparison.Ordinal)), "the document appears in the chat", Patience);
        await publisher.Publish(new CaseOpened(Guid.NewGuid(), "M-2026-000777", id, Guid.NewGuid(), null, "buergerbuero"));
        await Eventually.HoldsAsync(async () => (await emily.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}")).GetProperty("messages").EnumerateArray()
            .Any(m => m.GetProperty("caseReference").ValueKind == JsonValueKind.String), "a later message arrives after both deliveries", Patience);
        var messages = (await emily.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}")).GetProperty("messages").EnumerateArray().ToList();
        var link = Assert.Single(messages, m => m.GetProperty("text").GetString()!.Contains("7KQ2-M9XD-4HTR-B8WN", StringComparison.Ordinal));
        Assert.Contains($"/api/my/documents/{issued.DocumentId}", link.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_deletes_the_citizens_conversations_once_however_often_it_arrives()
    {
        using var olena = conversation.Client(await conversation.CitizenTokenAsync("olena.kovalenko"));
        var id = (await (await olena.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await ConversationFixture.SayAsync(olena, id, "Can I talk to a real person?");
        await ConversationFixture.SayAsync(olena, id, "No", actionId: "consent:no");
        var citizenId = Guid.Parse(OidcSubject(olena));
        using var identity = await SampleHost.StartAsync(await conversation.NewDatabaseAsync("identity-stand-in"), conversation.RabbitSettings(await VirtualHostAsync()),
            "erasurestandin");
        var erasure = new MucGov.Contracts.Identity.CitizenErasureRequested(Guid.NewGuid(), citizenId, DateTimeOffset.UtcNow);

        await identity.Services.GetRequiredService<IPublishEndpoint>().Publish(erasure);
        await identity.Services.GetRequiredService<IPublishEndpoint>().Publish(erasure);

        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = conversation.App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ConversationDbContext>();
            return !await db.Chats.AnyAsync(c => c.CitizenId == citizenId) && !await db.Consents.AnyAsync(c => c.CitizenId == citizenId)
                && !await db.Messages.AnyAsync(m => m.ConversationId == id);
        }, "the citizen's chats are gone", Patience);
    }

    private static string OidcSubject(HttpClient client) =>
        Identity.OidcFlow.Claims(client.DefaultRequestHeaders.Authorization!.Parameter!).GetProperty("sub").GetString()!;
}
