using Microsoft.Extensions.Diagnostics.HealthChecks;
using MucGov.Identity.Seed;

namespace MucGov.Identity.Oidc;

/// <summary>
/// Registers the OIDC clients (and, in Development, the demo accounts) once the database answers, retrying with
/// back-off. Until it has succeeded the service is live but not ready (<see cref="IdentityStartupCheck"/>), so no
/// sign-in is routed to a replica that does not know its clients yet.
/// </summary>
public sealed partial class IdentityStartup(ClientRegistration clients, DemoAccounts demo, ILogger<IdentityStartup> logger) : BackgroundService
{
    public bool Completed { get; private set; }

    public string? LastError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await clients.RunAsync(stoppingToken);
                await demo.RunAsync(stoppingToken);
                Completed = true;
                LastError = null;
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not IdentityConfigurationException)
            {
                LastError = ex.Message;
                LogRetry(delay, ex.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Client registration failed; retrying in {Delay}: {Reason}")]
    private partial void LogRetry(TimeSpan delay, string reason);
}

/// <summary>Ready only once the clients are registered.</summary>
public sealed class IdentityStartupCheck(IdentityStartup startup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(startup.Completed
            ? HealthCheckResult.Healthy("Clients registered")
            : HealthCheckResult.Unhealthy(startup.LastError is null ? "Registering clients" : $"Registering clients failed: {startup.LastError}"));
}

/// <summary>A setting is wrong; waiting will not fix it, so the service stops with this message.</summary>
public sealed class IdentityConfigurationException(string message) : Exception(message);
