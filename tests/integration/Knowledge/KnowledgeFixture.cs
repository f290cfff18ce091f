using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MucGov.IntegrationTests.Hosting;
using MucGov.IntegrationTests.Identity;
using MucGov.Testing;

namespace MucGov.IntegrationTests.Knowledge;

/// <summary>The knowledge service with the sample catalog, and the identity service on a real socket for editors' tokens.</summary>
public sealed class KnowledgeFixture : Isolated
{
    public RunningApp Identity { get; private set; } = null!;
    public RunningApp App { get; private set; } = null!;
    public string VirtualHost { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        VirtualHost = await NewVirtualHostAsync("knowledge");
        Identity = await Apps.StartFreshAsync(this, "identity", VirtualHost, kestrel: true);
        App = await Apps.StartFreshAsync(this, "knowledge", VirtualHost, extra: new Dictionary<string, string?>
        {
            ["Auth:MetadataAddress"] = Apps.MetadataOf(Identity),
        });
    }

    public HttpClient Client(string? token = null)
    {
        var client = App.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private Task<string>? personEditorToken;

    /// <summary>
    /// An access token of the editor signed in as a person (editor.knowledge), taken once per fixture: a staff sign-in
    /// needs the authenticator's next code, and a code signs in only once, so each new sign-in waits for the next 30 s.
    /// </summary>
    public Task<string> PersonEditorTokenAsync() =>
        personEditorToken ??= IdentityFixture.AccessTokenAsync(Identity, "editor.knowledge", "openid profile knowledge.edit");

    /// <summary>A catalog-import token: role knowledge-editor, audience knowledge.</summary>
    public Task<string> EditorTokenAsync() => IdentityFixture.CatalogImportTokenAsync(Identity);

    /// <summary>A citizen's token that asked for the editing scope too (the server drops it).</summary>
    public Task<string> CitizenTokenAsync() => IdentityFixture.AccessTokenAsync(Identity, "anna.huber", "openid knowledge.edit conversation");

    /// <summary>A caseworker's token with the editing scope but without the editor role.</summary>
    public Task<string> CaseworkerTokenAsync() => IdentityFixture.AccessTokenAsync(Identity, "cw.standesamt", "openid knowledge.edit");

    public async Task<JsonElement> SearchAsync(string query, string language, int take = 5)
    {
        using var client = Client();
        return await client.GetFromJsonAsync<JsonElement>($"/api/knowledge/search?q={Uri.EscapeDataString(query)}&lang={language}&take={take}");
    }

    /// <summary>The ids of the service hits, best first (life situations left out).</summary>
    public static IReadOnlyList<string> HitIds(JsonElement result) =>
        [.. result.GetProperty("hits").EnumerateArray().Where(h => h.GetProperty("kind").GetString() == "service").Select(h => h.GetProperty("serviceId").GetString()!)];

    public override async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Identity.DisposeAsync();
        await base.DisposeAsync();
    }
}
