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

/// <summary>
/// The editor's view of the catalog's translations (the sample ships every language, as drafts; a test strips one
/// service of a language to see it missing) and the review call, the only way a translation becomes reviewed.
/// </summary>
public sealed class TranslationsApiTests(KnowledgeFixture knowledge) : IClassFixture<KnowledgeFixture>
{
    private async Task<HttpClient> EditorAsync() =>
        knowledge.Client(await knowledge.PersonEditorTokenAsync());

    private async Task<int> ReviewsAsync(string id, string language)
    {
        await using var scope = knowledge.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>().TranslationReviews.CountAsync(r => r.EntityId == id && r.Language == language);
    }

    private static JsonElement Language(JsonElement report, string language) =>
        report.GetProperty("languages").EnumerateArray().Single(l => l.GetProperty("language").GetString() == language);

    private static JsonElement? Item(JsonElement language, string kind, string id) =>
        language.GetProperty("open").EnumerateArray().Cast<JsonElement?>()
            .SingleOrDefault(i => i!.Value.GetProperty("kind").GetString() == kind && i.Value.GetProperty("id").GetString() == id);

    [Fact]
    public async Task The_report_lists_per_language_what_is_missing_and_what_is_only_a_draft()
    {
        using var editor = await EditorAsync();
        await CatalogEdits.WithoutLanguageAsync(knowledge.App, "personalausweis", "uk");

        var report = await editor.GetFromJsonAsync<JsonElement>("/api/knowledge/translations");

        Assert.Equal(["en", "tr", "uk", "ru", "ar"], report.GetProperty("languages").EnumerateArray().Select(l => l.GetProperty("language").GetString()));
        // Turkish is written throughout (all of it a draft until reviewed); Ukrainian too, but for the service an editor stripped.
        var turkish = Language(report, "tr");
        Assert.Equal("draft", Item(turkish, "service", "reisepass")!.Value.GetProperty("status").GetString());
        Assert.Equal((0, turkish.GetProperty("entities").GetInt32()), (turkish.GetProperty("missing").GetInt32(),
            turkish.GetProperty("reviewed").GetInt32() + turkish.GetProperty("draft").GetInt32()));
        var ukrainian = Language(report, "uk");
        var notTranslated = Item(ukrainian, "service", "personalausweis")!.Value;
        Assert.Equal("missing", notTranslated.GetProperty("status").GetString());
        Assert.Contains("title", notTranslated.GetProperty("missingFields").EnumerateArray().Select(f => f.GetString()));
        // Another test of the class strips a service too.
        Assert.InRange(ukrainian.GetProperty("missing").GetInt32(), 1, 2);
        Assert.Equal(ukrainian.GetProperty("entities").GetInt32(),
            ukrainian.GetProperty("reviewed").GetInt32() + ukrainian.GetProperty("draft").GetInt32() + ukrainian.GetProperty("missing").GetInt32());
        var english = Language(report, "en");
        Assert.Equal(english.GetProperty("entities").GetInt32(), english.GetProperty("draft").GetInt32() + english.GetProperty("reviewed").GetInt32());
        Assert.Equal("draft", Item(ukrainian, "service", "reisepass")!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_review_by_a_signed_in_editor_is_audited_and_lapses_when_the_translation_changes()
    {
        using var editor = await EditorAsync();

        var reviewed = await editor.PostAsync("/api/knowledge/translations/tr/service/reisepass/review", null);

        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        var status = (await reviewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status");
        Assert.Equal("reviewed", status.GetProperty("status").GetString());
        Assert.Equal("Jonas Fischer", status.GetProperty("reviewedBy").GetString());
        Assert.Equal(1, await ReviewsAsync("reisepass", "tr"));
        Assert.Null(Item(Language(await editor.GetFromJsonAsync<JsonElement>("/api/knowledge/translations?language=tr"), "tr"), "service", "reisepass"));

        // An edit of the Turkish title (as any PUT of the service) makes the translation a draft again.
        using var read = await editor.GetAsync("/api/knowledge/services/reisepass");
        var entry = await CatalogEdits.EntryAsync(knowledge.App, "reisepass");
        entry["title"]!["tr"] = "Pasaport için başvuru";
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/knowledge/services/reisepass") { Content = JsonContent.Create(entry) };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
        var updated = await editor.SendAsync(put);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var translations = (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("translations");
        Assert.Equal("draft", translations.GetProperty("tr").GetProperty("status").GetString());
        Assert.Equal("draft", Item(Language(await editor.GetFromJsonAsync<JsonElement>("/api/knowledge/translations?language=tr"), "tr"), "service", "reisepass")!
            .Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reviewing_an_incomplete_translation_is_a_conflict_naming_the_missing_texts_and_records_nothing()
    {
        using var editor = await EditorAsync();
        await CatalogEdits.WithoutLanguageAsync(knowledge.App, "fischereischein", "uk");

        var refused = await editor.PostAsync("/api/knowledge/translations/uk/service/fischereischein/review", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("title", (await Apps.ProblemAsync(refused)).GetProperty("missingFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(0, await ReviewsAsync("fischereischein", "uk"));
    }

    [Theory]
    [InlineData("/api/knowledge/translations/xx/service/reisepass/review", HttpStatusCode.BadRequest)]
    [InlineData("/api/knowledge/translations/de/service/reisepass/review", HttpStatusCode.BadRequest)]
    [InlineData("/api/knowledge/translations/tr/recipe/reisepass/review", HttpStatusCode.BadRequest)]
    [InlineData("/api/knowledge/translations/tr/service/teleportation/review", HttpStatusCode.NotFound)]
    public async Task A_review_of_an_unknown_language_kind_or_entity_is_refused_with_a_problem(string path, HttpStatusCode expected)
    {
        using var editor = await EditorAsync();

        var refused = await editor.PostAsync(path, null);

        Assert.Equal(expected, refused.StatusCode);
        await Apps.ProblemAsync(refused);
    }

    [Fact]
    public async Task The_report_of_an_unknown_language_is_a_bad_request()
    {
        using var editor = await EditorAsync();

        var refused = await editor.GetAsync("/api/knowledge/translations?language=klingon");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await Apps.ProblemAsync(refused);
    }

    [Fact]
    public async Task Only_editors_see_the_report_and_only_a_person_reviews()
    {
        using var anonymous = knowledge.Client();
        using var citizen = knowledge.Client(await knowledge.CitizenTokenAsync());
        using var caseworker = knowledge.Client(await knowledge.CaseworkerTokenAsync());
        using var machine = knowledge.Client(await knowledge.EditorTokenAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/knowledge/translations")).StatusCode);
        // A citizen's token is not for the knowledge service at all.
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.GetAsync("/api/knowledge/translations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.PostAsync("/api/knowledge/translations/tr/service/reisepass/review", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/knowledge/translations")).StatusCode);
        var before = await ReviewsAsync("reisepass", "tr");
        var byMachine = await machine.PostAsync("/api/knowledge/translations/tr/service/reisepass/review", null);
        Assert.Equal(HttpStatusCode.Forbidden, byMachine.StatusCode);
        await Apps.ProblemAsync(byMachine);
        Assert.Equal(before, await ReviewsAsync("reisepass", "tr"));
    }
}
