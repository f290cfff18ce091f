using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Conversation;
using MucGov.Contracts.Ticket;
using MucGov.IntegrationTests.Hosting;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Ticket;

/// <summary>What the console needs to be a workplace: search, readable names, unread marks, templates, the live queue.</summary>
public sealed partial class CaseFlowTests
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await Apps.ProblemAsync(response);
    }

    private static HashSet<string> References(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()!)];

    [Fact]
    public async Task Queue_search_finds_cases_by_reference_name_and_text_within_the_callers_departments_only()
    {
        var word = "Gartenzwerg" + Guid.NewGuid().ToString("N")[..6];
        var citizen = await ticket.CitizenIdAsync("anna.huber");
        var escalation = TicketFixture.Escalation("buergerbuero", citizen: citizen);
        var byChat = await ticket.OpenAsync(escalation with { Transcript = [new TranscriptEntry(1, "citizen", $"Mein {word} wurde gestohlen", DateTimeOffset.UtcNow)] });
        var other = await ticket.OpenAsync(TicketFixture.Escalation("buergerbuero"));
        var elsewhere = await ticket.OpenAsync(TicketFixture.Escalation("standesamt") with
        {
            Transcript = [new TranscriptEntry(1, "citizen", $"{word} im Standesamt", DateTimeOffset.UtcNow)],
        });
        using var maria = await ticket.ClientOfAsync("cw.buergerbuero");
        await OkJsonAsync(await PostAsync(maria, $"/api/cases/{other.CaseId}/claim"));
        await OkJsonAsync(await PostAsync(maria, $"/api/cases/{other.CaseId}/messages", new { text = $"Notiz zum {word.ToUpperInvariant()}", @internal = true }));

        var byWord = await OkJsonAsync(await maria.GetAsync($"/api/queue?q={word.ToLowerInvariant()}"));
        var byReference = await OkJsonAsync(await maria.GetAsync($"/api/queue?q={byChat.Reference}"));
        var byName = await OkJsonAsync(await maria.GetAsync("/api/queue?q=anna%20huber&pageSize=100"));
        var wildcard = await OkJsonAsync(await maria.GetAsync("/api/queue?q=%25%25"));

        // The transcript and a note match, case-insensitively; the Standesamt's case is not Maria's to find.
        Assert.Equal([byChat.Reference, other.Reference], References(byWord));
        Assert.Equal([byChat.Reference], References(byReference));
        Assert.Contains(byChat.Reference, References(byName));
        Assert.DoesNotContain(other.Reference, References(byName));
        Assert.DoesNotContain(elsewhere.Reference, References(byWord));
        Assert.Equal(0, wildcard.GetProperty("total").GetInt32());
        var item = byName.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("reference").GetString() == byChat.Reference);
        Assert.Equal(("Anna Huber", "Bürgerbüro"), (item.GetProperty("citizenName").GetString(), item.GetProperty("departmentName").GetString()));
        foreach (var bad in new[] { "x", " ", new string('a', 201), "a\0b" })
        {
            var problem = await ProblemAsync(await maria.GetAsync($"/api/queue?q={Uri.EscapeDataString(bad)}"), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _), bad);
        }
    }

    [Fact]
    public async Task Citizen_messages_since_the_departments_last_message_are_marked_unread_in_the_queue()
    {
        var (opened, maria) = await ClaimedAsync();
        async Task<int> UnreadAsync() => (await OkJsonAsync(await maria.GetAsync($"/api/queue?q={opened.Reference}")))
            .GetProperty("items")[0].GetProperty("unreadCitizenMessages").GetInt32();

        Assert.Equal(0, await UnreadAsync());
        for (var i = 0; i < 2; i++)
        {
            await ticket.PublishAsync(new CitizenMessagePosted(opened.ConversationId, Guid.NewGuid(), opened.EscalationId!.Value, $"Noch etwas ({i})", DateTimeOffset.UtcNow));
        }

        await Eventually.HoldsAsync(async () => await UnreadAsync() == 2, "two citizen messages are unread", TicketFixture.Patience);
        await OkJsonAsync(await PostAsync(maria, $"/api/cases/{opened.CaseId}/messages", new { text = "Danke, wir prüfen das." }));
        Assert.Equal(0, await UnreadAsync());
    }

    [Fact]
    public async Task Supervisor_manages_templates_caseworkers_read_them_and_get_them_filled_for_a_case_in_its_language()
    {
        using var thomas = await ticket.ClientOfAsync("sv.buergerbuero");
        using var maria = await ticket.ClientOfAsync("cw.buergerbuero");
        var name = "Termin bestätigt " + Guid.NewGuid().ToString("N")[..6];
        var created = await thomas.PostAsJsonAsync("/api/departments/buergerbuero/templates", new
        {
            name,
            texts = new Dictionary<string, string>
            {
                ["de"] = "Guten Tag {name}, Ihr Anliegen {reference} ist beim {department} angekommen. {caseworker}",
                ["en"] = "Hello {name}, your request {reference} reached the {department}. {caseworker}",
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var template = await OkJsonAsync(created);
        var id = template.GetProperty("id").GetGuid();

        // Caseworkers of the department see it; the filled text of an English case is English, with the case's values.
        var list = await OkJsonAsync(await maria.GetAsync("/api/departments/buergerbuero/templates"));
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("id").GetGuid() == id);
        var citizen = await ticket.CitizenIdAsync("anna.huber");
        var english = await ticket.OpenAsync(TicketFixture.Escalation("buergerbuero", "en", citizen));
        var filled = (await OkJsonAsync(await maria.GetAsync($"/api/cases/{english.CaseId}/templates"))).EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == id);
        Assert.Equal("en", filled.GetProperty("language").GetString());
        Assert.Equal($"Hello Anna Huber, your request {english.Reference} reached the Bürgerbüro. Maria Schneider", filled.GetProperty("text").GetString());
        var turkish = await ticket.OpenAsync(TicketFixture.Escalation("buergerbuero", "tr"));
        var anonymous = (await OkJsonAsync(await maria.GetAsync($"/api/cases/{turkish.CaseId}/templates"))).EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == id);
        Assert.StartsWith("Hello, your request", anonymous.GetProperty("text").GetString());

        // Editing with a stale version is refused; with the current one it lands; deleting removes it.
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/departments/buergerbuero/templates/{id}")
        {
            Content = JsonContent.Create(new { name, texts = new { de = "Neu" } }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await thomas.SendAsync(stale)).StatusCode);
        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/departments/buergerbuero/templates/{id}")
        {
            Content = JsonContent.Create(new { name, texts = new { de = "Neu, {name}" } }),
        };
        edit.Headers.TryAddWithoutValidation("If-Match", template.GetProperty("version").GetString());
        var edited = await OkJsonAsync(await thomas.SendAsync(edit));
        Assert.Equal("Neu, {name}", edited.GetProperty("texts").GetProperty("de").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await thomas.DeleteAsync($"/api/departments/buergerbuero/templates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await thomas.DeleteAsync($"/api/departments/buergerbuero/templates/{id}")).StatusCode);
        Assert.DoesNotContain((await OkJsonAsync(await maria.GetAsync("/api/departments/buergerbuero/templates"))).EnumerateArray(), t => t.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Templates_refuse_bad_input_and_callers_outside_the_department_or_without_the_supervisor_role()
    {
        using var thomas = await ticket.ClientOfAsync("sv.buergerbuero");
        using var sabine = await ticket.ClientOfAsync("sv.buergerservice");
        using var maria = await ticket.ClientOfAsync("cw.buergerbuero");
        using var citizen = await ticket.ClientOfAsync("anna.huber");
        using var anonymous = ticket.Client();
        const string path = "/api/departments/buergerbuero/templates";
        var before = await ticket.WithDbAsync(db => db.Templates.CountAsync());

        var bad = new (object Body, string Field)[]
        {
            (new { texts = new { de = "Text" } }, "name"),
            (new { name = new string('n', 101), texts = new { de = "Text" } }, "name"),
            (new { name = "Ohne Deutsch", texts = new { en = "Text" } }, "texts"),
            (new { name = "Sprache", texts = new Dictionary<string, string> { ["de"] = "Text", ["xx"] = "Text" } }, "texts.xx"),
            (new { name = "Leer", texts = new { de = "  " } }, "texts.de"),
            (new { name = "Platzhalter", texts = new { de = "Hallo {vorname}" } }, "texts.de"),
        };
        foreach (var (body, field) in bad)
        {
            var problem = await ProblemAsync(await thomas.PostAsJsonAsync(path, body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var unique = new { name = "Doppelt " + Guid.NewGuid().ToString("N")[..6], texts = new { de = "Text" } };
        Assert.Equal(HttpStatusCode.Created, (await thomas.PostAsJsonAsync(path, unique)).StatusCode);
        await ProblemAsync(await thomas.PostAsJsonAsync(path, unique), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Forbidden, (await maria.PostAsJsonAsync(path, new { name = "Von Maria", texts = new { de = "Text" } })).StatusCode);
        await ProblemAsync(await sabine.PostAsJsonAsync(path, new { name = "Von Sabine", texts = new { de = "Text" } }), HttpStatusCode.NotFound);
        await ProblemAsync(await sabine.GetAsync(path), HttpStatusCode.NotFound);
        await ProblemAsync(await thomas.DeleteAsync($"{path}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/queue/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/queue/events")).StatusCode);
        Assert.Equal(before + 1, await ticket.WithDbAsync(db => db.Templates.CountAsync()));
    }

    [Fact]
    public async Task The_live_queue_streams_new_claimed_and_transferred_cases_to_the_departments_caseworkers_only()
    {
        using var maria = await ticket.ClientOfAsync("cw.buergerbuero");
        using var katharina = await ticket.ClientOfAsync("cw.standesamt");
        maria.Timeout = katharina.Timeout = Timeout.InfiniteTimeSpan;
        using var mariaStream = new QueueStream(await maria.GetAsync("/api/queue/events", HttpCompletionOption.ResponseHeadersRead));
        using var katharinaStream = new QueueStream(await katharina.GetAsync("/api/queue/events", HttpCompletionOption.ResponseHeadersRead));
        Assert.Equal("ready", (await mariaStream.NextAsync()).Event);
        Assert.Equal("ready", (await katharinaStream.NextAsync()).Event);

        var opened = await ticket.OpenAsync(TicketFixture.Escalation("buergerbuero"));
        Assert.Equal(QueueChanges.New, await mariaStream.ChangeOfAsync(opened.CaseId));
        await OkJsonAsync(await PostAsync(maria, $"/api/cases/{opened.CaseId}/claim"));
        Assert.Equal(QueueChanges.Claimed, await mariaStream.ChangeOfAsync(opened.CaseId));
        await OkJsonAsync(await PostAsync(maria, $"/api/cases/{opened.CaseId}/transfer", new { departmentId = "standesamt", reason = "Eheschließung" }));
        Assert.Equal(QueueChanges.Transferred, await mariaStream.ChangeOfAsync(opened.CaseId));
        // Katharina hears of the case only when it reaches her department: its opening and claim were not hers to see.
        Assert.Equal(QueueChanges.Transferred, await katharinaStream.ChangeOfAsync(opened.CaseId));
    }

    /// <summary>Reads Server-Sent Events of the queue stream.</summary>
    private sealed class QueueStream(HttpResponseMessage response) : IDisposable
    {
        private readonly StreamReader reader = new(response.Content.ReadAsStream());

        public async Task<(string Event, JsonElement Data)> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TicketFixture.Patience);
            string? name = null;
            while (true)
            {
                var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    return (name ?? "message", JsonSerializer.Deserialize<JsonElement>(line[6..]));
                }
            }
        }

        /// <summary>The change of the next event about <paramref name="caseId"/>; events of other cases (other tests) are passed over.</summary>
        public async Task<string> ChangeOfAsync(Guid caseId)
        {
            while (true)
            {
                var (name, data) = await NextAsync();
                if (name == "queue-changed" && data.GetProperty("caseId").GetGuid() == caseId)
                {
                    return data.GetProperty("change").GetString()!;
                }
            }
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }
}
