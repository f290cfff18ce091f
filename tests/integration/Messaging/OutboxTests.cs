using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MucGov.Shared.Messaging.Outbox;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Messaging;

public sealed class OutboxTests(Isolated isolated) : IClassFixture<Isolated>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task State_change_and_its_event_commit_together_and_the_event_is_published_with_the_outbox_id()
    {
        var vhost = await isolated.NewVirtualHostAsync("outbox");
        var received = new Received();
        using var consumer = await SampleHost.StartAsync(await isolated.NewDatabaseAsync("consumer"), isolated.RabbitSettings(vhost), "consumer",
            bus => bus.AddConsumer<WidgetCreatedRecorder>(), received);
        using var producer = await SampleHost.StartAsync(await isolated.NewDatabaseAsync("producer"), isolated.RabbitSettings(vhost), "producer");

        var widgetId = Guid.NewGuid();
        var messageId = await producer.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Widgets.Add(new Widget { Id = widgetId, Name = "Maibaum" });
            var id = db.AddToOutbox(new WidgetCreated(widgetId, "Maibaum"));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return id;
        });

        await Eventually.HoldsAsync(() => received.Count<WidgetCreated>(m => m.WidgetId == widgetId) == 1, "the event arrives", Patience);
        Assert.Equal(messageId, received.Messages.Single().MessageId);
        var row = await producer.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Id == messageId));
        Assert.NotNull(row.SentAt);
        Assert.True(await producer.WithDbAsync(db => db.Widgets.AnyAsync(w => w.Id == widgetId)));
    }

    [Fact]
    public async Task Rolled_back_state_change_publishes_nothing()
    {
        var vhost = await isolated.NewVirtualHostAsync("rollback");
        var received = new Received();
        using var consumer = await SampleHost.StartAsync(await isolated.NewDatabaseAsync("consumer"), isolated.RabbitSettings(vhost), "consumer",
            bus => bus.AddConsumer<WidgetCreatedRecorder>(), received);
        using var producer = await SampleHost.StartAsync(await isolated.NewDatabaseAsync("producer"), isolated.RabbitSettings(vhost), "producer");

        var rolledBack = Guid.NewGuid();
        await producer.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Widgets.Add(new Widget { Id = rolledBack, Name = "never" });
            db.AddToOutbox(new WidgetCreated(rolledBack, "never"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });
        // A later committed change: once its event is through, the rolled-back one would have been too.
        var committed = Guid.NewGuid();
        await producer.WithDbAsync(async db =>
        {
            db.Widgets.Add(new Widget { Id = committed, Name = "later" });
            db.AddToOutbox(new WidgetCreated(committed, "later"));
            return await db.SaveChangesAsync();
        });

        await Eventually.HoldsAsync(() => received.Count<WidgetCreated>(m => m.WidgetId == committed) == 1, "the committed event arrives", Patience);
        Assert.Equal(0, received.Count<WidgetCreated>(m => m.WidgetId == rolledBack));
        Assert.False(await producer.WithDbAsync(db => db.Widgets.AnyAsync(w => w.Id == rolledBack)));
        Assert.Equal(1, await producer.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task Event_committed_while_the_broker_is_unreachable_is_published_once_it_is_back()
    {
        var vhost = await isolated.NewVirtualHostAsync("broker-down");
        var received = new Received();
        using var consumer = await SampleHost.StartAsync(await isolated.NewDatabaseAsync("consumer"), isolated.RabbitSettings(vhost), "consumer",
            bus => bus.AddConsumer<WidgetCreatedRecorder>(), received);
        await using var network = new TcpRelay(isolated.Servers.RabbitAmqp.Host, isolated.Servers.RabbitAmqp.Port);
        network.Start();
        using var producer = await SampleHost.StartAsync(await isolated.NewDatabaseAsync("producer"), isolated.RabbitSettings(vhost, network.Port), "producer");

        await network.StopAsync();
        var widgetId = Guid.NewGuid();
        var messageId = await producer.WithDbAsync(async db =>
        {
            db.Widgets.Add(new Widget { Id = widgetId, Name = "Weißwurst" });
            var id = db.AddToOutbox(new WidgetCreated(widgetId, "Weißwurst"));
            await db.SaveChangesAsync();
            return id;
        });

        // The commit succeeded although the broker is away; the dispatcher fails and keeps the message.
        await Eventually.HoldsAsync(
            () => producer.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Id == messageId && m.Attempts > 0 && m.SentAt == null)),
            "a publish attempt has failed", Patience);
        Assert.Equal(0, received.Count<WidgetCreated>());

        network.Start();
        await Eventually.HoldsAsync(() => received.Count<WidgetCreated>(m => m.WidgetId == widgetId) >= 1, "the event arrives after the broker is back", Patience);
        await Eventually.HoldsAsync(
            () => producer.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Id == messageId && m.SentAt != null)),
            "the row is marked sent", Patience);
        Assert.Equal(1, received.Count<WidgetCreated>(m => m.WidgetId == widgetId));
        Assert.Equal(messageId, received.Messages.Single().MessageId);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_table_publish_every_message_exactly_once()
    {
        const int count = 300;
        var vhost = await isolated.NewVirtualHostAsync("two-dispatchers");
        var received = new Received();
        using var consumer = await SampleHost.StartAsync(await isolated.NewDatabaseAsync("consumer"), isolated.RabbitSettings(vhost), "consumer",
            bus => bus.AddConsumer<WidgetCreatedRecorder>(), received);
        var shared = await isolated.NewDatabaseAsync("producer");
        using var first = await SampleHost.StartAsync(shared, isolated.RabbitSettings(vhost), "producer");
        using var second = await SampleHost.StartAsync(shared, isolated.RabbitSettings(vhost), "producer");

        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        // Written in several commits while both dispatchers run, so both race for the same rows.
        foreach (var chunk in ids.Chunk(30))
        {
            await first.WithDbAsync(async db =>
            {
                foreach (var id in chunk)
                {
                    db.Widgets.Add(new Widget { Id = id, Name = "Brezn" });
                    db.AddToOutbox(new WidgetCreated(id, "Brezn"));
                }

                return await db.SaveChangesAsync();
            });
        }

        await Eventually.HoldsAsync(
            () => first.WithDbAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)),
            "every row is marked sent", Patience);
        // Everything published has been confirmed by the broker; a sentinel published last marks the end of the queue.
        var sentinel = Guid.NewGuid();
        await consumer.Services.GetRequiredService<IPublishEndpoint>().Publish(new WidgetCreated(sentinel, "sentinel"));
        await Eventually.HoldsAsync(() => received.Count<WidgetCreated>(m => m.WidgetId == sentinel) == 1, "the sentinel arrives", Patience);
        await Eventually.HoldsAsync(() => received.Count<WidgetCreated>() >= count + 1, "all messages arrive", Patience);

        var perWidget = received.Messages.Select(m => ((WidgetCreated)m.Message).WidgetId).Where(id => id != sentinel).GroupBy(id => id).ToList();
        Assert.Equal(count, perWidget.Count);
        Assert.All(perWidget, group => Assert.Single(group));
        Assert.Equal(ids.Order(), perWidget.Select(g => g.Key).Order());
    }
}
