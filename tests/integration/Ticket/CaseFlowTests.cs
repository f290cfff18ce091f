using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Contracts.Conversation;
using MucGov.Contracts.Ticket;
using MucGov.IntegrationTests.Hosting;
using MucGov.Knowledge.Catalog;
using MucGov.Shared.Calendar;
using MucGov.Testing;
using MucGov.Ticket.Cases;
using Xunit;

namespace MucGov.IntegrationTests.Ticket;

public sealed partial class CaseFlowTests(TicketFixture ticket) : IClassFixture<TicketFixture>
{
    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body = null) =>
        client.PostAsJsonAsync(path, body ?? new { });

    private async Task<(CaseOpened Opened, HttpClient Maria)> ClaimedAsync(string department = "buergerbuero", Guid? citizen = null)
    {
        var opened = await ticket.OpenAsync(TicketFixture.Escalation(department, citizen: citizen));
        var maria = await ticket.ClientOfAsync("cw.buergerbuero");
        await OkJsonAsync(await PostAsync(maria, $"/api/cases/{opened.CaseId}/claim"));
        return (opened, maria);
    }

    [Fact]
    public async Task Escalation_becomes_a_case_in_the_departments_queue_with_reference_deadline_transcript_and_snapshot()
    {
        var anna = await ticket.CitizenIdAsync("anna.huber");
        var escalation = TicketFixture.Escalation("buergerbuero", "en", anna, "personalausweis");

        var opened = await ticket.OpenAsync(escalation);
        using var maria = await ticket.ClientOfAsync("cw.buergerbuero");
        var queue = await OkJsonAsync(await maria.GetAsync("/api/queue?language=en"));
        var detail = await OkJsonAsync(await maria.GetAsync($"/api/cases/{opened.CaseId}"));

        Assert.Matches(@"^M-\d{4}-\d{6}$", opened.Reference);
        Assert.Equal("buergerbuero", opened.DepartmentId);
        Assert.Equal(escalation.ConversationId, opened.ConversationId);
        var item = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == opened.CaseId);
        Assert.Equal("new", item.GetProperty("status").GetString());
        Assert.Equal("en", item.GetProperty("language").GetString());
        Assert.Equal("normal", item.GetProperty("priority").GetString());
        Assert.True(item.GetProperty("slaDueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(opened.SlaDueAt, item.GetProperty("slaDueAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("assignee").ValueKind);
        Assert.Equal("Huber", detail.GetProperty("citizen").GetProperty("familyName").GetString());
        Assert.Equal("Soll ich Sie verbinden?", detail.GetProperty("transcript")[1].GetProperty("text").GetString());
        Assert.Equal("personalausweis", detail.GetProperty("serviceId").GetString());
        Assert.Equal("opened", detail.GetProperty("history")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Changed_business_hours_in_the_catalog_reach_the_deadlines_of_new_cases()
    {
        // Fundbüro is used by this test alone. An editor imports new hours: Mondays 09:00–10:00 only.
        var hours = new Dictionary<string, List<TimeInterval>> { ["mon"] = [TimeInterval.Parse("09:00", "10:00")] };
        await using (var scope = ticket.Knowledge.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<CatalogStore>();
            var department = new DepartmentEntry("fundbuero", new LocalizedText("Fundbüro", "Lost property office"), null, null, ["de"], hours);
            await store.ImportAsync(new CatalogFile(null, CatalogFile.CurrentFormat, [department], [], []), CancellationToken.None);
        }

        await Eventually.HoldsAsync(
            async () => (await ticket.WithDbAsync(db => db.Departments.AsNoTracking().SingleAsync(d => d.Id == "fundbuero"))).BusinessHours.Keys.SequenceEqual(["mon"]),
            "the ticket service caches the new hours", TicketFixture.Patience);
        var opened = await ticket.OpenAsync(TicketFixture.Escalation("fundbuero"));

        var local = MunichCalendar.ToLocal(opened.SlaDueAt!.Value);
        Assert.Equal(DayOfWeek.Monday, local.DayOfWeek);
        Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(10));
        Assert.True(opened.SlaDueAt > DateTimeOffset.UtcNow.AddDays(7 * 7), "eight business hours at one hour a week are seven weeks or more away");
    }

    [Fact]
    public async Task The_same_escalation_delivered_three_times_opens_one_case()
    {
        var escalation = TicketFixture.Escalation("buergerbuero");
        var consumedBefore = await ConsumedEscalationsAsync();

        await Task.WhenAll(ticket.PublishAsync(escalation), ticket.PublishAsync(escalation), ticket.PublishAsync(escalation));
        await ticket.OpenAsync(escalation);
        await ticket.PublishAsync(escalation);

        // The last publish went after the case existed; once all four are consumed nothing more can come.
        await Eventually.HoldsAsync(async () => await ConsumedEscalationsAsync() >= consumedBefore + 4, "all four deliveries are consumed", TicketFixture.Patience);
        Assert.Equal(1, await ticket.WithDbAsync(db => db.Cases.CountAsync(c => c.EscalationId == escalation.EscalationId)));
        Assert.Equal(1, ticket.Events.Count<CaseOpened>(o => o.EscalationId == escalation.EscalationId));
    }

    private Task<int> ConsumedEscalationsAsync() => ticket.WithDbAsync(db => db.Database.SqlQuery<int>(
        $"SELECT count(*)::int AS \"Value\" FROM inbox_messages WHERE consumer = 'ConversationEscalatedConsumer'").SingleAsync());

    [Fact]
    public async Task Twenty_concurrent_claims_one_wins_and_nineteen_get_409_naming_the_holder()
    {
        var opened = await ticket.OpenAsync(TicketFixture.Escalation("buergerbuero"));
        using var maria = await ticket.ClientOfAsync("cw.buergerbuero");
        using var mehmet = await ticket.ClientOfAsync("cw.buergerbuero2");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => PostAsync(i % 2 == 0 ? maria : mehmet, $"/api/cases/{opened.CaseId}/claim")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var holder = (await ticket.CaseAsync(opened.CaseId)).AssigneeName;
        Assert.Contains(holder, new[] { "Maria Schneider", "Mehmet Demir" });
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal(holder, (await Apps.ProblemAsync(conflict)).GetProperty("assignee").GetString());
        }

        Assert.Single(await ticket.HistoryAsync(opened.CaseId), h => h.Action == "claimed");
    }

    [Fact]
    public async Task Next_claims_the_most_urgent_unclaimed_case_in_a_language_the_caseworker_speaks_before_any_other()
    {
        // The Ausländerbehörde's caseworker speaks de, en, uk and ru — not Arabic. The Arabic case is the oldest.
        var arabic = await ticket.OpenAsync(TicketFixture.Escalation("auslaenderbehoerde", "ar"));
        var russian = await ticket.OpenAsync(TicketFixture.Escalation("auslaenderbehoerde", "ru"));
        var ukrainian = await ticket.OpenAsync(TicketFixture.Escalation("auslaenderbehoerde", "uk"));
        using var iryna = await ticket.ClientOfAsync("cw.auslaenderbehoerde");

        var first = await OkJsonAsync(await iryna.PostAsync("/api/queue/next", null));
        var second = await OkJsonAsync(await iryna.PostAsync("/api/queue/next", null));
        Assert.Equal(CaseStatus.New, (await ticket.CaseAsync(arabic.CaseId)).Status);
        var third = await OkJsonAsync(await iryna.PostAsync("/api/queue/next", null));

        Assert.Equal(russian.CaseId, first.GetProperty("id").GetGuid());
        Assert.Equal(ukrainian.CaseId, second.GetProperty("id").GetGuid());
        Assert.Equal("in-progress", first.GetProperty("status").GetString());
        Assert.Equal("Iryna Shevchenko", first.GetProperty("assignee").GetString());
        // Nothing left in her languages: a case in another one rather than none (nobody in the department may speak it).
        Assert.DoesNotContain(third.GetProperty("language").GetString(), new[] { "de", "bar", "en", "uk", "ru" });
        await Eventually.HoldsAsync(() => ticket.Events.Count<CaseAssigned>(a => a.CaseId == russian.CaseId) == 1, "the assignment is published", TicketFixture.Patience);
    }

    [Fact]
    public async Task Queue_pages_by_deadline_and_filters_breaching_and_status()
    {
        // French cases of the Ausländerbehörde appear in no other test.
        var cases = new List<CaseOpened>();
        for (var i = 0; i < 3; i++)
        {
            cases.Add(await ticket.OpenAsync(TicketFixture.Escalation("auslaenderbehoerde", "fr")));
        }

        var overdue = cases[2].CaseId;
        await ticket.WithDbAsync(db => db.Cases.Where(c => c.Id == overdue).ExecuteUpdateAsync(c => c.SetProperty(x => x.SlaDueAt, DateTimeOffset.UtcNow.AddMinutes(-5))));
        using var iryna = await ticket.ClientOfAsync("cw.auslaenderbehoerde");

        var first = await OkJsonAsync(await iryna.GetAsync("/api/queue?language=fr&pageSize=2&page=1"));
        var second = await OkJsonAsync(await iryna.GetAsync("/api/queue?language=fr&pageSize=2&page=2"));
        var breaching = await OkJsonAsync(await iryna.GetAsync("/api/queue?language=fr&breaching=true"));
        var inProgress = await OkJsonAsync(await iryna.GetAsync("/api/queue?language=fr&status=in-progress"));

        Assert.Equal((3, 3), (first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32()));
        var order = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([overdue, cases[0].CaseId, cases[1].CaseId], order);
        var late = Assert.Single(breaching.GetProperty("items").EnumerateArray());
        Assert.Equal(overdue, late.GetProperty("id").GetGuid());
        Assert.True(late.GetProperty("breaching").GetBoolean());
        Assert.Empty(inProgress.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Public_reply_reaches_the_chat_and_internal_note_never_leaves_the_service()
    {
        var anna = await ticket.CitizenIdAsync("anna.huber");
        var (opened, maria) = await ClaimedAsync(citizen: anna);
        using var _ = maria;

        var note = await OkJsonAsync(await PostAsync(maria, $"/api/cases/{opened.CaseId}/messages", new { text = "Interne Notiz: Akte Zugspitze prüfen", @internal = true }));
        var reply = await OkJsonAsync(await PostAsync(maria, $"/api/cases/{opened.CaseId}/messages", new { text = "Ihr Ausweis liegt zur Abholung bereit." }));

        await Eventually.HoldsAsync(() => ticket.Events.Count<CaseMessagePosted>(m => m.CaseId == opened.CaseId) == 1, "the reply is published", TicketFixture.Patience);
        var posted = ticket.Events.Messages.Select(m => m.Message).OfType<CaseMessagePosted>().Single(m => m.CaseId == opened.CaseId);
        Assert.Equal("Ihr Ausweis liegt zur Abholung bereit.", posted.Text);
        Assert.Equal(reply.GetProperty("id").GetGuid(), posted.CaseMessageId);
        Assert.Equal("Bürgerbüro", posted.DepartmentName);
        Assert.Equal(opened.ConversationId, posted.ConversationId);
        Assert.DoesNotContain(ticket.Events.Messages, m => JsonSerializer.Serialize(m.Message).Contains("Zugspitze", StringComparison.Ordinal));
        Assert.True(note.GetProperty("internal").GetBoolean());

        using var citizen = await ticket.ClientOfAsync("anna.huber");
        var mine = await OkJsonAsync(await citizen.GetAsync($"/api/my/cases/{opened.Reference}"));
        var raw = JsonSerializer.Serialize(mine);
        Assert.Contains("Ihr Ausweis liegt zur Abholung bereit.", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Zugspitze", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria", raw, StringComparison.Ordinal);
        Assert.Equal("Bürgerbüro", mine.GetProperty("messages")[0].GetProperty("from").GetString());
        var staffView = await OkJsonAsync(await maria.GetAsync($"/api/cases/{opened.CaseId}"));
        Assert.Equal(2, staffView.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Request_info_waits_for_the_citizen_and_the_answer_reopens_the_case_once()
    {
        var escalation = TicketFixture.Escalation("buergerbuero");
        var opened = await ticket.OpenAsync(escalation);
        using var maria = await ticket.ClientOfAsync("cw.buergerbuero");
        await OkJsonAsync(await PostAsync(maria, $"/api/cases/{opened.CaseId}/claim"));

        var waiting = await OkJsonAsync(await PostAsync(maria, $"/api/cases/{opened.CaseId}/request-info", new { text = "Welche Ausweisnummer hat Ihr alter Ausweis?" }));
        var answer = new CitizenMessagePosted(escalation.ConversationId, Guid.NewGuid(), escalation.EscalationId, "L01X00T47", DateTimeOffset.UtcNow);
        await ticket.PublishAsync(answer);
        await ticket.PublishAsync(answer);

        Assert.Equal("waiting-for-citizen", waiting.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("slaDueAt").ValueKind);
        await Eventually.HoldsAsync(async () => (await ticket.CaseAsync(opened.CaseId)).Status == CaseStatus.InProgress, "the answer reopens the case", TicketFixture.Patience);
        await Eventually.HoldsAsync(() => ticket.Events.Count<CaseMessagePosted>(m => m.CaseId == opened.CaseId && m.RequestsInfo) == 1, "the question reaches the chat",
            TicketFixture.Patience);
        var reopened = await ticket.CaseAsync(opened.CaseId);
        Assert.NotNull(reopened.SlaDueAt);
        Assert.Equal("Maria Schneider", reopened.AssigneeName);
        var detail = await OkJsonAsync(await maria.GetAsync($"/api/cases/{opened.CaseId}"));
        Assert.Single(detail.GetProperty("messages").EnumerateArray(), m => m.GetProperty("text").GetString() == "L01X00T47");
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "citizen-answered"
            && h.GetProperty("fromStatus").GetString() == "waiting-for-citizen" && h.GetProperty("toStatus").GetString() == "in-progress");
    }

    [Fact]
    public async Task Transfer_moves_the_case_to_the_other_queue_with_a_new_deadline_and_tells_the_chat()
    {
        var (opened, maria) = await ClaimedAsync();
        using var _ = maria;
        using var katharina = await ticket.ClientOfAsync("cw.standesamt");

        var moved = await OkJsonAsync(await PostAsync(maria, $"/api/cases/{opened.CaseId}/transfer", new
        {
            departmentId = "standesamt",
            reason = "Es geht um eine Namensänderung."
        }));

        Assert.Equal("new", moved.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await maria.GetAsync($"/api/cases/{opened.CaseId}")).StatusCode);
        var queue = await OkJsonAsync(await katharina.GetAsync("/api/queue?unassigned=true"));
        var item = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == opened.CaseId);
        Assert.Equal("standesamt", item.GetProperty("departmentId").GetString());
        Assert.NotEqual(opened.SlaDueAt, item.GetProperty("slaDueAt").GetDateTimeOffset());
        await Eventually.HoldsAsync(() => ticket.Events.Count<CaseTransferred>(t => t.CaseId == opened.CaseId) == 1, "the transfer is published", TicketFixture.Patience);
        var transferred = ticket.Events.Messages.Select(m => m.Message).OfType<CaseTransferred>().Single(t => t.CaseId == opened.CaseId);
        Assert.Equal(("buergerbuero", "standesamt", "Standesamt München"), (transferred.FromDepartmentId, transferred.ToDepartmentId, transferred.ToDepartmentName));
        var history = await ticket.HistoryAsync(opened.CaseId);
        Assert.Contains(history, h => h.Action == "transferred" && h.Detail!.Contains("Namensänderung", StringComparison.Ordinal) && h.ActorName == "Maria Schneider");
    }

    [Fact]
    public async Task Resolve_closes_the_case_publishes_the_resolution_and_refuses_every_further_change()
    {
        var (opened, maria) = await ClaimedAsync();
        using var _ = maria;

        var resolved = await OkJsonAsync(await PostAsync(maria, $"/api/cases/{opened.CaseId}/resolve", new { resolution = "Termin am Montag, 9 Uhr, ist gebucht." }));
        var historyAfterResolve = (await ticket.HistoryAsync(opened.CaseId)).Count;
        var refused = new[]
        {
            await PostAsync(maria, $"/api/cases/{opened.CaseId}/claim"),
            await PostAsync(maria, $"/api/cases/{opened.CaseId}/release"),
            await PostAsync(maria, $"/api/cases/{opened.CaseId}/messages", new { text = "Noch etwas" }),
            await PostAsync(maria, $"/api/cases/{opened.CaseId}/request-info", new { text = "Noch eine Frage" }),
            await PostAsync(maria, $"/api/cases/{opened.CaseId}/transfer", new { departmentId = "standesamt", reason = "Doch nicht" }),
            await PostAsync(maria, $"/api/cases/{opened.CaseId}/resolve", new { resolution = "Nochmal" }),
        };

        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains("resolved", (await Apps.ProblemAsync(refused[2])).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(historyAfterResolve, (await ticket.HistoryAsync(opened.CaseId)).Count);
        await Eventually.HoldsAsync(() => ticket.Events.Count<CaseResolved>(r => r.CaseId == opened.CaseId) == 1, "the resolution is published", TicketFixture.Patience);
        Assert.Equal("Termin am Montag, 9 Uhr, ist gebucht.",
            ticket.Events.Messages.Select(m => m.Message).OfType<CaseResolved>().Single(r => r.CaseId == opened.CaseId).Resolution);
    }

    [Fact]
    public async Task Illegal_transitions_of_open_cases_are_refused_with_409_and_change_nothing()
    {
        var opened = await ticket.OpenAsync(TicketFixture.Escalation("buergerbuero"));
        using var maria = await ticket.ClientOfAsync("cw.buergerbuero");
        using var mehmet = await ticket.ClientOfAsync("cw.buergerbuero2");
        var path = $"/api/cases/{opened.CaseId}";

        // New: nothing but claim (and notes, transfer).
        var onNew = new[]
        {
            await PostAsync(maria, $"{path}/messages", new { text = "Hallo" }),
            await PostAsync(maria, $"{path}/request-info", new { text = "Frage" }),
            await PostAsync(maria, $"{path}/resolve", new { resolution = "Fertig" }),
            await PostAsync(maria, $"{path}/release"),
        };
        await OkJsonAsync(await PostAsync(maria, $"{path}/claim"));
        // Held by Maria: Mehmet may not answer, resolve or release; Maria may not claim again.
        var heldByOther = new[]
        {
            await PostAsync(mehmet, $"{path}/messages", new { text = "Hallo" }),
            await PostAsync(mehmet, $"{path}/resolve", new { resolution = "Fertig" }),
            await PostAsync(mehmet, $"{path}/release"),
            await PostAsync(maria, $"{path}/claim"),
        };
        await OkJsonAsync(await PostAsync(maria, $"{path}/request-info", new { text = "Frage" }));
        var history = (await ticket.HistoryAsync(opened.CaseId)).Count;
        var onWaiting = new[]
        {
            await PostAsync(maria, $"{path}/request-info", new { text = "Noch eine Frage" }),
            await PostAsync(maria, $"{path}/release"),
        };

        Assert.All(onNew.Concat(heldByOther).Concat(onWaiting), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal("Claim the case first.", (await Apps.ProblemAsync(onNew[0])).GetProperty("detail").GetString());
        Assert.Equal("Maria Schneider", (await Apps.ProblemAsync(heldByOther[0])).GetProperty("assignee").GetString());
        Assert.Contains("already waiting", (await Apps.ProblemAsync(onWaiting[0])).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(history, (await ticket.HistoryAsync(opened.CaseId)).Count);
        Assert.Equal(CaseStatus.WaitingForCitizen, (await ticket.CaseAsync(opened.CaseId)).Status);
    }

    [Fact]
    public async Task Every_caseworker_endpoint_answers_404_for_a_case_of_another_department()
    {
        var opened = await ticket.OpenAsync(TicketFixture.Escalation("buergerbuero"));
        using var katharina = await ticket.ClientOfAsync("cw.standesamt");
        var path = $"/api/cases/{opened.CaseId}";

        var answers = new[]
        {
            await katharina.GetAsync(path),
            await PostAsync(katharina, $"{path}/claim"),
            await PostAsync(katharina, $"{path}/release"),
            await PostAsync(katharina, $"{path}/messages", new { text = "Hallo", @internal = true }),
            await PostAsync(katharina, $"{path}/request-info", new { text = "Frage" }),
            await PostAsync(katharina, $"{path}/transfer", new { departmentId = "standesamt", reason = "Gehört zu uns" }),
            await PostAsync(katharina, $"{path}/resolve", new { resolution = "Fertig" }),
            await katharina.GetAsync("/api/queue?department=buergerbuero"),
        };
        var queue = await OkJsonAsync(await katharina.GetAsync("/api/queue?status=new"));

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.DoesNotContain("Hilfe mit meinem Anliegen", await answers[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("departmentId").GetString() != "standesamt");
        var untouched = await ticket.CaseAsync(opened.CaseId);
        Assert.Equal((CaseStatus.New, "buergerbuero", (string?)null), (untouched.Status, untouched.DepartmentId, untouched.AssigneeId));
    }

    [Fact]
    public async Task Endpoints_refuse_callers_without_the_right_token()
    {
        using var anonymous = ticket.Client();
        using var citizen = await ticket.ClientOfAsync("anna.huber");
        using var caseworker = await ticket.ClientOfAsync("cw.buergerbuero");
        var someCase = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/queue/next", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/cases/{someCase}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/my/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/departments/buergerbuero/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(citizen, $"/api/cases/{someCase}/claim")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.GetAsync("/api/departments/buergerbuero/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.GetAsync("/api/my/cases")).StatusCode);
        var problem = await Apps.ProblemAsync(await citizen.GetAsync("/api/queue"));
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Citizens_see_only_their_own_cases_with_public_messages()
    {
        var anna = await ticket.CitizenIdAsync("anna.huber");
        var sepp = await ticket.CitizenIdAsync("sepp.brandl");
        var annas = await ticket.OpenAsync(TicketFixture.Escalation("buergerbuero", citizen: anna));
        var sepps = await ticket.OpenAsync(TicketFixture.Escalation("standesamt", citizen: sepp));
        using var annaClient = await ticket.ClientOfAsync("anna.huber");

        var list = await OkJsonAsync(await annaClient.GetAsync("/api/my/cases"));
        var foreign = await annaClient.GetAsync($"/api/my/cases/{sepps.Reference}");
        var own = await OkJsonAsync(await annaClient.GetAsync($"/api/my/cases/{annas.Reference}"));

        var references = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()).ToList();
        Assert.Contains(annas.Reference, references);
        Assert.DoesNotContain(sepps.Reference, references);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("new", own.GetProperty("status").GetString());
        Assert.False(own.TryGetProperty("history", out _));
        Assert.False(own.TryGetProperty("citizen", out _));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_problem_details_and_nothing_is_stored()
    {
        var (opened, maria) = await ClaimedAsync();
        using var _ = maria;
        var path = $"/api/cases/{opened.CaseId}";
        var before = (await ticket.HistoryAsync(opened.CaseId)).Count;
        var etag = (await maria.GetAsync(path)).Headers.ETag!.Tag;

        var answers = new (HttpResponseMessage Response, int Status)[]
        {
            (await PostAsync(maria, $"{path}/messages", new { text = "" }), 400),
            (await PostAsync(maria, $"{path}/messages", new { text = new string('x', 4001) }), 400),
            (await maria.PostAsync($"{path}/messages", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")), 400),
            (await PostAsync(maria, $"{path}/request-info", new { }), 400),
            (await PostAsync(maria, $"{path}/transfer", new { departmentId = "standesamt" }), 400),
            (await PostAsync(maria, $"{path}/transfer", new { departmentId = "gibts-ned", reason = "Test" }), 422),
            (await PostAsync(maria, $"{path}/transfer", new { departmentId = "buergerbuero", reason = "Test" }), 409),
            (await PostAsync(maria, $"{path}/resolve", new { resolution = " " }), 400),
            (await maria.GetAsync("/api/queue?page=0"), 400),
            (await maria.GetAsync("/api/queue?pageSize=500"), 400),
            (await maria.GetAsync("/api/queue?status=bogus"), 400),
            (await maria.GetAsync("/api/queue?language=Deutsch"), 400),
            (await maria.GetAsync("/api/queue?page=abc"), 400),
            (await maria.GetAsync($"/api/cases/{Guid.NewGuid()}"), 404),
        };
        await OkJsonAsync(await PostAsync(maria, $"{path}/messages", new { text = "Notiz", @internal = true }));
        using var stale = new HttpRequestMessage(HttpMethod.Post, $"{path}/resolve") { Content = JsonContent.Create(new { resolution = "Fertig" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var staleAnswer = await maria.SendAsync(stale);

        foreach (var (response, status) in answers)
        {
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.PreconditionFailed, staleAnswer.StatusCode);
        Assert.Equal(before + 1, (await ticket.HistoryAsync(opened.CaseId)).Count);
        Assert.Equal(CaseStatus.InProgress, (await ticket.CaseAsync(opened.CaseId)).Status);
    }

    [Fact]
    public async Task Audit_trail_records_every_change_with_who_and_from_which_state_and_cannot_be_altered()
    {
        var escalation = TicketFixture.Escalation("buergerbuero");
        var opened = await ticket.OpenAsync(escalation);
        using var maria = await ticket.ClientOfAsync("cw.buergerbuero");
        using var thomas = await ticket.ClientOfAsync("sv.buergerbuero");
        var path = $"/api/cases/{opened.CaseId}";

        await OkJsonAsync(await PostAsync(maria, $"{path}/claim"));
        await OkJsonAsync(await PostAsync(thomas, $"{path}/release"));
        await OkJsonAsync(await PostAsync(maria, $"{path}/claim"));
        await OkJsonAsync(await PostAsync(maria, $"{path}/messages", new { text = "Notiz", @internal = true }));
        await OkJsonAsync(await PostAsync(maria, $"{path}/messages", new { text = "Antwort" }));
        await OkJsonAsync(await PostAsync(maria, $"{path}/request-info", new { text = "Frage" }));
        await ticket.PublishAsync(new CitizenMessagePosted(escalation.ConversationId, Guid.NewGuid(), escalation.EscalationId, "Antwort des Bürgers", DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => (await ticket.CaseAsync(opened.CaseId)).Status == CaseStatus.InProgress, "the citizen answered", TicketFixture.Patience);
        await OkJsonAsync(await PostAsync(maria, $"{path}/resolve", new { resolution = "Erledigt" }));

        var history = (await OkJsonAsync(await maria.GetAsync(path))).GetProperty("history").EnumerateArray()
            .Select(h => (h.GetProperty("action").GetString(),
                h.GetProperty("actor").GetString() is "system" or "citizen" ? h.GetProperty("actor").GetString() : h.GetProperty("actorName").GetString(),
                h.GetProperty("fromStatus").GetString(), h.GetProperty("toStatus").GetString()))
            .ToList();
        Assert.Equal(
        [
            ("opened", "system", null, "new"),
            ("claimed", "Maria Schneider", "new", "in-progress"),
            ("released", "Thomas Bauer", "in-progress", "new"),
            ("claimed", "Maria Schneider", "new", "in-progress"),
            ("noted", "Maria Schneider", "in-progress", "in-progress"),
            ("replied", "Maria Schneider", "in-progress", "in-progress"),
            ("requested-info", "Maria Schneider", "in-progress", "waiting-for-citizen"),
            ("citizen-answered", "citizen", "waiting-for-citizen", "in-progress"),
            ("resolved", "Maria Schneider", "in-progress", "resolved"),
        ], history);
        var tampering = await Record.ExceptionAsync(() => ticket.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE case_history SET actor = 'nobody' WHERE case_id = {opened.CaseId}")));
        var deleting = await Record.ExceptionAsync(() => ticket.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM case_history WHERE case_id = {opened.CaseId}")));
        Assert.Contains("append-only", tampering?.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", deleting?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisor_sees_open_unassigned_breaching_and_median_times_of_their_department()
    {
        // Ordnung is used by this test alone.
        var cases = new List<CaseOpened>();
        for (var i = 0; i < 3; i++)
        {
            cases.Add(await ticket.OpenAsync(TicketFixture.Escalation("ordnung")));
        }

        using var sabine = await ticket.ClientOfAsync("sv.buergerservice");
        await OkJsonAsync(await PostAsync(sabine, $"/api/cases/{cases[0].CaseId}/claim"));
        await OkJsonAsync(await PostAsync(sabine, $"/api/cases/{cases[0].CaseId}/messages", new { text = "Wir kümmern uns." }));
        await OkJsonAsync(await PostAsync(sabine, $"/api/cases/{cases[0].CaseId}/resolve", new { resolution = "Ruhestörung abgestellt." }));
        await OkJsonAsync(await PostAsync(sabine, $"/api/cases/{cases[1].CaseId}/claim"));
        await ticket.WithDbAsync(db => db.Cases.Where(c => c.Id == cases[2].CaseId).ExecuteUpdateAsync(c => c.SetProperty(x => x.SlaDueAt, DateTimeOffset.UtcNow.AddHours(-1))));

        var stats = await OkJsonAsync(await sabine.GetAsync("/api/departments/ordnung/stats"));
        using var thomas = await ticket.ClientOfAsync("sv.buergerbuero");

        Assert.Equal(2, stats.GetProperty("open").GetInt32());
        Assert.Equal(1, stats.GetProperty("unassigned").GetInt32());
        Assert.Equal(1, stats.GetProperty("breaching").GetInt32());
        var resolved = await ticket.CaseAsync(cases[0].CaseId);
        Assert.Equal((resolved.FirstResponseAt!.Value - resolved.OpenedAt).TotalSeconds, stats.GetProperty("medianSecondsToFirstResponse").GetDouble(), 3);
        Assert.Equal((resolved.ResolvedAt!.Value - resolved.OpenedAt).TotalSeconds, stats.GetProperty("medianSecondsToResolution").GetDouble(), 3);
        Assert.Equal(HttpStatusCode.NotFound, (await thomas.GetAsync("/api/departments/ordnung/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sabine.GetAsync("/api/departments/ordnung/stats?days=0")).StatusCode);
    }

    [Fact]
    public async Task Erasure_anonymises_the_citizen_snapshot_and_closes_open_cases_without_a_chat_message()
    {
        const string username = "olena.kovalenko";
        var olena = await ticket.CitizenIdAsync(username);
        var open = await ticket.OpenAsync(TicketFixture.Escalation("buergerbuero", citizen: olena));
        var erasure = new MucGov.Contracts.Identity.CitizenErasureRequested(Guid.NewGuid(), olena, DateTimeOffset.UtcNow);

        await ticket.PublishAsync(erasure);

        await Eventually.HoldsAsync(async () => (await ticket.CaseAsync(open.CaseId)).AnonymisedAt is not null, "the case is anonymised", TicketFixture.Patience);
        var erased = await ticket.CaseAsync(open.CaseId);
        Assert.Empty(erased.CitizenSnapshot);
        Assert.Null(erased.CitizenId);
        Assert.Equal(CaseStatus.Resolved, erased.Status);
        Assert.NotEmpty(erased.Transcript);
        Assert.Contains(await ticket.HistoryAsync(open.CaseId), h => h.Action == "anonymised" && h.ToStatus == CaseStatus.Resolved);
        Assert.Equal(0, ticket.Events.Count<CaseResolved>(r => r.CaseId == open.CaseId));
        using var client = await ticket.ClientOfAsync(username);
        Assert.Empty((await OkJsonAsync(await client.GetAsync("/api/my/cases"))).GetProperty("items").EnumerateArray());
    }
}
