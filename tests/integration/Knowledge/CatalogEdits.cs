using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.IntegrationTests.Hosting;
using MucGov.Knowledge.Catalog;
using MucGov.Knowledge.Data;

namespace MucGov.IntegrationTests.Knowledge;

/// <summary>Edits of the sample catalog that tests need: a service without one of its translations.</summary>
public static class CatalogEdits
{
    /// <summary>The service's catalog entry as stored, as JSON to edit.</summary>
    public static async Task<JsonObject> EntryAsync(RunningApp knowledge, string id)
    {
        await using var scope = knowledge.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>().Services.AsNoTracking().SingleAsync(s => s.Id == id);
        return JsonSerializer.SerializeToNode(row.Entry, CatalogFile.Json)!.AsObject();
    }

    /// <summary>The service without its texts in <paramref name="language"/> (the sample has every language), written as an import would.</summary>
    public static async Task WithoutLanguageAsync(RunningApp knowledge, string id, string language)
    {
        var entry = await EntryAsync(knowledge, id);
        Strip(entry, language);
        await using var scope = knowledge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        var row = await db.Services.SingleAsync(s => s.Id == id);
        row.Apply(entry.Deserialize<ServiceEntry>(CatalogFile.Json)!, row.Version + 1, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    private static void Strip(JsonNode? node, string language)
    {
        switch (node)
        {
            case JsonObject o:
                if (o.ContainsKey("de") && o.ContainsKey(language))
                {
                    o.Remove(language);
                }

                foreach (var child in o.Select(p => p.Value).ToList())
                {
                    Strip(child, language);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Strip(child, language);
                }

                break;
        }
    }
}
