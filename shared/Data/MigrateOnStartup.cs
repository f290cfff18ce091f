using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MucGov.Shared.Data;

/// <summary>Applies migrations before the service starts serving (Development and tests only).</summary>
internal sealed class MigrateOnStartup(IEnumerable<IDatabaseMigrator> migrators, IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        foreach (var migrator in migrators)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
