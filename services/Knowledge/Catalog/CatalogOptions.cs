namespace MucGov.Knowledge.Catalog;

/// <summary>Settings of the <c>Catalog</c> section.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Load <see cref="SampleFile"/> at start when the catalog is empty (first local start).</summary>
    public bool SeedSampleWhenEmpty { get; set; }

    /// <summary>The sample catalog, relative to the content root.</summary>
    public string SampleFile { get; set; } = "Catalog/Sample/catalog.json";

    /// <summary>Run a few searches while starting, before reporting ready, so the first citizen's question is answered at once.</summary>
    public bool WarmUpSearch { get; set; } = true;
}
