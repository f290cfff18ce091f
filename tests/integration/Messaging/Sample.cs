using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MucGov.Shared.Data;
using MucGov.Shared.Messaging;
using MucGov.Shared.Messaging.Inbox;

namespace MucGov.IntegrationTests.Messaging;

// A small service of its own, to prove the shared outbox and inbox on real PostgreSQL and RabbitMQ.

public sealed record WidgetCreated(Guid WidgetId, string Name);

public sealed record WidgetRenamed(Guid WidgetId, string Name);

public sealed class Widget
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public int Deliveries { get; set; }
}

public sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}

/// <summary>What the consumers saw, in arrival order.</summary>
public sealed class Received
{
    public ConcurrentQueue<(Guid? MessageId, object Message)> Messages { get; } = new();

    public int Count<T>() => Messages.Count(m => m.Message is T);

    public int Count<T>(Func<T, bool> predicate) => Messages.Count(m => m.Message is T t && predicate(t));
}

/// <summary>Records every delivery, duplicates included.</summary>
public sealed class WidgetCreatedRecorder(Received received) : IConsumer<WidgetCreated>
{
    public Task Consume(ConsumeContext<WidgetCreated> context)
    {
        received.Messages.Enqueue((context.MessageId, context.Message));
        return Task.CompletedTask;
    }
}

/// <summary>Counts deliveries into the widget row, once per message thanks to the inbox.</summary>
public sealed class WidgetCreatedCounter(SampleDbContext db, Received received) : IConsumer<WidgetCreated>
{
    public async Task Consume(ConsumeContext<WidgetCreated> context)
    {
        await db.ProcessOnceAsync(context, nameof(WidgetCreatedCounter), async ct =>
        {
            var widget = await db.Widgets.FindAsync([context.Message.WidgetId], ct);
            if (widget is null)
            {
                widget = new Widget { Id = context.Message.WidgetId, Name = context.Message.Name };
                db.Widgets.Add(widget);
            }

            widget.Deliveries++;
        });
        received.Messages.Enqueue((context.MessageId, context.Message));
    }
}

/// <summary>Renames a widget; a rename that arrives before its widget exists is retried, not dropped.</summary>
public sealed class WidgetRenamedConsumer(SampleDbContext db, Received received) : IConsumer<WidgetRenamed>
{
    public async Task Consume(ConsumeContext<WidgetRenamed> context)
    {
        received.Messages.Enqueue((context.MessageId, context.Message));
        await db.ProcessOnceAsync(context, nameof(WidgetRenamedConsumer), async ct =>
        {
            var widget = await db.Widgets.FindAsync([context.Message.WidgetId], ct)
                ?? throw new MessageOutOfOrderException($"Widget {context.Message.WidgetId} has not arrived yet.");
            widget.Name = context.Message.Name;
        });
    }
}

public static class SampleHost
{
    /// <summary>A host with the shared database and messaging registration, as a service has it.</summary>
    public static async Task<IHost> StartAsync(
        string connectionString,
        IDictionary<string, string?> rabbit,
        string prefix,
        Action<IBusRegistrationConfigurator>? consumers = null,
        Received? received = null,
        bool waitForBus = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sample"] = connectionString,
            ["Outbox:PollInterval"] = "00:00:00.250",
            ["Outbox:PublishTimeout"] = "00:00:01",
            ["Outbox:MaxRetryDelay"] = "00:00:02",
            ["Outbox:BatchSize"] = "25",
            ["RabbitMq:RetryIntervals:0"] = "00:00:00.200",
            ["RabbitMq:RetryIntervals:1"] = "00:00:00.500",
            ["RabbitMq:RetryIntervals:2"] = "00:00:01",
            ["RabbitMq:RetryIntervals:3"] = "00:00:02",
            ["RabbitMq:RetryIntervals:4"] = "00:00:05",
        });
        builder.Configuration.AddInMemoryCollection(rabbit);
        builder.AddServiceDatabase<SampleDbContext>("Sample");
        builder.AddServiceMessaging<SampleDbContext>(prefix, consumers);
        builder.Services.AddSingleton(received ?? new Received());
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = waitForBus;
            options.StartTimeout = TimeSpan.FromSeconds(60);
        });
        var host = builder.Build();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            // Test-only schema: the sample context has no migrations of its own.
            await scope.ServiceProvider.GetRequiredService<SampleDbContext>().Database.EnsureCreatedAsync();
        }

        await host.StartAsync();
        return host;
    }

    public static async Task<T> WithDbAsync<T>(this IHost host, Func<SampleDbContext, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SampleDbContext>());
    }
}

/// <summary>Records every delivery of <typeparamref name="T"/> (for events other services publish).</summary>
public sealed class Recorder<T>(Received received) : IConsumer<T> where T : class
{
    public Task Consume(ConsumeContext<T> context)
    {
        received.Messages.Enqueue((context.MessageId, context.Message));
        return Task.CompletedTask;
    }
}
