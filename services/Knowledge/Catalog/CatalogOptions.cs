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

    /// <summary>
    /// How often the catalog in memory asks the database whether the catalog changed: another instance's change (an
    /// editor's, an import's) is seen within this time; this instance's own at once.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ChangeCheckInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
