namespace MucGov.Knowledge.Catalog;

/// <summary>Loads the sample catalog into an empty database (Development).</summary>
public sealed partial class SampleCatalogSeeder(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<CatalogOptions> options, IHostEnvironment environment,
    ILogger<SampleCatalogSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedSampleWhenEmpty)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.KnowledgeDbContext>();
        try
        {
            if (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Services, cancellationToken))
            {
                return;
            }
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException { InnerException: Npgsql.NpgsqlException })
        {
            // A convenience of the first local start, not a reason to stay down: the service starts unready and seeds next time.
            LogUnreachable(ex.Message);
            return;
        }

        var path = Path.Combine(environment.ContentRootPath, options.Value.SampleFile);
        var file = await CatalogFiles.ReadAsync(path, cancellationToken);
        var (departments, locations, services, situations) = await scope.ServiceProvider.GetRequiredService<CatalogStore>().ImportAsync(file, cancellationToken);
        LogSeeded(departments, locations, services, situations, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "Database not reachable; the sample catalog was not loaded: {Reason}")]
    private partial void LogUnreachable(string reason);

    [LoggerMessage(LogLevel.Information,
        "Sample catalog loaded: {Departments} departments, {Locations} locations, {Services} services, {LifeSituations} life situations from {Path}")]
    private partial void LogSeeded(int departments, int locations, int services, int lifeSituations, string path);
}
