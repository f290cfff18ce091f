using MucGov.Knowledge.Catalog;

namespace MucGov.Knowledge.Tests;

/// <summary>The sample catalog as shipped beside the knowledge service (a fresh copy per call: tests may change it).</summary>
internal static class SampleCatalog
{
    public static CatalogFile Read() => System.Text.Json.JsonSerializer.Deserialize<CatalogFile>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalog", "Sample", "catalog.json")), CatalogFile.Json)!;
}
