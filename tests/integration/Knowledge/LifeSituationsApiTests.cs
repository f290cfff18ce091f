using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Contracts.Knowledge;
using MucGov.IntegrationTests.Messaging;
using MucGov.Knowledge.Data;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Knowledge;

/// <summary>Life situations (Lebenslagen) through the knowledge API: reading them, and editing them as an editor.</summary>
public sealed class LifeSituationsApiTests(KnowledgeFixture knowledge) : IClassFixture<KnowledgeFixture>
{
    private static readonly string[] TheTwelve =
    [
        "moving-to-munich", "moving-within-munich", "moving-away", "arriving-from-abroad", "birth", "marriage", "death", "car-buy-sell", "dog",
        "starting-business", "lost-wallet", "building-renovating",
    ];

    private static JsonObject NewSituation(string id) => new()
    {
        ["id"] = id,
        ["title"] = new JsonObject { ["de"] = "Ein Wiesnzelt eröffnen", ["en"] = "Opening an Oktoberfest tent" },
        ["summary"] = new JsonObject { ["de"] = "Was ein Festwirt erledigen muss.", ["en"] = "What a tent host has to do." },
        ["synonyms"] = new JsonArray("Festzelt", "Wiesnwirt"),
        ["sensitive"] = false,
        ["steps"] = new JsonArray(
            new JsonObject
            {
                ["serviceId"] = "gewerbe-anmelden",
                ["note"] = new JsonObject { ["de"] = "Vor dem Anstich.", ["en"] = "Before the tapping." },
                ["deadline"] = new JsonObject { ["count"] = 0, ["unit"] = "days", ["from"] = "business-start", ["legalBasis"] = "§ 14 GewO" },
                ["condition"] = null,
            },
            new JsonObject
            {
                ["serviceId"] = "gaststaettenerlaubnis",
                ["note"] = null,
                ["deadline"] = null,
                ["condition"] = new JsonObject
                {
                    ["key"] = "alcohol",
                    ["question"] = new JsonObject { ["de"] = "Schenken Sie Bier aus?", ["en"] = "Will you serve beer?" },
                },
            }),
    };

    private async Task<bool> StoredAsync(string id)
    {
        await using var scope = knowledge.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>().LifeSituations.AnyAsync(l => l.Id == id);
    }

    [Fact]
    public async Task The_catalog_lists_the_twelve_life_situations_in_german_and_english()
    {
        using var client = knowledge.Client();

        var german = await client.GetFromJsonAsync<JsonElement>("/api/knowledge/life-situations?lang=de");
        var english = await client.GetFromJsonAsync<JsonElement>("/api/knowledge/life-situations?lang=en");

        var ids = german.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToHashSet();
        Assert.Superset(TheTwelve.ToHashSet(), ids!);
        var titleDe = german.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "moving-to-munich").GetProperty("title").GetString();
        var titleEn = english.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "moving-to-munich").GetProperty("title").GetString();
        Assert.Contains("München", titleDe, StringComparison.Ordinal);
        Assert.Contains("Munich", titleEn, StringComparison.Ordinal);
        Assert.All(german.EnumerateArray().Where(s => TheTwelve.Contains(s.GetProperty("id").GetString())), s => Assert.InRange(s.GetProperty("steps").GetInt32(), 3, 7));
    }

    [Fact]
    public async Task Moving_to_munich_starts_with_registering_within_two_weeks_and_asks_about_a_car()
    {
        using var client = knowledge.Client();

        var response = await client.GetAsync("/api/knowledge/life-situations/moving-to-munich?lang=en");
        var situation = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.NotNull(response.Headers.ETag);
        var steps = situation.GetProperty("steps").EnumerateArray().ToList();
        var anmeldung = steps.Single(s => s.GetProperty("serviceId").GetString() == "anmeldung");
        Assert.Equal("Registering your residence", anmeldung.GetProperty("serviceTitle").GetString());
        var deadline = anmeldung.GetProperty("deadline");
        Assert.Equal((2, "weeks", "move-in"), (deadline.GetProperty("count").GetInt32(), deadline.GetProperty("unit").GetString(), deadline.GetProperty("from").GetString()));
        Assert.Contains("BMG", deadline.GetProperty("legalBasis").GetString(), StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.GetProperty("number").GetInt32()));
        Assert.Contains(steps, s => s.GetProperty("condition").ValueKind == JsonValueKind.Object && s.GetProperty("condition").GetProperty("key").GetString() == "car"
            && s.GetProperty("condition").GetProperty("question").GetString()!.EndsWith('?'));
    }

    [Fact]
    public async Task A_death_is_sensitive_and_must_be_reported_by_the_third_working_day()
    {
        using var client = knowledge.Client();

        var situation = await client.GetFromJsonAsync<JsonElement>("/api/knowledge/life-situations/death?lang=de");

        Assert.True(situation.GetProperty("sensitive").GetBoolean());
        var report = situation.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("serviceId").GetString() == "sterbeurkunde").GetProperty("deadline");
        Assert.Equal((3, "working-days", "death"), (report.GetProperty("count").GetInt32(), report.GetProperty("unit").GetString(), report.GetProperty("from").GetString()));
    }

    [Fact]
    public async Task An_unknown_life_situation_is_a_404_and_a_malformed_language_a_400()
    {
        using var client = knowledge.Client();

        var unknown = await client.GetAsync("/api/knowledge/life-situations/auf-den-mond-ziehen");
        var badLanguage = await client.GetAsync("/api/knowledge/life-situations/death?lang=DEUTSCH");
        var badListLanguage = await client.GetAsync("/api/knowledge/life-situations?lang=x1");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await Hosting.Apps.ProblemAsync(unknown);
        Assert.Equal(HttpStatusCode.BadRequest, badLanguage.StatusCode);
        await Hosting.Apps.ProblemAsync(badLanguage);
        Assert.Equal(HttpStatusCode.BadRequest, badListLanguage.StatusCode);
    }

    [Fact]
    public async Task Editor_creates_updates_and_deletes_a_life_situation_and_each_change_is_published()
    {
        var received = new Received();
        using var listener = await SampleHost.StartAsync(await knowledge.NewDatabaseAsync("situations"), knowledge.RabbitSettings(knowledge.VirtualHost), "situations",
            bus => bus.AddConsumer<Recorder<KnowledgeCatalogChanged>>(), received);
        var id = "wiesnzelt-" + Guid.NewGuid().ToString("N")[..8];
        var body = NewSituation(id);
        using var editor = knowledge.Client(await knowledge.EditorTokenAsync());
        using var anyone = knowledge.Client();

        var created = await editor.PostAsJsonAsync("/api/knowledge/life-situations", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var shown = await anyone.GetFromJsonAsync<JsonElement>($"/api/knowledge/life-situations/{id}?lang=en");
        Assert.Equal("Will you serve beer?", shown.GetProperty("steps")[1].GetProperty("condition").GetProperty("question").GetString());

        body["title"]!["de"] = "Ein Wiesnzelt betreiben";
        var withoutEtag = await editor.PutAsJsonAsync($"/api/knowledge/life-situations/{id}", body);
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/knowledge/life-situations/{id}") { Content = JsonContent.Create(body) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        var staleResponse = await editor.SendAsync(stale);
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/knowledge/life-situations/{id}") { Content = JsonContent.Create(body) };
        update.Headers.IfMatch.Add(created.Headers.ETag!);
        var updated = await editor.SendAsync(update);
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutEtag.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Ein Wiesnzelt betreiben",
            (await anyone.GetFromJsonAsync<JsonElement>($"/api/knowledge/life-situations/{id}?lang=de")).GetProperty("title").GetString());

        using var deleteStale = new HttpRequestMessage(HttpMethod.Delete, $"/api/knowledge/life-situations/{id}");
        deleteStale.Headers.IfMatch.Add(created.Headers.ETag!);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await editor.SendAsync(deleteStale)).StatusCode);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/knowledge/life-situations/{id}");
        delete.Headers.IfMatch.Add(updated.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.SendAsync(delete)).StatusCode);
        Assert.False(await StoredAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/knowledge/life-situations/{id}")).StatusCode);

        await Eventually.HoldsAsync(() => received.Count<KnowledgeCatalogChanged>(c => c.LifeSituationId == id) == 3, "three changes are published",
            TimeSpan.FromSeconds(60));
        Assert.Single(received.Messages.Select(m => m.Message).OfType<KnowledgeCatalogChanged>(), c => c.LifeSituationId == id && c.Deleted);
    }

    public static TheoryData<string, string, string> BadSituations => new()
    {
        { "no steps", """{"steps": []}""", "steps" },
        { "an unknown unit", """{"steps": [{"serviceId": "anmeldung", "deadline": {"count": 2, "unit": "fortnights", "from": "move-in"}}]}""", "steps[0].deadline.unit" },
        { "an unknown event", """{"steps": [{"serviceId": "anmeldung", "deadline": {"count": 2, "unit": "weeks", "from": "vollmond"}}]}""", "steps[0].deadline.from" },
        { "a negative count", """{"steps": [{"serviceId": "anmeldung", "deadline": {"count": -1, "unit": "weeks", "from": "move-in"}}]}""", "steps[0].deadline.count" },
        { "a question only in German", """{"steps": [{"serviceId": "anmeldung", "condition": {"key": "car", "question": {"de": "Auto?", "en": ""}}}]}""",
            "steps[0].condition.question" },
        {
            "two questions for one fact",
            """
            {"steps": [{"serviceId": "anmeldung", "condition": {"key": "car", "question": {"de": "Auto?", "en": "Car?"}}},
                       {"serviceId": "ummeldung", "condition": {"key": "car", "question": {"de": "Motorrad?", "en": "Motorbike?"}}}]}
            """,
            "steps[1].condition.question"
        },
        { "a title without English", """{"title": {"de": "Nur Deutsch", "en": " "}}""", "title" },
        { "an id that is no slug", """{"id": "Großer Umzug!"}""", "id" },
    };

    [Theory]
    [MemberData(nameof(BadSituations))]
    public async Task A_malformed_life_situation_is_a_400_naming_the_field_and_nothing_is_stored(string what, string change, string field)
    {
        var body = NewSituation("kaputt-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        using var editor = knowledge.Client(await knowledge.EditorTokenAsync());

        var response = await editor.PostAsJsonAsync("/api/knowledge/life-situations", body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
        var problem = await Hosting.Apps.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{what}: {problem}");
        Assert.False(await StoredAsync(body["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_step_naming_an_unknown_service_is_a_422_and_a_second_create_of_an_id_a_409()
    {
        var body = NewSituation("doppelt-" + Guid.NewGuid().ToString("N")[..8]);
        using var editor = knowledge.Client(await knowledge.EditorTokenAsync());
        var unknown = NewSituation("unbekannt-" + Guid.NewGuid().ToString("N")[..8]);
        unknown["steps"]![0]!["serviceId"] = "mondlandung-beantragen";

        var unprocessable = await editor.PostAsJsonAsync("/api/knowledge/life-situations", unknown);
        var first = await editor.PostAsJsonAsync("/api/knowledge/life-situations", body);
        var second = await editor.PostAsJsonAsync("/api/knowledge/life-situations", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unprocessable.StatusCode);
        Assert.Contains("mondlandung-beantragen", (await Hosting.Apps.ProblemAsync(unprocessable)).ToString(), StringComparison.Ordinal);
        Assert.False(await StoredAsync(unknown["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        await Hosting.Apps.ProblemAsync(second);
    }

    [Fact]
    public async Task Editing_life_situations_needs_an_editor_token()
    {
        var body = NewSituation("auth-" + Guid.NewGuid().ToString("N")[..8]);
        using var anonymous = knowledge.Client();
        using var citizen = knowledge.Client(await knowledge.CitizenTokenAsync());
        using var caseworker = knowledge.Client(await knowledge.CaseworkerTokenAsync());

        var noToken = await anonymous.PostAsJsonAsync("/api/knowledge/life-situations", body);
        var citizenResponse = await citizen.PostAsJsonAsync("/api/knowledge/life-situations", body);
        var caseworkerResponse = await caseworker.PostAsJsonAsync("/api/knowledge/life-situations", body);
        var deleteAnonymous = await anonymous.DeleteAsync("/api/knowledge/life-situations/death");

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, citizenResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, caseworkerResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, deleteAnonymous.StatusCode);
        Assert.False(await StoredAsync(body["id"]!.GetValue<string>()));
        Assert.True(await StoredAsync("death"));
    }
}
