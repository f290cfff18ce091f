using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MucGov.IntegrationTests.Hosting;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Gateway;

/// <summary>The four services on real loopback sockets, for the gateway to proxy to.</summary>
public sealed class RunningServices : Isolated
{
    public Dictionary<string, RunningApp> Apps { get; } = [];

    public string VirtualHost { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        VirtualHost = await NewVirtualHostAsync("platform");
        foreach (var name in Hosting.Apps.Services)
        {
            // Identity starts first; the others read its keys to validate citizens' tokens.
            var extra = Apps.TryGetValue("identity", out var identity)
                ? new Dictionary<string, string?> { ["Auth:MetadataAddress"] = Hosting.Apps.MetadataOf(identity) }
                : null;
            Apps[name] = await Hosting.Apps.StartFreshAsync(this, name, VirtualHost, kestrel: true, extra: extra);
        }
    }

    /// <summary>Gateway settings whose clusters point at the running services, with optional overrides; its public origin is its own loopback address.</summary>
    public async Task<RunningApp> StartGatewayAsync(IDictionary<string, string?>? overrides = null)
    {
        var extra = Apps.ToDictionary(a => $"ReverseProxy:Clusters:{a.Key}:Destinations:primary:Address", a => (string?)a.Value.Address.ToString());
        extra["Auth:MetadataAddress"] = Hosting.Apps.MetadataOf(Apps["identity"]);
        var port = Ports.Free();
        extra[Ports.KestrelSetting] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        extra["Service:PublicOrigin"] = $"http://127.0.0.1:{port}/";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            extra[key] = value;
        }

        return await Hosting.Apps.StartFreshAsync(this, "gateway", kestrel: true, extra: extra);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var app in Apps.Values)
        {
            await app.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

public sealed class GatewayTests(RunningServices platform) : IClassFixture<RunningServices>
{
    // Every public path prefix of the design, and the service that must answer it.
    public static TheoryData<string, string> DesignRoutes => new()
    {
        { "/.well-known/route-probe", "identity" },
        { "/connect/route-probe", "identity" },
        { "/account/route-probe", "identity" },
        { "/api/profile/route-probe", "identity" },
        { "/api/postfach/route-probe", "identity" },
        { "/api/knowledge/route-probe", "knowledge" },
        { "/api/conversations/route-probe", "conversation" },
        { "/api/queue/route-probe", "ticket" },
        { "/api/cases/route-probe", "ticket" },
        { "/api/departments/route-probe", "ticket" },
        { "/api/my/route-probe", "ticket" },
        { "/api/documents/route-probe", "ticket" },
        { "/api/unrouted", "gateway" },
    };

    [Fact]
    public async Task Health_services_names_the_gateway_and_every_service_as_ready()
    {
        await using var gateway = await platform.StartGatewayAsync();
        using var client = gateway.CreateClient();

        var response = await client.GetAsync("/health/services");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("ready").GetBoolean());
        var services = report.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("ready").GetBoolean());
        Assert.Equal(Apps.All.Order(), services.Keys.Order());
        Assert.All(services.Values, Assert.True);
        var own = report.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "gateway");
        Assert.Contains(own.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "database"
            && c.GetProperty("status").GetString() == "Healthy");
    }

    [Fact]
    public async Task Health_services_is_503_and_names_the_service_that_is_down()
    {
        await using var gateway = await platform.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:knowledge:Destinations:primary:Address"] = "http://127.0.0.1:9/",
        });
        using var client = gateway.CreateClient();

        var response = await client.GetAsync("/health/services");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(report.GetProperty("ready").GetBoolean());
        var knowledge = report.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "knowledge");
        Assert.False(knowledge.GetProperty("ready").GetBoolean());
        Assert.Equal("Unreachable", knowledge.GetProperty("status").GetString());
        Assert.Equal(["conversation", "gateway", "identity", "ticket"], report.GetProperty("services").EnumerateArray()
            .Where(s => s.GetProperty("ready").GetBoolean()).Select(s => s.GetProperty("name").GetString()).Order());
    }

    /// <summary>Routes the gateway lets through only with a user, and the policy each requires.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProtectedRoutes = new Dictionary<string, string>
    {
        ["identity-profile"] = "/api/profile/me",
        ["identity-postfach"] = "/api/postfach",
        ["ticket-queue"] = "/api/queue",
        ["ticket-cases"] = $"/api/cases/{Guid.Empty}",
        ["ticket-departments"] = "/api/departments/buergerbuero/stats",
        ["ticket-my"] = "/api/my/cases",
    };

    [Fact]
    public async Task Protected_routes_without_token_or_session_are_refused_by_the_gateway_with_401()
    {
        await using var gateway = await platform.StartGatewayAsync();
        using var client = gateway.CreateClient();

        foreach (var path in ProtectedRoutes.Values)
        {
            var response = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("gateway", (await Apps.ProblemAsync(response)).GetProperty("service").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(DesignRoutes))]
    public async Task Design_path_is_proxied_to_its_service(string path, string service)
    {
        // Routing alone: the routes' sign-in requirements are lifted here (they have tests of their own).
        await using var gateway = await platform.StartGatewayAsync(ProtectedRoutes.ToDictionary(
            r => $"ReverseProxy:Routes:{r.Key}:AuthorizationPolicy", _ => (string?)"anonymous"));
        using var client = gateway.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await Apps.ProblemAsync(response);
        Assert.Equal(service, problem.GetProperty("service").GetString());
    }

    [Fact]
    public async Task Oversized_body_is_refused_with_413_problem_json()
    {
        await using var gateway = await platform.StartGatewayAsync(new Dictionary<string, string?> { ["Service:MaxRequestBodyBytes"] = "4096" });
        using var client = gateway.CreateClient();

        var response = await client.PostAsync("/api/conversations", new StringContent(new string('a', 10_000), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await Apps.ProblemAsync(response);
    }

    [Fact]
    public async Task Cli_client_completes_the_code_flow_with_pkce_through_the_gateway_routes()
    {
        await using var gateway = await platform.StartGatewayAsync();
        var flow = new Identity.OidcFlow(gateway.CreateBrowser());

        var code = await flow.SignInAsync("anna.huber", Identity.IdentityFixture.PasswordOf("anna.huber"), "openid profile buergerkonto");
        var tokens = await Identity.OidcFlow.TokensAsync(await flow.RedeemAsync(code));

        using var api = gateway.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var profile = await api.GetFromJsonAsync<JsonElement>("/api/profile/me");
        Assert.Equal("Anna", profile.GetProperty("givenName").GetString());
    }

    [Fact]
    public async Task Knowledge_search_through_the_gateway_answers_perso_verloren_with_the_identity_card()
    {
        await using var gateway = await platform.StartGatewayAsync();
        using var client = gateway.CreateClient();

        var result = await client.GetFromJsonAsync<JsonElement>("/api/knowledge/search?q=Perso+verloren&lang=de");

        Assert.Equal("personalausweis", result.GetProperty("hits")[0].GetProperty("serviceId").GetString());
    }

    [Fact]
    public async Task Citizen_consents_in_bavarian_caseworker_claims_replies_and_resolves_and_the_chat_shows_it_all()
    {
        await using var gateway = await platform.StartGatewayAsync();
        using var sepp = await CitizenAsync(gateway, "sepp.brandl");
        using var maria = gateway.CreateClient();
        maria.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenThroughGatewayAsync(gateway, "cw.buergerbuero", "openid profile queue"));
        var id = (await (await sepp.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var answer = Conversation.ConversationFixture.BotReply(await Conversation.ConversationFixture.SayAsync(sepp, id, "Servus, wo kriag i an neia Personalausweis?"));
        await Conversation.ConversationFixture.SayAsync(sepp, id, "I mog mit am Mitarbeiter redn");
        await Conversation.ConversationFixture.SayAsync(sepp, id, "Jo", actionId: "consent:yes");

        Assert.Equal("bar", answer.GetProperty("language").GetString());
        Assert.Contains("Mitbringa muast", answer.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Matches("grad offen|grad zua", answer.GetProperty("text").GetString()!);
        // The ticket service opens the case from the escalation; the reference reaches the chat and the case the queue.
        var reference = await Eventually.ValueAsync(async () =>
            (await ChatAsync(sepp, id)).Select(m => m.GetProperty("caseReference")).Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()).FirstOrDefault(),
            "the case reference appears in the chat", TimeSpan.FromSeconds(60));
        var item = (await maria.GetFromJsonAsync<JsonElement>("/api/queue")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("reference").GetString() == reference);
        Assert.Equal(("buergerbuero", "bar", "personalausweis"), (item.GetProperty("departmentId").GetString(), item.GetProperty("language").GetString(),
            item.GetProperty("serviceId").GetString()));
        var caseId = item.GetProperty("id").GetGuid();
        var detail = await maria.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("Brandl", detail.GetProperty("citizen").GetProperty("familyName").GetString());
        Assert.Contains(detail.GetProperty("transcript").EnumerateArray(), t => t.GetProperty("text").GetString() == "I mog mit am Mitarbeiter redn");

        Assert.Equal(HttpStatusCode.OK, (await maria.PostAsJsonAsync($"/api/cases/{caseId}/claim", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await maria.PostAsJsonAsync($"/api/cases/{caseId}/messages",
            new { text = "Griaß Eana! Bringa S' bittschön Ihr oids Dokument mit." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await maria.PostAsJsonAsync($"/api/cases/{caseId}/resolve", new { resolution = "Termin am Dienstag um 9 Uhr ist gebucht." })).StatusCode);

        await Eventually.HoldsAsync(async () => (await ChatAsync(sepp, id)).Any(m => m.GetProperty("text").GetString()!.Contains("Termin am Dienstag", StringComparison.Ordinal)),
            "the resolution appears in the chat", TimeSpan.FromSeconds(60));
        var chat = await ChatAsync(sepp, id);
        var reply = chat.Single(m => m.GetProperty("author").GetString() == "caseworker");
        Assert.Equal("Bürgerbüro: Griaß Eana! Bringa S' bittschön Ihr oids Dokument mit.", reply.GetProperty("text").GetString());
        Assert.True(reply.GetProperty("seq").GetInt64() < chat.Single(m => m.GetProperty("text").GetString()!.Contains("Termin am Dienstag",
            StringComparison.Ordinal)).GetProperty("seq").GetInt64());
        var mine = await sepp.GetFromJsonAsync<JsonElement>($"/api/my/cases/{reference}");
        Assert.Equal("resolved", mine.GetProperty("status").GetString());
        Assert.Equal("Termin am Dienstag um 9 Uhr ist gebucht.", mine.GetProperty("resolution").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await sepp.GetAsync("/api/queue")).StatusCode);
        // The case is closed: Mingabot answers again.
        var after = await Conversation.ConversationFixture.SayAsync(sepp, id, "Vergelt's Gott, pfiad di!");
        Assert.Equal("bot", Conversation.ConversationFixture.BotReply(after).GetProperty("author").GetString());
    }

    [Fact]
    public async Task Every_queue_the_platform_declares_is_durable_or_exclusive_as_rabbitmq_4_demands()
    {
        // RabbitMQ 4.3 refuses transient non-exclusive queues (transient_nonexcl_queues); deploy/k8s pins a 4.x broker.
        await using var gateway = await platform.StartGatewayAsync();
        using var citizen = await CitizenAsync(gateway, "sepp.brandl");
        var id = (await (await citizen.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // A search is a request with a reply: the conversation service's reply queue exists from here on.
        Assert.Contains("Reisepass", Conversation.ConversationFixture.BotReply(await Conversation.ConversationFixture.SayAsync(citizen, id,
            "Wo beantrage ich einen Reisepass?")).GetProperty("text").GetString(), StringComparison.Ordinal);

        var queues = await platform.Servers.Rabbit.QueuesAsync(platform.VirtualHost);

        Assert.Contains(queues, q => !q.Durable && q.Name.StartsWith("conversation-bus-", StringComparison.Ordinal));
        Assert.Contains(queues, q => q.Durable && q.Name.StartsWith("ticket-", StringComparison.Ordinal));
        Assert.All(queues, q => Assert.True(q.Durable || q.Exclusive, $"{q.Name} is transient and not exclusive"));
    }

    /// <summary>A citizen's API client through the gateway, signed in for chats and cases.</summary>
    private async Task<HttpClient> CitizenAsync(RunningApp gateway, string username)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenThroughGatewayAsync(gateway, username,
            "openid profile conversation cases"));
        return client;
    }

    /// <summary>The code flow with PKCE through the gateway's public routes; staff answer the TOTP step.</summary>
    private async Task<string> TokenThroughGatewayAsync(RunningApp gateway, string username, string scope) =>
        (await new MucGov.Shared.Clients.HeadlessSignIn(gateway.Address).SignInAsync(
            username, Identity.IdentityFixture.PasswordOf(username), scope, await Identity.IdentityFixture.TotpSecretAsync(platform.Apps["identity"], username))).AccessToken;

    private static async Task<List<JsonElement>> ChatAsync(HttpClient client, Guid id) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{id}")).GetProperty("messages").EnumerateArray()];

    [Fact]
    public async Task Too_many_requests_from_one_address_get_429_with_retry_after()
    {
        await using var gateway = await platform.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["RateLimit:PermitLimit"] = "5",
            ["RateLimit:Window"] = "00:01:00",
        });
        using var client = gateway.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 7; i++)
        {
            answers.Add(await client.GetAsync("/api/knowledge/departments"));
        }

        Assert.All(answers.Take(5), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(answers.Skip(5), r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.InRange(int.Parse(answers[^1].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(429, (await Apps.ProblemAsync(answers[^1])).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task A_client_cannot_dodge_the_rate_limit_by_claiming_other_addresses_in_x_forwarded_for()
    {
        await using var gateway = await platform.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["RateLimit:PermitLimit"] = "5",
            ["RateLimit:Window"] = "00:01:00",
        });
        using var client = gateway.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/knowledge/departments");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            answers.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task Metrics_answer_only_on_the_management_port()
    {
        var port = Ports.Free();
        await using var elsewhere = await platform.StartGatewayAsync(new Dictionary<string,
            string?>
        { ["Service:ManagementPort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await using var management = await platform.StartGatewayAsync(new Dictionary<string, string?>
        {
            [Ports.KestrelSetting] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Service:PublicOrigin"] = $"http://127.0.0.1:{port}/",
            ["Service:ManagementPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var publicClient = elsewhere.CreateClient();
        using var monitoring = management.CreateClient();

        var outside = await publicClient.GetAsync("/metrics");
        var inside = await monitoring.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        await Apps.ProblemAsync(outside);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Contains("# TYPE", await inside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_answers_are_not_stored_by_browsers_and_https_origins_get_hsts()
    {
        var port = Ports.Free();
        await using var gateway = await platform.StartGatewayAsync();
        await using var https = await platform.StartGatewayAsync(new Dictionary<string, string?>
        {
            [Ports.KestrelSetting] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Service:PublicOrigin"] = $"https://127.0.0.1:{port}/",
        });
        using var client = gateway.CreateClient();
        using var secure = https.CreateClient();

        var user = await client.GetAsync("/bff/user");
        var cases = await client.GetAsync("/api/my/cases");
        var catalog = await client.GetAsync("/api/knowledge/departments");
        var plainPage = await client.GetAsync("/");
        var securePage = await secure.GetAsync("/");

        Assert.Equal("no-store", user.Headers.CacheControl?.ToString());
        Assert.Equal("no-store", cases.Headers.CacheControl?.ToString());
        Assert.NotEqual("no-store", catalog.Headers.CacheControl?.ToString());
        Assert.False(plainPage.Headers.Contains("Strict-Transport-Security"));
        Assert.StartsWith("max-age=31536000", securePage.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_host_reaches_neither_the_discovery_document_nor_the_sign_in_redirect()
    {
        await using var gateway = await platform.StartGatewayAsync();
        using var browser = gateway.CreateBrowser();
        var origin = gateway.Address.GetLeftPart(UriPartial.Authority);

        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        forwarded.Headers.Add("X-Forwarded-Host", "evil.example");
        using var host = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        host.Headers.Host = "evil.example";
        using var login = new HttpRequestMessage(HttpMethod.Get, "/bff/login");
        login.Headers.Add("X-Forwarded-Host", "evil.example");
        login.Headers.Add("X-Forwarded-Proto", "https");

        var discoveries = new[] { await browser.SendAsync(forwarded), await browser.SendAsync(host) };
        var challenge = await browser.SendAsync(login);

        foreach (var discovery in discoveries)
        {
            var document = await discovery.Content.ReadFromJsonAsync<JsonElement>();
            Assert.StartsWith(origin + "/", document.GetProperty("authorization_endpoint").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example", document.GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var redirectUri = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(challenge.Headers.Location!.Query)["redirect_uri"].ToString();
        Assert.Equal($"{origin}/signin-oidc", redirectUri);
    }

    [Fact]
    public async Task Active_health_checks_take_a_dead_destination_out_of_rotation()
    {
        await using var gateway = await platform.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:knowledge:Destinations:broken:Address"] = $"http://127.0.0.1:{MucGov.Testing.Ports.Free()}/",
            ["ReverseProxy:Clusters:knowledge:LoadBalancingPolicy"] = "RoundRobin",
            ["ReverseProxy:Clusters:knowledge:HealthCheck:Active:Interval"] = "00:00:01",
        });
        using var client = gateway.CreateClient();

        // Until the first probe, round robin sends every other request to the dead destination.
        await MucGov.Testing.Eventually.HoldsAsync(async () =>
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetAsync("/api/knowledge/departments")));
            return batch.All(r => r.StatusCode == HttpStatusCode.OK);
        }, "the dead destination is taken out", TimeSpan.FromSeconds(30));
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add((await client.GetAsync("/api/knowledge/departments")).StatusCode);
        }

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Correlation_id_passes_through_the_gateway_once()
    {
        await using var gateway = await platform.StartGatewayAsync();
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/knowledge/route-probe") { Headers = { { "X-Correlation-ID", "probe-42" } } };

        var response = await client.SendAsync(request);

        Assert.Equal("probe-42", Assert.Single(response.Headers.GetValues("X-Correlation-ID")));
    }

    [Fact]
    public async Task A_chat_stream_through_the_gateway_is_open_before_its_first_heartbeat()
    {
        await using var gateway = await platform.StartGatewayAsync();
        using var client = gateway.CreateClient();
        var created = await (await client.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/conversations/{created.GetProperty("id").GetGuid()}/events");
        request.Headers.Add("X-Conversation-Key", created.GetProperty("accessKey").GetString());
        // Nothing new to send: the greeting (1) is already seen. The heartbeat comes only after 15 s.
        request.Headers.Add("Last-Event-ID", "1");

        using var beforeHeartbeat = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, beforeHeartbeat.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(beforeHeartbeat.Token));
        var first = await reader.ReadLineAsync(beforeHeartbeat.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("retry: 3000", first);
    }
}
