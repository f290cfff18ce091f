using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CsCheck;
using MucGov.IntegrationTests.Hosting;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Hardening;

/// <summary>
/// Every operation of every app's OpenAPI document (read at run time, so a new endpoint is swept without a change
/// here) gets generated bad input — broken JSON, wrong types, missing and extra fields, huge values, Unicode edge
/// cases, injection strings — in its path, query, headers and body, straight to the app and through the gateway,
/// with valid credentials so the input reaches the checks behind sign-in. For every answer: never a 5xx; every
/// refusal is problem+json (the exceptions are the standard formats named in <see cref="Answers.Fault"/>); and a
/// refused request stores nothing: the row counts of every table of every app's database are the same before and
/// after it (tables that change with any request are named in <see cref="RowCounts.Ignored"/>). Inputs that happen
/// to be valid may succeed; after a successful change the sweep waits until its effects have landed.
/// The seed is printed; <c>MUCGOV_SWEEP_SEED</c> replays a run.
/// </summary>
public sealed class BadInputSweepTests(SweepPlatform web) : IClassFixture<SweepPlatform>
{
    private const int SamplesPerOperation = 24;
    private const int SamplesThroughGateway = 8;

    private static readonly string[] ExtraQueryNames = ["id", "$filter", "__proto__", "q", "page", "lang"];

    [Fact]
    public async Task Every_operation_answers_generated_bad_input_with_a_problem_and_stores_nothing()
    {
        var clock = Stopwatch.StartNew();
        var pcg = Environment.GetEnvironmentVariable("MUCGOV_SWEEP_SEED") is { Length: > 0 } replay ? PCG.Parse(replay) : PCG.ThreadPCG;
        var seed = pcg.ToString();
        var callers = await CallersAsync();
        var requests = new List<SweepRequest>();
        var routes = Operations.GatewayRoutes(web.Gateway);
        // Deleting comes last, so the things it removes (the sweep's own account, a catalog entry) serve every other operation first.
        foreach (var operation in web.Operations.OrderBy(o => o.Method == "DELETE"))
        {
            var known = await KnownAsync(operation, callers);
            var direct = Generate(operation, known.Direct, operation.App, operation.Path, callers.Direct(operation), pcg, SamplesPerOperation);
            requests.AddRange(direct);
            if (operation.App != "gateway" && routes.Any(r => operation.Path.StartsWith(r.Prefix, StringComparison.Ordinal)))
            {
                requests.AddRange(Generate(operation, known.Gateway, "gateway", operation.Path, callers.ThroughGateway(operation), pcg, SamplesThroughGateway));
            }
        }

        var faults = new List<string>();
        var answered = new Dictionary<string, SortedDictionary<int, int>>();
        var (errors, notProblem, stored) = (0, 0, 0);
        var before = await web.Rows.SettledAsync(SweepPlatform.Patience);
        var clients = web.Running.Keys.ToDictionary(app => app, web.Client);
        foreach (var request in requests)
        {
            using var message = request.Message();
            using var response = await clients[request.Via].SendAsync(message, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            var statuses = answered.TryGetValue($"{request.Operation} via {request.Via}", out var s) ? s : answered[$"{request.Operation} via {request.Via}"] = [];
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            var body = await Answers.BodyAsync(response, TestContext.Current.CancellationToken);
            if (Answers.Fault(new Uri(clients[request.Via].BaseAddress!, request.Url).AbsolutePath, response, body) is { } fault)
            {
                errors += (int)response.StatusCode >= 500 ? 1 : 0;
                notProblem += (int)response.StatusCode >= 500 ? 0 : 1;
                faults.Add($"{(int)response.StatusCode} {fault}: {request} → {Excerpt(body)}");
            }

            if ((int)response.StatusCode >= 400)
            {
                var after = await web.Rows.CountAsync();
                if (RowCounts.Changes(before, after) is { Count: > 0 } changes)
                {
                    stored++;
                    faults.Add($"{(int)response.StatusCode} stored {string.Join(", ", changes)}: {request}");
                }

                before = after;
            }
            else if (request.Operation.Changes)
            {
                before = await web.Rows.SettledAsync(TimeSpan.FromSeconds(10));
            }
        }

        var line = $"bad-input sweep: {requests.Count} requests over {web.Operations.Count} operations, {errors} 5xx, {notProblem} not problem+json, {stored} rows stored";
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed} (MUCGOV_SWEEP_SEED={seed} replays it), {clock.Elapsed.TotalSeconds:F0} s");
        foreach (var (operation, statuses) in answered)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"  {operation}: {string.Join(" ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        }

        await Artifacts.ReportScoreAsync("bad-input-sweep", line);

        Assert.NotEmpty(web.Operations);
        Assert.All(Apps.All, app => Assert.Contains(web.Operations, o => o.App == app));
        Assert.True(faults.Count == 0, $"{line} (seed {seed})\n{string.Join("\n", faults.Take(40))}");
    }

    private static string Excerpt(string body) => body.Length > 300 ? body[..300] + "…" : body;

    /// <summary>The requests of <paramref name="operation"/>, generated from <paramref name="pcg"/>.</summary>
    private static List<SweepRequest> Generate(
        Operation operation, IReadOnlyDictionary<string, string> known, string via, string path, Caller caller, PCG pcg, int samples)
    {
        var gen = RequestOf(operation, known, via, caller);
        return [.. Enumerable.Range(0, samples).Select(_ => gen.Generate(pcg, null!, out CsCheck.Size _))];
    }

    private static Gen<SweepRequest> RequestOf(Operation operation, IReadOnlyDictionary<string, string> known, string via, Caller caller)
    {
        var value = (Parameter p) => known.TryGetValue(p.Name, out var v) ? v : BadInput.Plausible(p.Name, Format(p), known);
        var parameters = operation.Parameters.Aggregate(Gen.Const(new List<(Parameter Parameter, string? Value)>()), (list, p) => list.Select<List<(Parameter, string?)>, string?,
            List<(Parameter, string?)>>(p.In switch
            {
                "path" => Gen.Frequency((2, Gen.Const<string?>(value(p))), (1, BadInput.Text.Select(t => (string?)t))),
                "header" => Gen.Frequency((8, Gen.Const<string?>(value(p))), (1, Gen.Const(default(string))), (1, BadInput.Text.Select(t => (string?)BadInput.HeaderSafe(t)))),
                _ => Gen.Frequency((3, Gen.Const(default(string))), (3, Gen.Const<string?>(value(p))), (4, BadInput.Text.Select(t => (string?)t))),
            }, (l, v) => [.. l, (p, v)]));
        var extra = Gen.Frequency(
            (4, Gen.Const(default((string, string)?))),
            (1, Gen.OneOf(ExtraQueryNames).Select(BadInput.Text, (n, t) => ((string, string)?)(n, t))));
        Gen<Body?> body = operation.Body is { } schema
            ? Gen.Frequency((9, BadInput.BodyFor(operation.Schemas, schema, known).Select(b => (Body?)b)), (1, Gen.Const(default(Body))))
            : operation.Changes ? BadInput.Unexpected : Gen.Const(default(Body));
        return Gen.Select(parameters, extra, body, (values, more, content) =>
        {
            var url = operation.Path;
            var query = new List<string>();
            var headers = new List<(string, string)>();
            foreach ((Parameter parameter, string? v) in values)
            {
                switch (parameter.In)
                {
                    case "path":
                        url = url.Replace("{" + parameter.Name + "}", BadInput.Escape(v ?? ""), StringComparison.Ordinal);
                        break;
                    case "header" when v is not null:
                        headers.Add((parameter.Name, v));
                        break;
                    case "query" when v is not null:
                        query.Add($"{BadInput.Escape(parameter.Name)}={BadInput.Escape(v)}");
                        break;
                }
            }

            if (more is { } pair)
            {
                query.Add($"{BadInput.Escape(pair.Item1)}={BadInput.Escape(pair.Item2)}");
            }

            return new SweepRequest(operation, via, operation.Method, query.Count == 0 ? url : url + "?" + string.Join("&", query), headers, content, caller);
        });
    }

    private static string? Format(Parameter parameter) =>
        parameter.Schema.ValueKind == JsonValueKind.Object && parameter.Schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    /// <summary>The sweep's callers: a citizen of its own, staff of one department, the catalog editor; as tokens and as gateway sessions.</summary>
    private async Task<Callers> CallersAsync()
    {
        var citizen = await web.NewCitizenAsync();
        var token = await web.TokenAsync(citizen.Username, "openid profile conversation cases buergerkonto", citizen.Password);
        return new Callers(
            citizen.Id,
            new Caller("citizen", Bearer: token),
            new Caller("caseworker", Bearer: await web.TokenAsync("cw.buergerbuero", "openid profile queue")),
            new Caller("supervisor", Bearer: await web.TokenAsync("sv.buergerbuero", "openid profile queue")),
            new Caller("catalog editor", Bearer: await web.EditorTokenAsync()),
            new Caller("citizen's session", Cookie: await web.SessionAsync(citizen.Username, citizen.Password)),
            new Caller("caseworker's session", Cookie: await web.SessionAsync("cw.buergerbuero2")),
            new Caller("supervisor's session", Cookie: await web.SessionAsync("sv.buergerservice")));
    }

    private sealed record Callers(
        Guid CitizenId, Caller Citizen, Caller Caseworker, Caller Supervisor, Caller Editor, Caller CitizenSession, Caller CaseworkerSession, Caller SupervisorSession)
    {
        /// <summary>Who may call <paramref name="operation"/> straight at its app: the holder of the token its policy asks for.</summary>
        public Caller Direct(Operation operation) => operation.App == "gateway" ? CitizenSession : operation.Policy switch
        {
            null => Caller.Nobody,
            Shared.Auth.Policies.Chat or Shared.Auth.Policies.MyCases or Shared.Auth.Policies.Buergerkonto or MucGov.Identity.Extensions.ProfilePolicy => Citizen,
            Shared.Auth.Policies.Caseworker => Caseworker,
            Shared.Auth.Policies.Supervisor => Supervisor,
            Shared.Auth.Policies.KnowledgeEditor => Editor,
            _ => throw new InvalidOperationException($"{operation} needs policy '{operation.Policy}': add who holds it to the sweep."),
        };

        /// <summary>Who calls it through the gateway: a browser session, or (catalog editing, which no session's scopes grant) the editor's token.</summary>
        public Caller ThroughGateway(Operation operation) => Direct(operation) switch
        {
            var c when c == Citizen => CitizenSession,
            var c when c == Caseworker => CaseworkerSession,
            var c when c == Supervisor => SupervisorSession,
            var c => c,
        };
    }

    private sealed record Known(IReadOnlyDictionary<string, string> Direct, IReadOnlyDictionary<string, string> Gateway);

    private Dictionary<string, string>? common;

    /// <summary>
    /// Values a well-behaved client would send for the operation's parameters and fields — real ids of this
    /// platform's chats, cases and catalog — so that a request with one bad part and valid others reaches that
    /// part's check.
    /// </summary>
    private async Task<Known> KnownAsync(Operation operation, Callers callers)
    {
        common ??= await CommonAsync(callers);
        var direct = new Dictionary<string, string>(common);
        var gateway = new Dictionary<string, string>(common);
        string? Id(string prefix) => operation.Path.StartsWith(prefix, StringComparison.Ordinal) ? common[prefix] : null;
        if ((Id("/api/conversations/") ?? Id("/api/cases/") ?? Id("/api/knowledge/services/") ?? Id("/api/knowledge/life-situations/")
            ?? Id("/api/knowledge/locations/") ?? Id("/api/departments/") ?? Id("/api/my/documents/")) is { } id)
        {
            direct["id"] = gateway["id"] = id;
        }

        // Anonymous chats: each route its own chat, as the key of a chat a session's citizen uses is taken over with the chat.
        gateway["X-Conversation-Key"] = common["gateway key"];
        if (operation.Path.StartsWith("/api/conversations/", StringComparison.Ordinal))
        {
            gateway["id"] = common["gateway chat"];
        }

        return new Known(direct, gateway);
    }

    private async Task<Dictionary<string, string>> CommonAsync(Callers callers)
    {
        using var knowledge = web.Client("knowledge");
        var hit = (await knowledge.GetFromJsonAsync<JsonElement>("/api/knowledge/search?q=Reisepass&lang=de")).GetProperty("hits").EnumerateArray()
            .First(h => h.GetProperty("kind").GetString() == "service").GetProperty("serviceId").GetString()!;
        var lifeSituation = (await knowledge.GetFromJsonAsync<JsonElement>("/api/knowledge/life-situations?lang=de")).EnumerateArray().First().GetProperty("id").GetString()!;
        var location = (await knowledge.GetFromJsonAsync<JsonElement>($"/api/knowledge/services/{hit}")).GetProperty("locations").EnumerateArray().First()
            .GetProperty("id").GetString()!;
        var chat = await web.ChatAsync(null);
        var gatewayChat = await web.ChatAsync(null);
        var own = await web.ChatAsync(callers.Citizen.Bearer);
        var mine = await web.OpenCaseAsync("buergerbuero", callers.CitizenId, own.Id);
        var anonymous = await web.OpenCaseAsync("buergerbuero", null, chat.Id);
        return new Dictionary<string, string>
        {
            ["/api/conversations/"] = chat.Id.ToString(),
            ["/api/cases/"] = anonymous.Id.ToString(),
            ["/api/knowledge/services/"] = hit,
            ["/api/knowledge/life-situations/"] = lifeSituation,
            ["/api/knowledge/locations/"] = location,
            ["/api/departments/"] = "buergerbuero",
            ["/api/my/documents/"] = Guid.NewGuid().ToString(),
            ["gateway chat"] = gatewayChat.Id.ToString(),
            ["gateway key"] = gatewayChat.Key!,
            ["X-Conversation-Key"] = chat.Key!,
            ["reference"] = mine.Reference,
            ["code"] = "7KQ2-M9XD-4HTR-B8WN",
            ["If-Match"] = "*",
            ["Last-Event-ID"] = "0",
            ["lang"] = "de",
            ["q"] = "Reisepass",
            ["take"] = "5",
            ["at"] = "2026-12-24T10:00:00+01:00",
            ["status"] = "new",
            ["language"] = "de",
            ["department"] = "buergerbuero",
            ["page"] = "1",
            ["pageSize"] = "20",
            ["days"] = "30",
            ["returnUrl"] = "/",
            ["text"] = "Wo bekomme ich einen Reisepass?",
            ["clientMessageId"] = "sweep",
            ["departmentId"] = "standesamt",
            ["reason"] = "Gehört zum Standesamt.",
            ["resolution"] = "Erledigt.",
            ["givenName"] = "Franz",
            ["familyName"] = "Xaver",
            ["preferredLanguage"] = "de",
            ["email"] = "franz.xaver@example.org",
            ["postalCode"] = "80331",
        };
    }
}
