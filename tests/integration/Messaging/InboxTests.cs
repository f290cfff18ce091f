using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Shared.Messaging.Inbox;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Messaging;

public sealed class InboxTests(Isolated isolated) : IClassFixture<Isolated>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_same_message_delivered_twice_takes_effect_once()
    {
        var vhost = await isolated.NewVirtualHostAsync("inbox");
        var received = new Received();
        using var consumer = await SampleHost.StartAsync(await isolated.NewDatabaseAsync("consumer"), isolated.RabbitSettings(vhost), "consumer",
            bus => bus.AddConsumer<WidgetCreatedCounter>(), received);
        var publisher = consumer.Services.GetRequiredService<IPublishEndpoint>();

        var widgetId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        // What a redelivery looks like to a consumer: the same message id again (here twice in a row and once concurrently).
        await publisher.Publish(new WidgetCreated(widgetId, "Obatzda"), context => context.MessageId = messageId);
        await publisher.Publish(new WidgetCreated(widgetId, "Obatzda"), context => context.MessageId = messageId);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            publisher.Publish(new WidgetCreated(widgetId, "Obatzda"), context => context.MessageId = messageId)));

        await Eventually.HoldsAsync(() => received.Count<WidgetCreated>() == 6, "all six deliveries are handled", Patience);
        var widget = await consumer.WithDbAsync(db => db.Widgets.SingleAsync(w => w.Id == widgetId));
        Assert.Equal(1, widget.Deliveries);
        Assert.Equal(1, await consumer.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task Different_messages_each_take_effect()
    {
        var vhost = await isolated.NewVirtualHostAsync("inbox-distinct");
        var received = new Received();
        using var consumer = await SampleHost.StartAsync(await isolated.NewDatabaseAsync("consumer"), isolated.RabbitSettings(vhost), "consumer",
            bus => bus.AddConsumer<WidgetCreatedCounter>(), received);
        var publisher = consumer.Services.GetRequiredService<IPublishEndpoint>();

        var widgetId = Guid.NewGuid();
        await publisher.Publish(new WidgetCreated(widgetId, "Radi"));
        await publisher.Publish(new WidgetCreated(widgetId, "Radi"));

        await Eventually.HoldsAsync(() => received.Count<WidgetCreated>() == 2, "both deliveries are handled", Patience);
        Assert.Equal(2, (await consumer.WithDbAsync(db => db.Widgets.SingleAsync(w => w.Id == widgetId))).Deliveries);
    }

    [Fact]
    public async Task A_message_that_arrives_before_its_parent_is_retried_and_applied_once_the_parent_exists()
    {
        var vhost = await isolated.NewVirtualHostAsync("reorder");
        var received = new Received();
        var database = await isolated.NewDatabaseAsync("consumer");
        using var consumer = await SampleHost.StartAsync(database, isolated.RabbitSettings(vhost), "consumer",
            bus => bus.AddConsumer<WidgetRenamedConsumer>(), received);
        var widgetId = Guid.NewGuid();

        await consumer.Services.GetRequiredService<IPublishEndpoint>().Publish(new WidgetRenamed(widgetId, "Leberkas"));
        await Eventually.HoldsAsync(() => received.Count<WidgetRenamed>() >= 2, "the rename was tried and retried", Patience);
        Assert.False(await consumer.WithDbAsync(db => db.Widgets.AnyAsync(w => w.Id == widgetId)));

        await consumer.WithDbAsync(async db =>
        {
            db.Widgets.Add(new Widget { Id = widgetId, Name = "unnamed" });
            return await db.SaveChangesAsync();
        });

        await Eventually.HoldsAsync(
            async () => (await consumer.WithDbAsync(db => db.Widgets.AsNoTracking().SingleAsync(w => w.Id == widgetId))).Name == "Leberkas",
            "the retried rename is applied", Patience);
        Assert.Null(await isolated.Servers.QueueDepthAsync(vhost, "consumer-widget-renamed_error"));
    }
}
