using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Contracts.Conversation;
using MucGov.Conversation.Data;
using MucGov.IntegrationTests.Messaging;
using MucGov.Shared.Auth;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Conversation;

/// <summary>Procedures in the chat, end to end through the conversation service with the real identity and knowledge services.</summary>
public sealed class ProcedureChatTests(DialogueFixture conversation) : IClassFixture<DialogueFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private async Task<(Microsoft.Extensions.Hosting.IHost Host, Received Received)> BackOfficeAsync()
    {
        var received = new Received();
        var host = await SampleHost.StartAsync(await conversation.NewDatabaseAsync("back-office"), conversation.RabbitSettings(conversation.VirtualHost),
            "backoffice" + Guid.NewGuid().ToString("N")[..6], bus => bus.AddConsumer<Recorder<ProcedureSubmitted>>(), received);
        return (host, received);
    }

    private static string Text(JsonElement answer) => ConversationFixture.BotReply(answer).GetProperty("text").GetString()!;

    [Fact]
    public async Task Signed_in_citizen_gets_a_meldebescheinigung_prefilled_from_the_buergerkonto_and_confirming_twice_submits_once()
    {
        var (host, received) = await BackOfficeAsync();
        using var _ = host;
        using var anna = conversation.Client(await conversation.CitizenTokenAsync("anna.huber"));
        var id = (await (await anna.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var offer = await ConversationFixture.SayAsync(anna, id, "I need a Meldebescheinigung");
        var consent = await ConversationFixture.SayAsync(anna, id, "Yes, let's do it", actionId: "procedure:start");
        var purpose = await ConversationFixture.SayAsync(anna, id, "Yes, take them", actionId: "prefill:yes");
        var summary = await ConversationFixture.SayAsync(anna, id, "Arbeitgeber");
        var submitted = await ConversationFixture.SayAsync(anna, id, "yes", actionId: "procedure:submit");
        await ConversationFixture.SayAsync(anna, id, "yes");

        Assert.Contains("Shall we start?", Text(offer), StringComparison.Ordinal);
        Assert.Contains("Given name, Family name, Date of birth, Address", Text(consent), StringComparison.Ordinal);
        Assert.StartsWith("What do you need it for?", Text(purpose), StringComparison.Ordinal);
        Assert.Contains("Address: Leopoldstraße 42", Text(summary), StringComparison.Ordinal);
        Assert.Contains("certificate of registration has been issued", Text(submitted), StringComparison.Ordinal);
        await Eventually.HoldsAsync(() => received.Count<ProcedureSubmitted>(s => s.ConversationId == id) == 1, "the submission is published", Patience);
        await using var scope = conversation.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConversationDbContext>();
        await Eventually.HoldsAsync(async () => !await db.Set<MucGov.Shared.Messaging.Outbox.OutboxMessage>().AnyAsync(m => m.SentAt == null), "the outbox is empty", Patience);
        var submission = received.Messages.Select(m => m.Message).OfType<ProcedureSubmitted>().Single(s => s.ConversationId == id);
        Assert.Equal(("meldebescheinigung", "document", "buergerbuero"), (submission.ProcedureId, submission.Result, submission.DepartmentId));
        Assert.Equal("Huber", submission.Fields!["familyName"]);
        Assert.Equal("Arbeitgeber", submission.Fields["purpose"]);
        Assert.Equal("substantial", submission.TrustLevel);
        Assert.Equal(["givenName", "familyName", "birthDate", "address"], submission.PrefillFrom!.Select(p => p.Key));
        Assert.Equal(["givenName", "familyName", "birthDate", "address"], submission.Prefilled);
        var record = await db.Consents.SingleAsync(c => c.ConversationId == id);
        Assert.Equal(("procedure:meldebescheinigung", record.Id), (record.Purpose, submission.ConsentId!.Value));
        Assert.Null((await db.Chats.AsNoTracking().SingleAsync(c => c.Id == id)).Procedure);
    }

    [Theory]
    [InlineData("tr", "Meldebescheinigung almak istiyorum", "işveren")]
    [InlineData("uk", "Мені потрібна довідка про реєстрацію (Meldebescheinigung)", "роботодавець")]
    [InlineData("ru", "Мне нужна справка о регистрации, Meldebescheinigung", "работодатель")]
    [InlineData("ar", "أريد شهادة تسجيل السكن Meldebescheinigung", "صاحب العمل")]
    public async Task A_meldebescheinigung_runs_to_its_submission_in_the_chats_language(string language, string ask, string purpose)
    {
        var (host, received) = await BackOfficeAsync();
        using var _ = host;
        using var anna = conversation.Client(await conversation.CitizenTokenAsync("anna.huber"));
        var id = (await (await anna.PostAsJsonAsync("/api/conversations", new { language })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var offer = ConversationFixture.BotReply(await ConversationFixture.SayAsync(anna, id, ask));
        var consent = ConversationFixture.BotReply(await ConversationFixture.SayAsync(anna, id, "✓", actionId: "procedure:start"));
        var prefilled = ConversationFixture.BotReply(await ConversationFixture.SayAsync(anna, id, "✓", actionId: "prefill:yes"));
        var summary = ConversationFixture.BotReply(await ConversationFixture.SayAsync(anna, id, purpose));
        var submitted = ConversationFixture.BotReply(await ConversationFixture.SayAsync(anna, id, "✓", actionId: "procedure:submit"));

        Assert.All(new[] { offer, consent, prefilled, summary, submitted }, reply => Assert.Equal(language, reply.GetProperty("language").GetString()));
        Assert.Contains(offer.GetProperty("actions").EnumerateArray(), a => a.GetProperty("id").GetString() == "procedure:start");
        Assert.Contains(summary.GetProperty("actions").EnumerateArray(), a => a.GetProperty("id").GetString() == "procedure:submit");
        using var knowledge = conversation.Knowledge.CreateClient();
        var details = await knowledge.GetFromJsonAsync<JsonElement>($"/api/knowledge/services/meldebescheinigung?lang={language}");
        Assert.Equal(details.GetProperty("procedure").GetProperty("confirmation").GetString(), submitted.GetProperty("text").GetString());
        await Eventually.HoldsAsync(() => received.Count<ProcedureSubmitted>(s => s.ConversationId == id) == 1, "the submission is published", Patience);
        var submission = received.Messages.Select(m => m.Message).OfType<ProcedureSubmitted>().Single(s => s.ConversationId == id);
        Assert.Equal(("meldebescheinigung", language, "Arbeitgeber"), (submission.ProcedureId, submission.Language, submission.Fields!["purpose"]));
        Assert.Equal("Huber", submission.Fields["familyName"]);
    }

    [Fact]
    public async Task A_too_low_trust_level_gets_the_way_to_raise_it_and_the_procedure_continues_after()
    {
        var (host, received) = await BackOfficeAsync();
        using var _ = host;
        using var emily = conversation.Client(await conversation.CitizenTokenAsync("emily.clarke"));
        var id = (await (await emily.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await ConversationFixture.SayAsync(emily, id, "I need a Meldebescheinigung");
        await ConversationFixture.SayAsync(emily, id, "yes", actionId: "procedure:start");
        await ConversationFixture.SayAsync(emily, id, "yes", actionId: "prefill:yes");
        await ConversationFixture.SayAsync(emily, id, "Vermieter");

        var tooLow = await ConversationFixture.SayAsync(emily, id, "yes", actionId: "procedure:submit");
        await using (var scope = conversation.Identity.Services.CreateAsyncScope())
        {
            // What the eID check at /account/verify-eid does to the account (its own test is in the identity tests).
            var users = scope.ServiceProvider.GetRequiredService<UserManager<MucGov.Identity.Accounts.Account>>();
            var account = (await users.FindByNameAsync("emily.clarke"))!;
            account.TrustLevel = TrustLevels.High;
            await users.UpdateAsync(account);
        }

        var after = await ConversationFixture.SayAsync(emily, id, "continue");

        Assert.Contains("/account/verify-eid", Text(tooLow), StringComparison.Ordinal);
        Assert.Contains("certificate of registration has been issued", Text(after), StringComparison.Ordinal);
        await Eventually.HoldsAsync(() => received.Count<ProcedureSubmitted>(s => s.ConversationId == id) == 1, "the submission is published", Patience);
    }

    [Fact]
    public async Task A_certificate_cannot_be_filled_in_by_hand_nor_its_buergerkonto_fields_corrected()
    {
        var (host, received) = await BackOfficeAsync();
        using var _ = host;
        using var anna = conversation.Client(await conversation.CitizenTokenAsync("anna.huber"));
        var typed = (await (await anna.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var corrected = (await (await anna.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await ConversationFixture.SayAsync(anna, typed, "Ich brauche eine Meldebescheinigung");
        await ConversationFixture.SayAsync(anna, typed, "Ja", actionId: "procedure:start");
        var declined = await ConversationFixture.SayAsync(anna, typed, "Nein", actionId: "prefill:no");
        var afterwards = await ConversationFixture.SayAsync(anna, typed, "Max");

        await ConversationFixture.SayAsync(anna, corrected, "Ich brauche eine Meldebescheinigung");
        await ConversationFixture.SayAsync(anna, corrected, "Ja", actionId: "procedure:start");
        await ConversationFixture.SayAsync(anna, corrected, "Ja", actionId: "prefill:yes");
        await ConversationFixture.SayAsync(anna, corrected, "Behörde");
        var refused = await ConversationFixture.SayAsync(anna, corrected, "nein, der Familienname ist Mustermann");
        await ConversationFixture.SayAsync(anna, corrected, "Abschicken", actionId: "procedure:submit");

        Assert.Contains("nicht ausstellen", Text(declined), StringComparison.Ordinal);
        Assert.DoesNotContain("Familienname", Text(afterwards), StringComparison.Ordinal);
        Assert.StartsWith("Familienname kommt aus Ihrem Bürgerkonto", Text(refused), StringComparison.Ordinal);
        await Eventually.HoldsAsync(() => received.Count<ProcedureSubmitted>(s => s.ConversationId == corrected) == 1, "the corrected chat submits", Patience);
        var submission = received.Messages.Select(m => m.Message).OfType<ProcedureSubmitted>().Single(s => s.ConversationId == corrected);
        Assert.Equal("Huber", submission.Fields!["familyName"]);
        Assert.Equal(0, received.Count<ProcedureSubmitted>(s => s.ConversationId == typed));
        await using var scope = conversation.App.Services.CreateAsyncScope();
        Assert.Null((await scope.ServiceProvider.GetRequiredService<ConversationDbContext>().Chats.AsNoTracking().SingleAsync(c => c.Id == typed)).Procedure);
    }

    [Fact]
    public async Task Drafts_older_than_thirty_days_are_deleted_and_younger_ones_kept()
    {
        using var sepp = conversation.Client(await conversation.CitizenTokenAsync("sepp.brandl"));
        var old = (await (await sepp.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var young = (await (await sepp.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await ConversationFixture.SayAsync(sepp, old, "I need a Meldebescheinigung");
        await ConversationFixture.SayAsync(sepp, young, "I need a Meldebescheinigung");
        await using var scope = conversation.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConversationDbContext>();
        var monthAgo = DateTimeOffset.UtcNow.AddDays(-31).ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlAsync($"UPDATE conversations SET procedure = jsonb_set(procedure, '{{startedAt}}', to_jsonb({monthAgo}::text)) WHERE id = {old}");

        var deleted = await conversation.App.Services.GetRequiredService<MucGov.Conversation.Chats.ChatCleanup>().DeleteOldDraftsAsync(CancellationToken.None);

        Assert.True(deleted >= 1);
        Assert.Null((await db.Chats.AsNoTracking().SingleAsync(c => c.Id == old)).Procedure);
        Assert.NotNull((await db.Chats.AsNoTracking().SingleAsync(c => c.Id == young)).Procedure);
    }
}
