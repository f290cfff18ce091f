using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MucGov.Shared.Messaging.Outbox;

namespace MucGov.Shared.Messaging;

/// <summary>Registers MassTransit on RabbitMQ with the outbox and inbox on a service's database.</summary>
public static class Extensions
{
    /// <summary>
    /// A consumer on its own auto-delete queue per instance, bound to the message's fan-out exchange: every instance
    /// hears every message (what its open live streams need), unlike a service queue where one instance takes each.
    /// </summary>
    public static void AddFanOutConsumer<TConsumer>(this IBusRegistrationConfigurator bus) where TConsumer : class, IConsumer =>
        bus.AddConsumer<TConsumer>().Endpoint(endpoint =>
        {
            endpoint.Temporary = true;
            endpoint.InstanceId = Guid.NewGuid().ToString("N")[..12];
        });

    /// <summary>
    /// Adds the bus (settings from <c>RabbitMq</c>), the outbox dispatcher and clean-up for <typeparamref name="TContext"/>
    /// (settings from <c>Outbox</c>), and a broker health check that reports <c>Degraded</c> at worst, so a broker outage
    /// never makes the service unready. Queues are named <c>{endpointPrefix}-{message-name}</c>, which is what the
    /// service's RabbitMQ user is allowed to use.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="endpointPrefix">The service's short name, prefix of all its queues.</param>
    /// <param name="configure">Adds the service's consumers and request clients.</param>
    public static IHostApplicationBuilder AddServiceMessaging<TContext>(
        this IHostApplicationBuilder builder,
        string endpointPrefix,
        Action<IBusRegistrationConfigurator>? configure = null) where TContext : DbContext
    {
        builder.Services.AddOptions<RabbitMqOptions>().BindConfiguration(RabbitMqOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxCommitInterceptor>();
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        builder.Services.AddHostedService<OutboxCleanup<TContext>>();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(endpointPrefix, includeNamespace: false));
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "broker";
                health.MinimalFailureStatus = HealthStatus.Degraded;
                health.Tags.Add(ServiceDefaults.Extensions.ReadyTag);
            });
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                var rabbit = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                endpoint.UseMessageRetry(retry => retry.Intervals(rabbit.EffectiveRetryIntervals));
                if (rabbit.UseQuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator queue)
                {
                    queue.SetQuorumQueue();
                }
            });
            configure?.Invoke(bus);

            bus.UsingRabbitMq((context, rmq) =>
            {
                var rabbit = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                rmq.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, host =>
                {
                    host.Username(rabbit.Username);
                    host.Password(rabbit.Password);
                    host.PublisherConfirmation = true;
                    host.ConnectionName(endpointPrefix);
                });
                rmq.PrefetchCount = rabbit.PrefetchCount;
                // The reply queue must carry the service prefix too, or the service's user may not declare it.
                rmq.OverrideDefaultBusEndpointQueueName($"{endpointPrefix}-bus-{Environment.MachineName.ToLowerInvariant()}-{Guid.NewGuid():N}");
                rmq.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
