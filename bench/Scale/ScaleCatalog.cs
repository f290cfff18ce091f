using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MucGov.Bench.Scale;

/// <summary>
/// The scale benchmark's catalog: 5,000 generated services beside the sample's, each a copy of a sample service (its
/// department, locations, documents and fees) under a title of its own. Imported only into the scale database.
/// </summary>
public static class ScaleCatalog
{
    public const int Services = 5000;

    private static readonly string[] Subjects =
    [
        "Sondernutzung", "Zuschuss", "Genehmigung", "Bescheinigung", "Auskunft", "Antrag", "Erlaubnis", "Anzeige", "Förderung", "Beratung",
        "Prüfung", "Eintragung", "Registrierung", "Zulassung", "Befreiung", "Verlängerung", "Abmeldung", "Ausnahme", "Gutschein", "Nachweis",
    ];

    private static readonly string[] Things =
    [
        "Gehweg", "Hinterhof", "Kleingarten", "Fahrradständer", "Sportverein", "Lastenrad", "Dachbegrünung", "Spielplatz", "Straßenfest", "Marktstand",
        "Werbetafel", "Baumfällung", "Hundehaltung", "Photovoltaik", "Heizungstausch", "Nachbarschaftshilfe", "Jugendzentrum", "Musikschule",
        "Schankerlaubnis", "Flohmarkt", "Gartenwirtschaft", "Kita-Platz", "Tiefgarage", "Ladesäule", "Zisterne",
    ];

    private static readonly string[] Districts =
    [
        "Altstadt", "Maxvorstadt", "Schwabing", "Au", "Haidhausen", "Sendling", "Giesing", "Pasing", "Bogenhausen", "Neuhausen", "Moosach",
        "Milbertshofen", "Trudering", "Laim", "Hadern", "Ramersdorf", "Feldmoching", "Aubing", "Allach", "Thalkirchen",
    ];

    /// <summary>Writes the generated catalog (format, departments and locations as the sample's) to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(string path, CancellationToken ct)
    {
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(SamplePath, ct))!.AsObject();
        var templates = sample["services"]!.AsArray();
        var services = new JsonArray();
        for (var i = 0; i < Services; i++)
        {
            var service = templates[i % templates.Count]!.DeepClone().AsObject();
            var subject = Subjects[i % Subjects.Length];
            var thing = Things[i / Subjects.Length % Things.Length];
            var district = Districts[i / (Subjects.Length * Things.Length) % Districts.Length];
            var number = (i + 1).ToString("D4", CultureInfo.InvariantCulture);
            service["id"] = $"gen-{number}-{service["id"]}";
            service["leikaKey"] = null;
            service["title"] = new JsonObject { ["de"] = $"{subject} {thing} {district} ({number})" };
            service["summary"] = new JsonObject
            {
                ["de"] = $"{subject} für {thing} im Stadtbezirk {district}: ein erzeugter Eintrag für Messungen mit großem Katalog.",
            };
            service["description"] = null;
            service["synonyms"] = new JsonObject { ["de"] = new JsonArray($"{thing} {district}", $"{subject.ToLowerInvariant()} {number}") };
            service["procedure"] = null;
            service["related"] = new JsonArray();
            foreach (var list in new[] { "documents", "fees", "checklist" })
            {
                service[list] = new JsonArray([.. service[list]!.AsArray().Select(e => (JsonNode?)new JsonObject { ["de"] = e!["de"]!.DeepClone() })]);
            }

            service["processingTime"] = service["processingTime"] is JsonObject time ? new JsonObject { ["de"] = time["de"]!.DeepClone() } : null;
            services.Add(service);
        }

        var catalog = new JsonObject
        {
            ["format"] = sample["format"]!.DeepClone(),
            ["departments"] = sample["departments"]!.DeepClone(),
            ["locations"] = sample["locations"]!.DeepClone(),
            ["services"] = services,
            ["lifeSituations"] = new JsonArray(),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, catalog.ToJsonString(new JsonSerializerOptions { WriteIndented = false }), ct);
    }

    private static string SamplePath => Path.Combine(Repository.Root, "services", "Knowledge", "Catalog", "Sample", "catalog.json");
}
