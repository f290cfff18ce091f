using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CsCheck;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Hardening;

/// <summary>
/// Every resource — each OpenAPI operation that requires authorization, the chats (reached by their key or their
/// citizen), and the routes the gateway guards for browser sessions — is tried by callers who must not get it: nobody,
/// an expired token, a genuine token for another API, another citizen (citizen B on citizen A's chat, case, document),
/// a caseworker of another department (on a case of A's department), a caseworker on a supervisor's route, and a
/// citizen on staff routes. Requests are otherwise valid (real ids, well-formed bodies), so only the caller decides.
/// Every answer must be a refusal (401, 403 or 404; a page may send the browser to sign in), never a 2xx, never a 5xx.
/// </summary>
public sealed class AccessSweepTests(SweepPlatform web) : IClassFixture<SweepPlatform>
{
    private const string CitizenScopes = "openid profile conversation cases buergerkonto";

    [Fact]
    public async Task Every_protected_resource_refuses_callers_without_the_right_to_it()
    {
        var clock = Stopwatch.StartNew();
        var a = await web.TokenAsync("anna.huber", CitizenScopes);
        var b = await web.TokenAsync("sepp.brandl", CitizenScopes);
        var caseworker = await web.TokenAsync("cw.buergerbuero", "openid profile queue");
        var otherDepartment = await web.TokenAsync("cw.standesamt", "openid profile queue");
        var supervisor = await web.TokenAsync("sv.buergerbuero", "openid profile queue");
        var editor = await web.EditorTokenAsync();
        var forConversation = await web.TokenAsync("anna.huber", "openid conversation");
        var forTicket = await web.TokenAsync("anna.huber", "openid cases");
        var sessionA = await web.SessionAsync("anna.huber");
        var sessionB = await web.SessionAsync("sepp.brandl");

        var citizenA = await web.CitizenIdAsync("anna.huber");
        var chat = await web.ChatAsync(a);
        var @case = await web.OpenCaseAsync("buergerbuero", citizenA, chat.Id);
        var document = await web.IssueDocumentAsync(citizenA, chat.Id);
        var known = await KnownAsync(chat.Id, @case, document.Id, await TemplateAsync(supervisor));

        // The issued document is also a message in A's Postfach (its id is the document's): the others must not reach it.
        using (var postfach = web.Client("identity"))
        {
            postfach.DefaultRequestHeaders.Authorization = new("Bearer", a);
            await Eventually.HoldsAsync(async () => (await postfach.GetAsync($"/api/postfach/{document.Id}")).IsSuccessStatusCode, "the document reached A's Postfach",
                TimeSpan.FromSeconds(60));
        }

        // The expired copies are checked to be accepted with their original lifetime: only the expiry refuses them.
        var genuine = web.Resigned(a, TimeSpan.Zero);
        using (var probe = web.Client("ticket"))
        {
            probe.DefaultRequestHeaders.Authorization = new("Bearer", genuine);
            Assert.True((await probe.GetAsync("/api/my/cases")).IsSuccessStatusCode, "a token signed again with its own lifetime is accepted");
        }

        var holders = new Dictionary<string, string>
        {
            [Shared.Auth.Policies.Chat] = a, [Shared.Auth.Policies.MyCases] = a, [MucGov.Identity.Extensions.ProfilePolicy] = a, [Shared.Auth.Policies.Buergerkonto] = a,
            [Shared.Auth.Policies.Caseworker] = caseworker, [Shared.Auth.Policies.Supervisor] = supervisor, [Shared.Auth.Policies.KnowledgeEditor] = editor,
        };
        var attempts = new List<SweepRequest>();
        var routes = Operations.GatewayRoutes(web.Gateway);
        foreach (var operation in web.Operations.Where(o => o.App != "gateway"))
        {
            var chatResource = operation.Path.StartsWith("/api/conversations/{id}", StringComparison.Ordinal);
            if (operation.Policy is null && !chatResource)
            {
                continue;
            }

            var holder = operation.Policy is null ? a : holders.TryGetValue(operation.Policy, out var token) ? token
                : throw new InvalidOperationException($"{operation} needs policy '{operation.Policy}': add who holds it to the sweep.");
            var callers = new List<Caller>
            {
                Caller.Nobody,
                new("an expired token", Bearer: web.Resigned(holder, TimeSpan.FromHours(-2))),
                new("a token for another API", Bearer: operation.App == "conversation" ? forTicket : forConversation),
            };
            if (operation.Policy is Shared.Auth.Policies.Caseworker or Shared.Auth.Policies.Supervisor or Shared.Auth.Policies.KnowledgeEditor)
            {
                callers.Add(new("a citizen", Bearer: a));
            }

            if (chatResource || OneOfACitizensThings(operation))
            {
                callers.Add(new("citizen B", Bearer: b));
            }

            if (operation.Path.StartsWith("/api/cases/", StringComparison.Ordinal))
            {
                callers.Add(new("another department's caseworker", Bearer: otherDepartment));
            }

            if (operation.Policy == Shared.Auth.Policies.Supervisor)
            {
                callers.Add(new("a caseworker", Bearer: caseworker));
                attempts.Add(Attempt(operation, operation.App, known, new("another department's supervisor", Bearer: supervisor), new() { ["id"] = "standesamt" }));
            }

            if (operation.Path == "/api/queue" && operation.Method == "GET")
            {
                attempts.Add(Attempt(operation, operation.App, known, new("a caseworker asking for another department", Bearer: caseworker),
                    new() { ["department"] = "standesamt" }));
            }

            attempts.AddRange(callers.Select(caller => Attempt(operation, operation.App, known, caller)));

            // Through the gateway: the routes it guards, as a browser without a session, with an expired token, and
            // with a citizen's session on staff routes; the chats and a citizen's things with another citizen's session.
            var route = routes.FirstOrDefault(r => operation.Path.StartsWith(r.Prefix, StringComparison.Ordinal));
            if (route.Policy is not null)
            {
                attempts.Add(Attempt(operation, "gateway", known, new("a browser without a session")));
                attempts.Add(Attempt(operation, "gateway", known, new("an expired token", Bearer: web.Resigned(holder, TimeSpan.FromHours(-2)))));
                if (route.Policy is Shared.Auth.Policies.Caseworker or Shared.Auth.Policies.Supervisor)
                {
                    attempts.Add(Attempt(operation, "gateway", known, new("citizen A's session", Cookie: sessionA)));
                }
            }

            if (route.Prefix is not null && (chatResource || OneOfACitizensThings(operation)))
            {
                attempts.Add(Attempt(operation, "gateway", known, new("citizen B's session", Cookie: sessionB)));
            }
        }

        var console = new Operation("gateway", "GET", "/console", [], null, Shared.Auth.Policies.Caseworker, null!);
        attempts.Add(new SweepRequest(console, "gateway", "GET", "/console", [], null, new("a browser without a session")));
        attempts.Add(new SweepRequest(console, "gateway", "GET", "/console", [], null, new("citizen A's session", Cookie: sessionA)));

        var faults = new List<string>();
        var (allowed, errors) = (0, 0);
        var clients = web.Running.Keys.ToDictionary(app => app, web.Client);
        foreach (var attempt in attempts)
        {
            using var message = attempt.Message();
            using var response = await clients[attempt.Via].SendAsync(message, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            var toSignIn = status == 302 && attempt.Url == "/console" && response.Headers.Location?.OriginalString.StartsWith("/bff/login", StringComparison.Ordinal) == true;
            if (status is 401 or 403 or 404 || toSignIn)
            {
                continue;
            }

            allowed += status is >= 200 and < 300 ? 1 : 0;
            errors += status >= 500 ? 1 : 0;
            var body = await Answers.BodyAsync(response, TestContext.Current.CancellationToken);
            faults.Add($"{status}: {attempt} → {(body.Length > 300 ? body[..300] + "…" : body)}");
        }

        var line = $"access sweep: {attempts.Count} requests, {allowed} allowed, {errors} 5xx";
        TestContext.Current.TestOutputHelper?.WriteLine($"{attempts.Select(x => x.Operation).Distinct().Count()} resources, {clock.Elapsed.TotalSeconds:F0} s");
        await Artifacts.ReportScoreAsync("access-sweep", line);

        Assert.Contains(attempts, x => x.Operation.App == "identity");
        Assert.Contains(attempts, x => x.Operation.App == "knowledge");
        Assert.Contains(attempts, x => x.Operation.App == "conversation");
        Assert.Contains(attempts, x => x.Operation.App == "ticket");
        Assert.Contains(attempts, x => x.Via == "gateway");
        Assert.True(faults.Count == 0, $"{line}\n{string.Join("\n", faults.Take(40))}");
    }

    private static readonly string[] IdPrefixes =
        ["/api/conversations/", "/api/cases/", "/api/knowledge/services/", "/api/knowledge/life-situations/", "/api/departments/", "/api/my/documents/", "/api/postfach/"];

    /// <summary>One case, document or Postfach message of a citizen's own (<c>/api/my/…/{id}</c>, <c>/api/postfach/{id}</c>).</summary>
    private static bool OneOfACitizensThings(Operation operation) =>
        (operation.Path.StartsWith("/api/my/", StringComparison.Ordinal) || operation.Path.StartsWith("/api/postfach/", StringComparison.Ordinal))
        && operation.Path.Contains('{', StringComparison.Ordinal);

    /// <summary>A well-formed request for <paramref name="operation"/> on citizen A's things, from <paramref name="caller"/>.</summary>
    private static SweepRequest Attempt(Operation operation, string via, IReadOnlyDictionary<string, string> known, Caller caller, Dictionary<string, string>? overrides = null)
    {
        var values = new Dictionary<string, string>(known);
        foreach (var prefix in IdPrefixes)
        {
            if (operation.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                values["id"] = known[prefix];
            }
        }

        foreach (var (name, value) in overrides ?? [])
        {
            values[name] = value;
        }

        var url = operation.Path;
        var query = new List<string>();
        var headers = new List<(string, string)>();
        foreach (var parameter in operation.Parameters)
        {
            var value = values.GetValueOrDefault(parameter.Name);
            switch (parameter.In)
            {
                case "path":
                    url = url.Replace("{" + parameter.Name + "}", BadInput.Escape(value ?? ""), StringComparison.Ordinal);
                    break;
                case "query" when value is not null && (parameter.Required || overrides?.ContainsKey(parameter.Name) == true):
                    query.Add($"{parameter.Name}={BadInput.Escape(value)}");
                    break;
                case "header" when value is not null && parameter.Name != "X-Conversation-Key":
                    headers.Add((parameter.Name, value));
                    break;
            }
        }

        var body = operation.Body is { } schema
            ? new Body(BadInput.Write(BadInput.Value(operation.Schemas, schema, null, values, wrong: 0).Generate(PCG.ThreadPCG, null!, out CsCheck.Size _)), "application/json")
            : null;
        return new SweepRequest(operation, via, operation.Method, query.Count == 0 ? url : url + "?" + string.Join("&", query), headers, body, caller);
    }

    /// <summary>A reply template of the Bürgerbüro, written by its supervisor: the one the template endpoints are asked for.</summary>
    private async Task<string> TemplateAsync(string supervisor)
    {
        using var ticket = web.Client("ticket");
        ticket.DefaultRequestHeaders.Authorization = new("Bearer", supervisor);
        using var created = await ticket.PostAsJsonAsync("/api/departments/buergerbuero/templates", new
        {
            name = "Zugriffsprobe " + Guid.NewGuid().ToString("N")[..8], texts = new Dictionary<string, string> { ["de"] = "Guten Tag {name}." },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<Dictionary<string, string>> KnownAsync(Guid chat, (Guid Id, string Reference) @case, Guid document, string template)
    {
        using var knowledge = web.Client("knowledge");
        var service = (await knowledge.GetFromJsonAsync<JsonElement>("/api/knowledge/search?q=Reisepass&lang=de")).GetProperty("hits").EnumerateArray()
            .First(h => h.GetProperty("kind").GetString() == "service").GetProperty("serviceId").GetString()!;
        var lifeSituation = (await knowledge.GetFromJsonAsync<JsonElement>("/api/knowledge/life-situations?lang=de")).EnumerateArray().First().GetProperty("id").GetString()!;
        return new Dictionary<string, string>
        {
            ["/api/conversations/"] = chat.ToString(),
            ["/api/cases/"] = @case.Id.ToString(),
            ["/api/knowledge/services/"] = service,
            ["/api/knowledge/life-situations/"] = lifeSituation,
            ["/api/departments/"] = "buergerbuero",
            ["/api/my/documents/"] = document.ToString(),
            ["/api/postfach/"] = document.ToString(),
            ["reference"] = @case.Reference,
            ["templateId"] = template,
            ["If-Match"] = "*",
            ["text"] = "Ich hätte noch eine Frage.",
            ["clientMessageId"] = "access-sweep",
            ["departmentId"] = "standesamt",
            ["reason"] = "Gehört zum Standesamt.",
            ["resolution"] = "Erledigt.",
            ["givenName"] = "Anna",
            ["familyName"] = "Huber",
            ["preferredLanguage"] = "de",
        };
    }
}
