using System.Net;
using System.Net.Http.Headers;
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

public sealed class CatalogApiTests(KnowledgeFixture knowledge) : IClassFixture<KnowledgeFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>A word no other service has, so a search finds exactly this one.</summary>
    private static string UniqueWord() => new(Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());

    private static JsonObject NewService(string id, string department = "buergerbuero", string? word = null) => new()
    {
        ["id"] = id,
        ["leikaKey"] = null,
        ["departmentId"] = department,
        ["title"] = new JsonObject { ["de"] = "Wiesn-Tischreservierung bestätigen", ["en"] = "Confirming an Oktoberfest table booking" },
        ["summary"] = new JsonObject { ["de"] = "Bestätigung einer Reservierung.", ["en"] = "Confirms a booking." },
        ["description"] = new JsonObject { ["de"] = "Nur ein Test.", ["en"] = "Only a test." },
        ["synonyms"] = new JsonArray("Wiesntisch", word ?? UniqueWord()),
        ["documents"] = new JsonArray(new JsonObject { ["de"] = "Reservierungsnummer", ["en"] = "Booking number" }),
        ["fees"] = new JsonArray(new JsonObject { ["de"] = "gebührenfrei", ["en"] = "free of charge" }),
        ["processingTime"] = null,
        ["legalBasis"] = null,
        ["onlineServiceUrl"] = null,
        ["checklist"] = new JsonArray(new JsonObject { ["de"] = "Nummer angeben", ["en"] = "Give the number" }),
        ["appointmentRequired"] = false,
        ["onlineTrustLevel"] = null,
        ["locationIds"] = new JsonArray(FirstLocation),
        ["procedure"] = null,
        ["individualHandling"] = false,
        ["sensitive"] = false,
    };

    private static string FirstLocation = "";

    private async Task<string> LocationIdAsync()
    {
        if (FirstLocation.Length == 0)
        {
            using var client = knowledge.Client();
            var details = await client.GetFromJsonAsync<JsonElement>("/api/knowledge/services/personalausweis");
            FirstLocation = details.GetProperty("locations")[0].GetProperty("id").GetString()!;
        }

        return FirstLocation;
    }

    private async Task<bool> StoredAsync(string id)
    {
        await using var scope = knowledge.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>().Services.AnyAsync(s => s.Id == id);
    }

    [Fact]
    public async Task Service_details_give_documents_fees_checklist_and_locations_with_opening_status()
    {
        using var client = knowledge.Client();

        var response = await client.GetAsync("/api/knowledge/services/personalausweis?lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var details = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("en", details.GetProperty("language").GetString());
        Assert.NotEmpty(details.GetProperty("documents").EnumerateArray());
        Assert.NotEmpty(details.GetProperty("fees").EnumerateArray());
        var location = details.GetProperty("locations")[0];
        Assert.True(location.GetProperty("openNow").GetBoolean()
            ? location.GetProperty("closesAt").ValueKind == JsonValueKind.String
            : location.GetProperty("nextOpening").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task Unknown_service_and_location_are_404_problems()
    {
        using var client = knowledge.Client();

        var service = await client.GetAsync("/api/knowledge/services/gibt-es-nicht");
        var location = await client.GetAsync("/api/knowledge/locations/gibt-es-nicht/opening-status");

        Assert.Equal(HttpStatusCode.NotFound, service.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, location.StatusCode);
        await Hosting.Apps.ProblemAsync(service);
    }

    [Fact]
    public async Task Departments_list_has_every_design_department()
    {
        using var client = knowledge.Client();

        var departments = await client.GetFromJsonAsync<JsonElement>("/api/knowledge/departments");

        var ids = departments.EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "buergerbuero", "standesamt", "fahrzeugzulassung", "fahrerlaubnis", "auslaenderbehoerde", "gewerbe", "mobilitaet",
            "soziales", "bildung", "abfall", "bauordnung", "steuern", "wahlamt", "fundbuero", "ordnung", "buergerservice" }, ids);
    }

    [Fact]
    public async Task Opening_status_is_closed_on_christmas_day_and_names_the_next_opening()
    {
        var location = await LocationIdAsync();
        using var client = knowledge.Client();

        var status = await client.GetFromJsonAsync<JsonElement>($"/api/knowledge/locations/{location}/opening-status?at={Uri.EscapeDataString("2026-12-25T10:00:00+01:00")}");
        var bad = await client.GetAsync($"/api/knowledge/locations/{location}/opening-status?at=gestern");
        var endOfTime = await client.GetAsync($"/api/knowledge/locations/{location}/opening-status?at={Uri.EscapeDataString("9999-12-31T23:59:59+00:00")}");
        var startOfTime = await client.GetAsync($"/api/knowledge/locations/{location}/opening-status?at={Uri.EscapeDataString("0001-01-01T00:00:00+00:00")}");

        Assert.False(status.GetProperty("open").GetBoolean());
        Assert.True(status.GetProperty("nextOpening").GetDateTimeOffset() > new DateTimeOffset(2026, 12, 26, 0, 0, 0, TimeSpan.FromHours(1)));
        foreach (var response in new[] { bad, endOfTime, startOfTime })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            await Hosting.Apps.ProblemAsync(response);
        }
    }

    [Fact]
    public async Task Editing_needs_an_editor_token()
    {
        var body = NewService("auth-test-" + Guid.NewGuid().ToString("N")[..8]);
        body["locationIds"] = new JsonArray(await LocationIdAsync());
        using var anonymous = knowledge.Client();
        using var citizen = knowledge.Client(await knowledge.CitizenTokenAsync());
        using var caseworker = knowledge.Client(await knowledge.CaseworkerTokenAsync());

        var noToken = await anonymous.PostAsJsonAsync("/api/knowledge/services", body);
        var citizenResponse = await citizen.PostAsJsonAsync("/api/knowledge/services", body);
        var caseworkerResponse = await caseworker.PostAsJsonAsync("/api/knowledge/services", body);

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        // A citizen never gets the editing scope, so the token is not for this API at all.
        Assert.Equal(HttpStatusCode.Unauthorized, citizenResponse.StatusCode);
        // Staff with the scope but without the editor role are known but not allowed.
        Assert.Equal(HttpStatusCode.Forbidden, caseworkerResponse.StatusCode);
        await Hosting.Apps.ProblemAsync(caseworkerResponse);
        Assert.False(await StoredAsync(body["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Editor_creates_updates_and_deletes_a_service_and_each_change_is_published()
    {
        var received = new Received();
        using var listener = await SampleHost.StartAsync(await knowledge.NewDatabaseAsync("listener"), knowledge.RabbitSettings(knowledge.VirtualHost), "listener",
            bus => bus.AddConsumer<Recorder<KnowledgeCatalogChanged>>(), received);
        var id = "wiesn-" + Guid.NewGuid().ToString("N")[..8];
        var word = UniqueWord();
        var body = NewService(id, word: word);
        body["locationIds"] = new JsonArray(await LocationIdAsync());
        using var editor = knowledge.Client(await knowledge.EditorTokenAsync());

        var created = await editor.PostAsJsonAsync("/api/knowledge/services", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var found = await knowledge.SearchAsync(word, "de");
        Assert.Equal(id, KnowledgeFixture.HitIds(found).First());

        body["title"]!["de"] = "Wiesn-Tischreservierung ändern";
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/knowledge/services/{id}") { Content = JsonContent.Create(body) };
        update.Headers.IfMatch.Add(created.Headers.ETag!);
        var updated = await editor.SendAsync(update);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/knowledge/services/{id}");
        delete.Headers.IfMatch.Add(updated.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.SendAsync(delete)).StatusCode);
        Assert.False(await StoredAsync(id));

        await Eventually.HoldsAsync(() => received.Count<KnowledgeCatalogChanged>(c => c.ServiceId == id) == 3, "three changes are published", Patience);
        var versions = received.Messages.Select(m => m.Message).OfType<KnowledgeCatalogChanged>().Where(c => c.ServiceId == id).ToList();
        Assert.True(versions.Last(v => v.Deleted).Version > versions.First().Version);
    }

    [Fact]
    public async Task The_writing_instance_serves_an_editors_change_at_once_and_a_second_instance_within_its_check_interval()
    {
        var connection = knowledge.App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["ConnectionStrings:Knowledge"]!;
        var settings = Hosting.Apps.Settings(knowledge, "knowledge", connection, knowledge.VirtualHost);
        settings["Auth:MetadataAddress"] = Hosting.Apps.MetadataOf(knowledge.Identity);
        await using var second = Hosting.Apps.Start("knowledge", settings);
        using var secondClient = second.CreateClient();
        using var firstClient = knowledge.Client();
        var id = "zweit-" + Guid.NewGuid().ToString("N")[..8];
        // Both instances hold the catalog in memory before the change.
        Assert.Equal(HttpStatusCode.NotFound, (await firstClient.GetAsync($"/api/knowledge/services/{id}?lang=de")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secondClient.GetAsync($"/api/knowledge/services/{id}?lang=de")).StatusCode);
        var body = NewService(id);
        body["locationIds"] = new JsonArray(await LocationIdAsync());
        using var editor = knowledge.Client(await knowledge.EditorTokenAsync());

        var created = await editor.PostAsJsonAsync("/api/knowledge/services", body);
        var written = System.Diagnostics.Stopwatch.StartNew();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await firstClient.GetAsync($"/api/knowledge/services/{id}?lang=de")).StatusCode);
        await Eventually.HoldsAsync(async () => (await secondClient.GetAsync($"/api/knowledge/services/{id}?lang=de")).StatusCode == HttpStatusCode.OK,
            "the second instance serves the new service", TimeSpan.FromSeconds(3));
        TestContext.Current.TestOutputHelper?.WriteLine($"the second instance served it {written.ElapsedMilliseconds} ms after the write");
    }

    [Fact]
    public async Task Concurrent_edits_with_the_same_etag_let_one_win_and_refuse_the_other_with_412()
    {
        var id = "conflict-" + Guid.NewGuid().ToString("N")[..8];
        var body = NewService(id);
        body["locationIds"] = new JsonArray(await LocationIdAsync());
        using var editor = knowledge.Client(await knowledge.EditorTokenAsync());
        var etag = (await editor.PostAsJsonAsync("/api/knowledge/services", body)).Headers.ETag!;

        async Task<HttpStatusCode> PutAsync(string title)
        {
            var copy = JsonNode.Parse(body.ToJsonString())!.AsObject();
            copy["title"]!["de"] = title;
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/knowledge/services/{id}") { Content = JsonContent.Create(copy) };
            request.Headers.IfMatch.Add(etag);
            return (await editor.SendAsync(request)).StatusCode;
        }

        var results = await Task.WhenAll(PutAsync("Erste Änderung"), PutAsync("Zweite Änderung"));

        Assert.Equal(1, results.Count(r => r == HttpStatusCode.OK));
        Assert.Equal(1, results.Count(r => r == HttpStatusCode.PreconditionFailed));
    }

    [Fact]
    public async Task Update_without_if_match_is_refused_with_428()
    {
        var id = "noetag-" + Guid.NewGuid().ToString("N")[..8];
        var body = NewService(id);
        body["locationIds"] = new JsonArray(await LocationIdAsync());
        using var editor = knowledge.Client(await knowledge.EditorTokenAsync());
        await editor.PostAsJsonAsync("/api/knowledge/services", body);

        var response = await editor.PutAsJsonAsync($"/api/knowledge/services/{id}", body);

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        await Hosting.Apps.ProblemAsync(response);
    }

    [Fact]
    public async Task Service_details_name_related_services_and_how_to_reach_each_place()
    {
        using var client = knowledge.Client();

        var passport = await client.GetFromJsonAsync<JsonElement>("/api/knowledge/services/reisepass?lang=en");

        var forChildren = passport.GetProperty("related").EnumerateArray().Single(r => r.GetProperty("relation").GetString() == "for-children");
        Assert.Equal("kinderreisepass", forChildren.GetProperty("serviceId").GetString());
        Assert.Equal("Travel documents for children (formerly child passport)", forChildren.GetProperty("title").GetString());
        var kvr = passport.GetProperty("locations").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "kvr-ruppertstrasse");
        Assert.Contains("Poccistraße", kvr.GetProperty("publicTransport").GetString(), StringComparison.Ordinal);
        Assert.True(kvr.GetProperty("stepFreeAccess").GetBoolean());
    }

    [Fact]
    public async Task Service_details_show_the_procedure_form_in_the_asked_language()
    {
        using var client = knowledge.Client();

        var sperrmuell = await client.GetFromJsonAsync<JsonElement>("/api/knowledge/services/sperrmuell?lang=en");
        var meldebescheinigung = await client.GetFromJsonAsync<JsonElement>("/api/knowledge/services/meldebescheinigung?lang=de");

        var procedure = sperrmuell.GetProperty("procedure");
        Assert.Equal(("case", "basic"), (procedure.GetProperty("result").GetString(), procedure.GetProperty("trustLevel").GetString()));
        var date = procedure.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "preferredDate");
        Assert.Equal(("date", "workday:3-60", "Preferred date"), (date.GetProperty("type").GetString(), date.GetProperty("validation").GetString(),
            date.GetProperty("label").GetString()));
        Assert.Equal("address",
            procedure.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "address").GetProperty("prefillFrom").GetString());
        Assert.Equal(("document", "substantial"), (meldebescheinigung.GetProperty("procedure").GetProperty("result").GetString(),
            meldebescheinigung.GetProperty("procedure").GetProperty("trustLevel").GetString()));
        Assert.StartsWith("Wann sind Sie geboren", meldebescheinigung.GetProperty("procedure").GetProperty("fields")[2].GetProperty("prompt").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_with_an_invalid_procedure_is_400_naming_the_field_and_nothing_is_stored()
    {
        var id = "badform-" + Guid.NewGuid().ToString("N")[..8];
        var body = NewService(id);
        body["locationIds"] = new JsonArray(await LocationIdAsync());
        body["procedure"] = new JsonObject
        {
            ["id"] = "wiesntisch", ["trustLevel"] = "basic", ["result"] = "case",
            ["confirmation"] = new JsonObject { ["de"] = "Danke.", ["en"] = "Thank you." },
            ["fields"] = new JsonArray(new JsonObject
            {
                ["name"] = "guests", ["type"] = "count", ["validation"] = "viele", ["prefillFrom"] = null,
                ["label"] = new JsonObject { ["de"] = "Gäste", ["en"] = "Guests" }, ["prompt"] = new JsonObject { ["de"] = "Wie viele?", ["en"] = "How many?" },
            }),
        };
        using var editor = knowledge.Client(await knowledge.EditorTokenAsync());

        var response = await editor.PostAsJsonAsync("/api/knowledge/services", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Hosting.Apps.ProblemAsync(response)).GetProperty("errors").TryGetProperty("procedure.fields[0].validation", out _));
        Assert.False(await StoredAsync(id));
    }

    [Fact]
    public async Task Service_without_a_title_is_400_and_nothing_is_stored()
    {
        var id = "notitle-" + Guid.NewGuid().ToString("N")[..8];
        var body = NewService(id);
        body["locationIds"] = new JsonArray(await LocationIdAsync());
        body["title"] = new JsonObject { ["de"] = "", ["en"] = "" };
        using var editor = knowledge.Client(await knowledge.EditorTokenAsync());

        var response = await editor.PostAsJsonAsync("/api/knowledge/services", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Hosting.Apps.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
        Assert.False(await StoredAsync(id));
    }

    [Fact]
    public async Task Service_of_an_unknown_department_is_422_and_nothing_is_stored()
    {
        var id = "nodept-" + Guid.NewGuid().ToString("N")[..8];
        var body = NewService(id, department: "oktoberfestamt");
        body["locationIds"] = new JsonArray(await LocationIdAsync());
        using var editor = knowledge.Client(await knowledge.EditorTokenAsync());

        var response = await editor.PostAsJsonAsync("/api/knowledge/services", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await Hosting.Apps.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("departmentId", out _));
        Assert.False(await StoredAsync(id));
    }

    [Fact]
    public async Task Unreadable_service_document_is_400()
    {
        using var editor = knowledge.Client(await knowledge.EditorTokenAsync());

        var response = await editor.PostAsync("/api/knowledge/services", new StringContent("{\"id\": 42,", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Bot_requests_over_rabbitmq_get_search_results_and_service_details()
    {
        using var requester = await SampleHost.StartAsync(await knowledge.NewDatabaseAsync("bot"), knowledge.RabbitSettings(knowledge.VirtualHost), "bot",
            bus =>
            {
                bus.AddRequestClient<SearchKnowledge>(TimeSpan.FromSeconds(30));
                bus.AddRequestClient<GetServiceDetails>(TimeSpan.FromSeconds(30));
            });

        var search = await requester.Services.GetRequiredService<IRequestClient<SearchKnowledge>>()
            .GetResponse<KnowledgeSearchResult>(new SearchKnowledge("Reisepass beantragen", "de", 3));
        var details = await requester.Services.GetRequiredService<IRequestClient<GetServiceDetails>>()
            .GetResponse<ServiceDetails>(new GetServiceDetails("meldebescheinigung", "en", new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(1))));
        var missing = await requester.Services.GetRequiredService<IRequestClient<GetServiceDetails>>()
            .GetResponse<ServiceDetails>(new GetServiceDetails("gibt-es-nicht", "de"));

        Assert.Equal("reisepass", search.Message.Hits[0].ServiceId);
        Assert.True(details.Message.Found);
        Assert.Equal("meldebescheinigung", details.Message.ProcedureId);
        Assert.Equal(("document", "substantial"), (details.Message.Procedure!.Result, details.Message.Procedure.TrustLevel));
        Assert.Equal(["givenName", "familyName", "birthDate", "address", null], details.Message.Procedure.Fields.Select(f => f.PrefillFrom));
        Assert.Equal("What is your date of birth?", details.Message.Procedure.Fields[2].Prompt);
        Assert.NotEmpty(details.Message.Locations!);
        Assert.False(missing.Message.Found);
    }
}

public sealed class CatalogFileTests(KnowledgeFixture knowledge) : IClassFixture<KnowledgeFixture>
{
    [Fact]
    public async Task Export_writes_the_catalog_in_the_import_format_and_reimporting_it_changes_nothing()
    {
        await using var scope = knowledge.App.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<MucGov.Knowledge.Catalog.CatalogStore>();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();

        var exported = await store.ExportAsync(CancellationToken.None);
        var json = JsonSerializer.Serialize(exported, MucGov.Knowledge.Catalog.CatalogFile.Json);
        var again = JsonSerializer.Deserialize<MucGov.Knowledge.Catalog.CatalogFile>(json, MucGov.Knowledge.Catalog.CatalogFile.Json)!;
        var counts = await store.ImportAsync(again, CancellationToken.None);

        Assert.Equal("mucgov-catalog/2", again.Format);
        Assert.True(exported.Services.Count >= 45);
        Assert.True(exported.Services.Select(s => s.DepartmentId).Distinct().Count() >= 8);
        Assert.Equal(exported.Services.Count, counts.Services);
        Assert.Equal(exported.Services.Count, await db.Services.CountAsync());
        Assert.True(exported.LifeSituations!.Count >= 12);
        Assert.Equal(exported.LifeSituations.Count, counts.LifeSituations);
        Assert.Equal(exported.LifeSituations.Count, await db.LifeSituations.CountAsync());
    }

    [Fact]
    public async Task Import_with_an_unknown_department_stores_nothing()
    {
        await using var scope = knowledge.App.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<MucGov.Knowledge.Catalog.CatalogStore>();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        var exported = await store.ExportAsync(CancellationToken.None);
        var before = await db.Services.CountAsync();
        var broken = exported with
        {
            Services = [exported.Services[0] with { Id = "neu-" + Guid.NewGuid().ToString("N")[..6] }, exported.Services[1] with { Id = "kaputt-x",
                DepartmentId = "gibt-es-nicht" }],
        };

        var error = await Assert.ThrowsAsync<MucGov.Knowledge.Catalog.CatalogImportException>(() => store.ImportAsync(broken, CancellationToken.None));

        Assert.Contains("gibt-es-nicht", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.Services.CountAsync());

        var situations = await db.LifeSituations.CountAsync();
        var brokenSituation = exported with
        {
            Services = [exported.Services[0] with { Id = "auch-neu-" + Guid.NewGuid().ToString("N")[..6] }],
            LifeSituations = [exported.LifeSituations![0] with { Id = "mondumzug",
                Steps = [new MucGov.Knowledge.Catalog.LifeSituationStep("mondlandung", null, null, null)] }],
        };
        var situationError = await Assert.ThrowsAsync<MucGov.Knowledge.Catalog.CatalogImportException>(() => store.ImportAsync(brokenSituation, CancellationToken.None));
        Assert.Contains("mondlandung", situationError.Message, StringComparison.Ordinal);
        Assert.Equal((before, situations), (await db.Services.CountAsync(), await db.LifeSituations.CountAsync()));
    }
}
