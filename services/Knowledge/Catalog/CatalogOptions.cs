namespace MucGov.Knowledge.Catalog;

/// <summary>Settings of the <c>Catalog</c> section.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Load <see cref="SampleFile"/> at start when the catalog is empty (first local start).</summary>
    public bool SeedSampleWhenEmpty { get; set; }

    /// <summary>The sample catalog, relative to the content root.</summary>
    public string SampleFile { get; set; } = "Catalog/Sample/catalog.json";
}

/// <summary>Loads the sample catalog into an empty database (Development).</summary>
public sealed partial class SampleCatalogSeeder(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<CatalogOptions> options, IHostEnvironment environment, ILogger<SampleCatalogSeeder> logger) : IHostedService
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
        var (departments, locations, services) = await scope.ServiceProvider.GetRequiredService<CatalogStore>().ImportAsync(file, cancellationToken);
        LogSeeded(departments, locations, services, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "Database not reachable; the sample catalog was not loaded: {Reason}")]
    private partial void LogUnreachable(string reason);

    [LoggerMessage(LogLevel.Information, "Sample catalog loaded: {Departments} departments, {Locations} locations, {Services} services from {Path}")]
    private partial void LogSeeded(int departments, int locations, int services, string path);
}

/// <summary>Reading and writing catalog files, and the operators' <c>import</c> / <c>export</c> commands.</summary>
public static class CatalogFiles
{
    public static async Task<CatalogFile> ReadAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return await System.Text.Json.JsonSerializer.DeserializeAsync<CatalogFile>(stream, CatalogFile.Json, ct)
            ?? throw new CatalogImportException($"{path} is empty.");
    }

    public static bool IsCatalogCommand(this WebApplication app, string[] args) => args is ["import" or "export", ..];

    /// <summary><c>import [FILE]</c> (default: the sample) or <c>export FILE</c>; returns the exit code.</summary>
    public static async Task<int> RunCatalogCommandAsync(this WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CatalogStore>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CatalogOptions>>().Value;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            if (args[0] == "import")
            {
                var path = args.Length > 1 ? args[1] : Path.Combine(app.Environment.ContentRootPath, options.SampleFile);
                var (departments, locations, services) = await store.ImportAsync(await ReadAsync(path, timeout.Token), timeout.Token);
                Console.WriteLine($"Imported {departments} departments, {locations} locations, {services} services from {path}.");
                return 0;
            }

            if (args.Length < 2)
            {
                Console.Error.WriteLine("usage: export FILE");
                return 2;
            }

            var file = await store.ExportAsync(timeout.Token);
            await File.WriteAllTextAsync(args[1], System.Text.Json.JsonSerializer.Serialize(file, CatalogFile.Json), timeout.Token);
            Console.WriteLine($"Exported {file.Services.Count} services to {args[1]}.");
            return 0;
        }
        catch (Exception ex) when (ex is CatalogImportException or System.Text.Json.JsonException or IOException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
