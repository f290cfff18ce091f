namespace MucGov.Knowledge.Catalog;

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
                var (departments, locations, services, situations) = await store.ImportAsync(await ReadAsync(path, timeout.Token), timeout.Token);
                Console.WriteLine($"Imported {departments} departments, {locations} locations, {services} services, {situations} life situations from {path}.");
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
