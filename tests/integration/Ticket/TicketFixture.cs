using System.Collections.Concurrent;
using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MucGov.Contracts.Conversation;
using MucGov.Contracts.Ticket;
using MucGov.IntegrationTests.Hosting;
using MucGov.IntegrationTests.Identity;
using MucGov.IntegrationTests.Messaging;
using MucGov.Testing;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;

namespace MucGov.IntegrationTests.Ticket;

/// <summary>
/// The ticket service with identity (real tokens) and knowledge (departments' hours over RabbitMQ) on one virtual host,
/// and a stand-in for the conversation service that publishes its events and records the ticket service's.
/// </summary>
public sealed class TicketFixture : Isolated
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, Task<string>> tokens = new();

    public RunningApp Identity { get; private set; } = null!;
    public RunningApp Knowledge { get; private set; } = null!;
    public RunningApp App { get; private set; } = null!;
    public IHost Chat { get; private set; } = null!;
    public Received Events { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var vhost = await NewVirtualHostAsync("ticket");
        Identity = await Apps.StartFreshAsync(this, "identity", vhost, kestrel: true);
        Knowledge = await Apps.StartFreshAsync(this, "knowledge", vhost);
        App = await Apps.StartFreshAsync(this, "ticket", vhost, extra: new Dictionary<string, string?>
        {
            ["Auth:MetadataAddress"] = Apps.MetadataOf(Identity),
            ["Sla:DirectoryRetryInterval"] = "00:00:00.500",
        });
        Chat = await SampleHost.StartAsync(await NewDatabaseAsync("conversation-stand-in"), RabbitSettings(vhost), "chatstandin", bus =>
        {
            bus.AddConsumer<Recorder<CaseOpened>>();
            bus.AddConsumer<Recorder<CaseAssigned>>();
            bus.AddConsumer<Recorder<CaseMessagePosted>>();
            bus.AddConsumer<Recorder<CaseTransferred>>();
            bus.AddConsumer<Recorder<CaseResolved>>();
            bus.AddConsumer<Recorder<CaseSlaBreached>>();
            bus.AddConsumer<Recorder<DocumentIssued>>();
        }, Events);
        await Eventually.HoldsAsync(async () => await WithDbAsync(db => db.Departments.CountAsync()) >= 16, "the departments' hours are cached", Patience);
    }

    /// <summary>A token as the demo account would get it: staff (who have an authenticator) for the queue, citizens for their cases.</summary>
    public Task<string> TokenAsync(string username) =>
        tokens.GetOrAdd(username, async name => await IdentityFixture.AccessTokenAsync(Identity, name,
            await IdentityFixture.TotpSecretAsync(Identity, name) is null ? "openid profile cases" : "openid profile queue"));

    public HttpClient Client(string? token = null)
    {
        var client = App.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task<HttpClient> ClientOfAsync(string username) => Client(await TokenAsync(username));

    public Task<Guid> CitizenIdAsync(string username) => IdentityFixture.CitizenIdAsync(Identity, username);

    public Task PublishAsync<T>(T message) where T : class => Chat.Services.GetRequiredService<IPublishEndpoint>().Publish(message);

    /// <summary>What the conversation service sends when a citizen consents.</summary>
    public static ConversationEscalated Escalation(string department, string language = "de", Guid? citizen = null, string? service = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), citizen, service, department, language, "asked-for-person",
        [new TranscriptEntry(1, "citizen", "Ich brauche Hilfe mit meinem Anliegen.", DateTimeOffset.UtcNow.AddMinutes(-2)), new TranscriptEntry(2, "bot",
            "Soll ich Sie verbinden?", DateTimeOffset.UtcNow.AddMinutes(-1))],
        citizen is null ? null : new Dictionary<string, string> { ["givenName"] = "Anna", ["familyName"] = "Huber", ["email"] = "anna.huber@example.org" },
        Guid.NewGuid(), DateTimeOffset.UtcNow);

    /// <summary>Publishes an escalation and waits for its case.</summary>
    public async Task<CaseOpened> OpenAsync(ConversationEscalated escalation)
    {
        await PublishAsync(escalation);
        await Eventually.HoldsAsync(() => Events.Count<CaseOpened>(o => o.EscalationId == escalation.EscalationId) >= 1, "the case is opened", Patience);
        return Events.Messages.Select(m => m.Message).OfType<CaseOpened>().First(o => o.EscalationId == escalation.EscalationId);
    }

    public async Task<T> WithDbAsync<T>(Func<TicketDbContext, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TicketDbContext>());
    }

    public Task<Case> CaseAsync(Guid id) => WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));

    public Task<List<CaseHistoryEntry>> HistoryAsync(Guid id) => WithDbAsync(db => db.History.AsNoTracking().Where(h => h.CaseId == id).OrderBy(h => h.Id).ToListAsync());

    public override async ValueTask DisposeAsync()
    {
        Chat.Dispose();
        await App.DisposeAsync();
        await Knowledge.DisposeAsync();
        await Identity.DisposeAsync();
        await base.DisposeAsync();
    }
}
