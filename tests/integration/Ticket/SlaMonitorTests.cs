using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MucGov.Contracts.Ticket;
using MucGov.IntegrationTests.Hosting;
using MucGov.IntegrationTests.Messaging;
using MucGov.Testing;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;
using MucGov.Ticket.Sla;
using Xunit;

namespace MucGov.IntegrationTests.Ticket;

/// <summary>Two replicas of the ticket service on one database, both on a fake clock that starts on Maundy Thursday 2026, 15:00 in Munich.</summary>
public sealed class SlaFixture : Isolated
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 4, 2, 15, 0, 0, TimeSpan.FromHours(2)).ToUniversalTime());
    public RunningApp Knowledge { get; private set; } = null!;
    public RunningApp[] Replicas { get; private set; } = [];
    public IHost Chat { get; private set; } = null!;
    public Received Events { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var vhost = await NewVirtualHostAsync("sla");
        Knowledge = await Apps.StartFreshAsync(this, "knowledge", vhost);
        var settings = Apps.Settings(this, "ticket", await NewDatabaseAsync("ticket"), vhost);
        settings["Sla:MonitorInterval"] = "00:01:00";
        var replicas = new List<RunningApp>();
        for (var i = 0; i < 2; i++)
        {
            // One after the other: the first applies the migrations.
            var replica = Apps.Start("ticket", settings, services: s => s.AddSingleton<TimeProvider>(Clock));
            using var client = replica.CreateClient();
            await Eventually.HoldsAsync(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode, "the replica is ready", TimeSpan.FromSeconds(60));
            replicas.Add(replica);
        }

        Replicas = [.. replicas];
        Chat = await SampleHost.StartAsync(await NewDatabaseAsync("conversation-stand-in"), RabbitSettings(vhost), "slastandin", bus =>
        {
            bus.AddConsumer<Recorder<CaseOpened>>();
            bus.AddConsumer<Recorder<CaseSlaBreached>>();
        }, Events);
        // The refresher's retries wait on the fake clock: fill the cache directly, as the refresher does.
        await using var scope = Replicas[0].Services.CreateAsyncScope();
        Xunit.Assert.True(await scope.ServiceProvider.GetRequiredService<MucGov.Ticket.Departments.DepartmentDirectoryClient>().RefreshAsync(CancellationToken.None),
            "the knowledge service sent the departments");
    }

    public async Task<T> WithDbAsync<T>(Func<TicketDbContext, Task<T>> work)
    {
        await using var scope = Replicas[0].Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TicketDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        Chat.Dispose();
        foreach (var replica in Replicas)
        {
            await replica.DisposeAsync();
        }

        await Knowledge.DisposeAsync();
        await base.DisposeAsync();
    }
}

public sealed class SlaMonitorTests(SlaFixture sla) : IClassFixture<SlaFixture>
{
    [Fact]
    public async Task Deadlines_count_business_hours_across_easter_and_each_breach_is_reported_once_by_two_replicas()
    {
        var opened = new List<CaseOpened>();
        for (var i = 0; i < 12; i++)
        {
            var escalation = TicketFixture.Escalation("buergerbuero");
            await sla.Chat.Services.GetRequiredService<IPublishEndpoint>().Publish(escalation);
            await Eventually.HoldsAsync(() => sla.Events.Count<CaseOpened>(o => o.EscalationId == escalation.EscalationId) == 1, "the case is opened", TicketFixture.Patience);
            opened.Add(sla.Events.Messages.Select(m => m.Message).OfType<CaseOpened>().Single(o => o.EscalationId == escalation.EscalationId));
        }

        // Bürgerbüro: Thursday until 18:00 (3 h), Good Friday, the weekend and Easter Monday are closed, Tuesday from 08:00 (5 h).
        var due = new DateTimeOffset(2026, 4, 7, 13, 0, 0, TimeSpan.FromHours(2));
        Assert.All(opened, o => Assert.Equal(due, o.SlaDueAt));
        sla.Clock.SetUtcNow(due.AddMinutes(-1).ToUniversalTime());
        Assert.Equal(0, await sla.Replicas[0].Services.GetRequiredService<SlaMonitor>().ReportBreachesAsync(CancellationToken.None));

        sla.Clock.SetUtcNow(due.AddMinutes(2).ToUniversalTime());
        // Both replicas' monitors woke up with the clock; race them further by hand.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => sla.Replicas[i % 2].Services.GetRequiredService<SlaMonitor>().ReportBreachesAsync(CancellationToken.None)));

        var ids = opened.Select(o => o.CaseId).ToHashSet();
        await Eventually.HoldsAsync(() => ids.All(id => sla.Events.Count<CaseSlaBreached>(b => b.CaseId == id) >= 1), "every breach is published", TicketFixture.Patience);
        var breaches = await sla.WithDbAsync(db => db.History.Where(h => ids.Contains(h.CaseId) && h.Action == "sla-breached").CountAsync());
        var cases = await sla.WithDbAsync(db => db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync());
        Assert.Equal(ids.Count, breaches);
        Assert.All(ids, id => Assert.Equal(1, sla.Events.Count<CaseSlaBreached>(b => b.CaseId == id)));
        Assert.All(cases, c => Assert.Equal((Priorities.High, (DateTimeOffset?)due), (c.Priority, c.SlaBreachReportedFor)));
        Assert.All(sla.Events.Messages.Select(m => m.Message).OfType<CaseSlaBreached>(), b => Assert.Equal(("buergerbuero", (DateTimeOffset?)due), (b.DepartmentId, b.SlaDueAt)));
    }
}
