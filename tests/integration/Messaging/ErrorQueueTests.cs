using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Messaging
{
    /// <summary>
    /// A poison message as an operator meets it: a consumer fails on it until its retries are spent, MassTransit moves
    /// it to the queue's <c>_error</c> queue, <c>./mucgov errors list</c> shows it, and once the fixed consumer runs,
    /// <c>./mucgov errors replay</c> brings it back exactly once.
    /// </summary>
    public sealed class ErrorQueueTests(Isolated isolated) : IClassFixture<Isolated>
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

        private Task<(int ExitCode, string Output)> ErrorsAsync(string vhost, string action, string queue) =>
            MucGovCommand.ErrorsAsync(action, queue, isolated.Servers.RabbitManagement, vhost, isolated.Servers.RabbitUser, isolated.Servers.RabbitPassword);

        [Fact]
        public async Task A_poison_message_lands_in_the_error_queue_is_listed_and_replayed_once_when_fixed()
        {
            var vhost = await isolated.NewVirtualHostAsync("errors");
            var poison = new WidgetCreated(Guid.NewGuid(), "Leberkäs");
            // Stopped, not disposed until the end: MassTransit keeps a process-wide log context on the first host's logger factory.
            using var broken = await SampleHost.StartAsync(await isolated.NewDatabaseAsync("broken"), isolated.RabbitSettings(vhost), "errs",
                bus => bus.AddConsumer<Broken.WidgetWorker>());
            await broken.Services.GetRequiredService<IPublishEndpoint>().Publish(poison);
            await Eventually.HoldsAsync(async () => await isolated.Servers.QueueDepthAsync(vhost, "errs-widget-worker_error") == 1,
                "the message is in the error queue", Patience);
            await broken.StopAsync();

            var listed = await ErrorsAsync(vhost, "list", "errs-widget-worker");
            var received = new Received();
            using var fixedHost = await SampleHost.StartAsync(await isolated.NewDatabaseAsync("fixed"), isolated.RabbitSettings(vhost), "errs",
                bus => bus.AddConsumer<Fixed.WidgetWorker>(), received);
            var replayed = await ErrorsAsync(vhost, "replay", "errs-widget-worker");

            Assert.Equal(0, listed.ExitCode);
            Assert.Contains("errs-widget-worker_error: 1 message(s)", listed.Output, StringComparison.Ordinal);
            Assert.Contains("InvalidOperationException", listed.Output, StringComparison.Ordinal);
            Assert.Contains("Leberkäs", listed.Output, StringComparison.Ordinal);
            Assert.Equal(0, replayed.ExitCode);
            Assert.Contains("replayed 1 message(s)", replayed.Output, StringComparison.Ordinal);
            await Eventually.HoldsAsync(() => received.Count<WidgetCreated>(w => w.WidgetId == poison.WidgetId) == 1, "the fixed consumer gets it", Patience);
            await Eventually.HoldsAsync(async () => await isolated.Servers.QueueDepthAsync(vhost, "errs-widget-worker_error") == 0,
                "the error queue is empty", Patience);
            Assert.Equal(1, received.Count<WidgetCreated>(w => w.WidgetId == poison.WidgetId));
        }
    }
}

namespace MucGov.IntegrationTests.Messaging.Broken
{
    /// <summary>The consumer with the bug: fails on every message.</summary>
    public sealed class WidgetWorker : IConsumer<WidgetCreated>
    {
        public Task Consume(ConsumeContext<WidgetCreated> context) => throw new InvalidOperationException($"Cannot make {context.Message.Name} yet.");
    }
}

namespace MucGov.IntegrationTests.Messaging.Fixed
{
    /// <summary>The same consumer (same queue) after the fix.</summary>
    public sealed class WidgetWorker(Received received) : IConsumer<WidgetCreated>
    {
        public Task Consume(ConsumeContext<WidgetCreated> context)
        {
            received.Messages.Enqueue((context.MessageId, context.Message));
            return Task.CompletedTask;
        }
    }
}
