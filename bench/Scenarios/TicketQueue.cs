using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MucGov.Bench.Scenarios;

/// <summary>
/// A caseworker's queue through the gateway: <c>GET /api/queue</c> with a bearer token (validated by the gateway and
/// by the ticket service), the department filter and deadline order in SQL.
/// </summary>
public sealed class TicketQueue : IScenario, IReportsFigures
{
    private const int Chats = 30;

    private readonly HttpClient client = new();

    public string Name => "ticket-queue";
    public string Description => "GET /api/queue as cw.buergerbuero through the gateway (token checks, department filter, deadline order)";

    public IDictionary<string, double> Figures { get; } = new Dictionary<string, double>();

    public async Task SetUpAsync(BenchContext context, CancellationToken ct)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await DemoLogins.TokenAsync(context.Gateway, "cw.buergerbuero", "openid queue", ct));
        // Fill the queue the way citizens do: ask, ask for a person, consent — then wait until the cases are there.
        var before = await OpenCasesAsync(context, ct);
        using var citizen = new HttpClient();
        var token = await DemoLogins.TokenAsync(context.Gateway, "anna.huber", "openid conversation", ct);
        citizen.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (var i = 0; i < Chats; i++)
        {
            using var created = await citizen.PostAsync(new Uri(context.Gateway, "/api/conversations"), null, ct);
            var chat = JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetGuid();
            foreach (var (text, action) in new[] { ("Wo bekomme ich einen Personalausweis?", (string?)null), ("Ich möchte mit einem Menschen sprechen", null), ("Ja",
                "consent:yes") })
            {
                using var said = await citizen.PostAsJsonAsync(new Uri(context.Gateway, $"/api/conversations/{chat}/messages"),
                    new { text, clientMessageId = Guid.NewGuid().ToString(), actionId = action }, ct);
                said.EnsureSuccessStatusCode();
            }
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await OpenCasesAsync(context, ct) < before + Chats && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, ct);
        }

        Figures["openCases"] = await OpenCasesAsync(context, ct);
    }

    private async Task<int> OpenCasesAsync(BenchContext context, CancellationToken ct) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri(context.Gateway, "/api/queue?status=open&pageSize=1"), ct)).RootElement.GetProperty("total").GetInt32();

    public async Task RunOnceAsync(BenchContext context, int worker, CancellationToken ct)
    {
        using var response = await client.GetAsync(new Uri(context.Gateway, "/api/queue?status=open&pageSize=20"), ct);
        response.EnsureSuccessStatusCode();
    }
}
