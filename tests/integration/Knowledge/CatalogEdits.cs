using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.IntegrationTests.Hosting;
using MucGov.Knowledge.Data;
using Xunit;

namespace MucGov.IntegrationTests.Knowledge;

/// <summary>Edits of the sample catalog that tests need: a service without one of its translations.</summary>
public static class CatalogEdits
{
    /// <summary>An editor's PUT of the service without its texts in <paramref name="language"/> (the sample has every language).</summary>
    public static async Task WithoutLanguageAsync(RunningApp knowledge, HttpClient editor, string id, string language)
    {
        using var read = await editor.GetAsync($"/api/knowledge/services/{id}");
        JsonObject entry;
        await using (var scope = knowledge.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>().Services.AsNoTracking().SingleAsync(s => s.Id == id);
            entry = JsonSerializer.SerializeToNode(row.Entry, MucGov.Knowledge.Catalog.CatalogFile.Json)!.AsObject();
        }

        Strip(entry, language);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/knowledge/services/{id}") { Content = JsonContent.Create(entry) };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(put)).StatusCode);
    }

    /// <summary>The service without its texts in <paramref name="language"/>, written straight to the knowledge database (as an import would).</summary>
    public static async Task WithoutLanguageInDatabaseAsync(RunningApp knowledge, string id, string language)
    {
        await using var scope = knowledge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        var row = await db.Services.SingleAsync(s => s.Id == id);
        var entry = JsonSerializer.SerializeToNode(row.Entry, MucGov.Knowledge.Catalog.CatalogFile.Json)!.AsObject();
        Strip(entry, language);
        row.Apply(entry.Deserialize<MucGov.Knowledge.Catalog.ServiceEntry>(MucGov.Knowledge.Catalog.CatalogFile.Json)!, row.Version + 1, DateTimeOffset.UtcNow);
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
