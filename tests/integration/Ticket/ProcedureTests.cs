using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Contracts.Conversation;
using MucGov.Contracts.Ticket;
using MucGov.Testing;
using MucGov.Ticket.Cases;
using UglyToad.PdfPig;
using Xunit;

namespace MucGov.IntegrationTests.Ticket;

/// <summary>The back office side of procedures: what the ticket service makes of a confirmed form.</summary>
public sealed class ProcedureTests(TicketFixture ticket) : IClassFixture<TicketFixture>
{
    private static readonly KeyValuePair<string, string>[] Labels =
    [
        new("givenName", "Vorname"), new("familyName", "Familienname"), new("birthDate", "Geburtsdatum"), new("address", "Anschrift"),
    ];

    private static readonly KeyValuePair<string, string>[] FromBuergerkonto =
    [
        new("givenName", "givenName"), new("familyName", "familyName"), new("birthDate", "birthDate"), new("address", "address"),
    ];

    /// <summary>
    /// A Meldebescheinigung as the chat submits it, with a consent to read the Bürgerkonto, but with what a citizen could
    /// have typed instead of the record: a document must never carry these values.
    /// </summary>
    private async Task<ProcedureSubmitted> MeldebescheinigungAsync(string username, Guid? consentId = null, string trustLevel = "substantial") =>
        new(Guid.NewGuid(), Guid.NewGuid(), await ticket.CitizenIdAsync(username), "meldebescheinigung", "meldebescheinigung",
            new Dictionary<string, string>
            {
                ["givenName"] = "Max", ["familyName"] = "Mustermann", ["birthDate"] = "1970-01-01", ["address"] = "Marienplatz 8, 80331 München", ["purpose"] = "Arbeitgeber",
            },
            "de", DateTimeOffset.UtcNow, "buergerbuero", "document", "Meldebescheinigung", [.. Labels, new("purpose", "Zweck")], consentId ?? Guid.NewGuid(),
            trustLevel, FromBuergerkonto, []);

    private static async Task<string> PdfTextAsync(HttpResponseMessage download)
    {
        using var pdf = PdfDocument.Open(await download.Content.ReadAsByteArrayAsync());
        return string.Join(" ", pdf.GetPages().Select(p => p.Text));
    }

    private async Task<CaseOpened> ApplicationInsteadAsync(ProcedureSubmitted submitted)
    {
        await Eventually.HoldsAsync(() => ticket.Events.Count<CaseOpened>(o => o.SubmissionId == submitted.SubmissionId) == 1, "an application is opened instead",
            TicketFixture.Patience);
        Assert.Equal(0, ticket.Events.Count<DocumentIssued>(d => d.SubmissionId == submitted.SubmissionId));
        Assert.False(await ticket.WithDbAsync(db => db.Documents.AnyAsync(d => d.SubmissionId == submitted.SubmissionId)));
        return ticket.Events.Messages.Select(m => m.Message).OfType<CaseOpened>().Single(o => o.SubmissionId == submitted.SubmissionId);
    }

    private Task<int> ConsumedAsync() => ticket.WithDbAsync(db => db.Database.SqlQuery<int>(
        $"SELECT count(*)::int AS \"Value\" FROM inbox_messages WHERE consumer = 'ProcedureSubmittedConsumer'").SingleAsync());

    [Fact]
    public async Task A_document_procedure_is_issued_once_as_a_pdf_only_its_citizen_can_download_and_anyone_can_verify()
    {
        var submitted = await MeldebescheinigungAsync("anna.huber");
        var consumedBefore = await ConsumedAsync();

        await ticket.PublishAsync(submitted);
        await ticket.PublishAsync(submitted);

        await Eventually.HoldsAsync(() => ticket.Events.Count<DocumentIssued>(d => d.SubmissionId == submitted.SubmissionId) == 1, "the document is issued",
            TicketFixture.Patience);
        var issued = ticket.Events.Messages.Select(m => m.Message).OfType<DocumentIssued>().Single(d => d.SubmissionId == submitted.SubmissionId);
        await Eventually.HoldsAsync(async () => await ConsumedAsync() >= consumedBefore + 2, "both deliveries are consumed", TicketFixture.Patience);
        Assert.Equal(1, await ticket.WithDbAsync(db => db.Documents.CountAsync(d => d.SubmissionId == submitted.SubmissionId)));
        Assert.Equal(submitted.ConversationId, issued.ConversationId);

        using var anna = await ticket.ClientOfAsync("anna.huber");
        using var sepp = await ticket.ClientOfAsync("sepp.brandl");
        var download = await anna.GetAsync($"/api/my/documents/{issued.DocumentId}");
        var foreign = await sepp.GetAsync($"/api/my/documents/{issued.DocumentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var text = await PdfTextAsync(download);
        Assert.Contains("Meldebescheinigung", text, StringComparison.Ordinal);
        Assert.Contains(issued.VerificationCode!, text, StringComparison.Ordinal);

        using var anyone = ticket.Client();
        var typedByHand = issued.VerificationCode!.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);
        var genuine = await anyone.GetFromJsonAsync<JsonElement>($"/api/documents/verify/{typedByHand}");
        var forged = await anyone.GetFromJsonAsync<JsonElement>("/api/documents/verify/0000-0000-0000-0000");
        Assert.True(genuine.GetProperty("valid").GetBoolean());
        Assert.Equal(("Meldebescheinigung", "meldebescheinigung"), (genuine.GetProperty("title").GetString(), genuine.GetProperty("serviceId").GetString()));
        Assert.DoesNotContain("Huber", genuine.GetRawText(), StringComparison.Ordinal);
        Assert.False(forged.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_certificate_carries_the_buergerkonto_record_from_identity_never_what_was_typed_in_the_chat()
    {
        var submitted = await MeldebescheinigungAsync("anna.huber");

        await ticket.PublishAsync(submitted);

        await Eventually.HoldsAsync(() => ticket.Events.Count<DocumentIssued>(d => d.SubmissionId == submitted.SubmissionId) == 1, "the document is issued",
            TicketFixture.Patience);
        var issued = ticket.Events.Messages.Select(m => m.Message).OfType<DocumentIssued>().Single(d => d.SubmissionId == submitted.SubmissionId);
        using var anna = await ticket.ClientOfAsync("anna.huber");
        var text = await PdfTextAsync(await anna.GetAsync($"/api/my/documents/{issued.DocumentId}"));
        Assert.Contains("Anna", text, StringComparison.Ordinal);
        Assert.Contains("Huber", text, StringComparison.Ordinal);
        Assert.Contains("1988-03-14", text, StringComparison.Ordinal);
        Assert.Contains("Leopoldstraße 42, 80802 München", text, StringComparison.Ordinal);
        Assert.Contains("Zweck: Arbeitgeber", text, StringComparison.Ordinal);
        foreach (var typed in new[] { "Max", "Mustermann", "1970-01-01", "Marienplatz" })
        {
            Assert.DoesNotContain(typed, text, StringComparison.Ordinal);
        }

        // Identity logged the disclosure to the department under the citizen's consent.
        await using var scope = ticket.Identity.Services.CreateAsyncScope();
        var disclosures = scope.ServiceProvider.GetRequiredService<MucGov.Identity.Data.AccountDbContext>().Disclosures;
        var disclosure = await disclosures.AsNoTracking().SingleAsync(d => d.ConsentId == submitted.ConsentId);
        Assert.Equal(("document:meldebescheinigung", "buergerbuero"), (disclosure.Purpose, disclosure.Recipient));
    }

    [Fact]
    public async Task A_certificate_for_an_account_below_its_trust_level_is_not_issued_but_opened_as_an_application_with_the_typed_values_marked()
    {
        // Emily's Bürgerkonto is self-registered (basic); the procedure asks for substantial.
        var submitted = await MeldebescheinigungAsync("emily.clarke");

        await ticket.PublishAsync(submitted);

        var opened = await ApplicationInsteadAsync(submitted);
        using var maria = await ticket.ClientOfAsync("cw.buergerbuero");
        var detail = await maria.GetFromJsonAsync<JsonElement>($"/api/cases/{opened.CaseId}");
        Assert.Equal(("application", "buergerbuero"), (detail.GetProperty("type").GetString(), detail.GetProperty("departmentId").GetString()));
        Assert.All(detail.GetProperty("form").EnumerateArray(), f => Assert.Equal("typed", f.GetProperty("source").GetString()));
        var history = await ticket.HistoryAsync(opened.CaseId);
        Assert.Contains(history, h => h.Detail?.Contains("trust level basic", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_certificate_submitted_without_a_consent_or_without_the_fields_it_certifies_is_not_issued()
    {
        var withoutConsent = await MeldebescheinigungAsync("sepp.brandl") with { ConsentId = null };
        var withoutSources = await MeldebescheinigungAsync("sepp.brandl") with { PrefillFrom = null };

        await ticket.PublishAsync(withoutConsent);
        await ticket.PublishAsync(withoutSources);

        await ApplicationInsteadAsync(withoutConsent);
        await ApplicationInsteadAsync(withoutSources);
    }

    [Fact]
    public async Task A_certificate_never_asks_for_less_than_the_configured_minimum_trust_level()
    {
        var submitted = await MeldebescheinigungAsync("emily.clarke", trustLevel: "basic");

        await ticket.PublishAsync(submitted);

        await ApplicationInsteadAsync(submitted);
    }

    [Fact]
    public async Task A_case_procedure_becomes_an_application_in_the_departments_queue_with_its_form()
    {
        var citizen = await ticket.CitizenIdAsync("emily.clarke");
        var submitted = new ProcedureSubmitted(Guid.NewGuid(), Guid.NewGuid(), citizen, "sperrmuell", "sperrmuell",
            new Dictionary<string, string> { ["address"] = "Türkenstraße 12, 80333 München", ["preferredDate"] = "2026-12-07", ["items"] = "3" },
            "en", DateTimeOffset.UtcNow, "abfall", "case", "Sperrmüllabholung",
            [new("address", "Anschrift"), new("preferredDate", "Wunschtermin"), new("items", "Anzahl Teile")], Guid.NewGuid(), "substantial",
            [new("address", "address")], ["address"]);

        await ticket.PublishAsync(submitted);
        await ticket.PublishAsync(submitted);

        await Eventually.HoldsAsync(() => ticket.Events.Count<CaseOpened>(o => o.SubmissionId == submitted.SubmissionId) == 1, "the application is opened", TicketFixture.Patience);
        var opened = ticket.Events.Messages.Select(m => m.Message).OfType<CaseOpened>().Single(o => o.SubmissionId == submitted.SubmissionId);
        using var florian = await ticket.ClientOfAsync("cw.abfall");
        using var maria = await ticket.ClientOfAsync("cw.buergerbuero");
        var detail = await florian.GetFromJsonAsync<JsonElement>($"/api/cases/{opened.CaseId}");

        Assert.Equal(("application", "abfall", "en"), (detail.GetProperty("type").GetString(), detail.GetProperty("departmentId").GetString(),
            detail.GetProperty("language").GetString()));
        Assert.Equal(["Anschrift: Türkenstraße 12, 80333 München", "Wunschtermin: 2026-12-07", "Anzahl Teile: 3"],
            detail.GetProperty("form").EnumerateArray().Select(f => $"{f.GetProperty("label").GetString()}: {f.GetProperty("value").GetString()}"));
        Assert.Equal(["buergerkonto", "typed", "typed"], detail.GetProperty("form").EnumerateArray().Select(f => f.GetProperty("source").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await maria.GetAsync($"/api/cases/{opened.CaseId}")).StatusCode);
        Assert.Equal(1, await ticket.WithDbAsync(db => db.Cases.CountAsync(c => c.SubmissionId == submitted.SubmissionId && c.Type == CaseTypes.Application)));
    }

    [Fact]
    public async Task Erasure_removes_the_pdf_but_the_paper_can_still_be_verified()
    {
        var submitted = await MeldebescheinigungAsync("ayse.yilmaz");
        await ticket.PublishAsync(submitted);
        await Eventually.HoldsAsync(() => ticket.Events.Count<DocumentIssued>(d => d.SubmissionId == submitted.SubmissionId) == 1, "the document is issued",
            TicketFixture.Patience);
        var issued = ticket.Events.Messages.Select(m => m.Message).OfType<DocumentIssued>().Single(d => d.SubmissionId == submitted.SubmissionId);

        await ticket.PublishAsync(new MucGov.Contracts.Identity.CitizenErasureRequested(Guid.NewGuid(), submitted.CitizenId, DateTimeOffset.UtcNow));

        await Eventually.HoldsAsync(async () => await ticket.WithDbAsync(db => db.Documents.AnyAsync(d => d.Id == issued.DocumentId && d.Pdf == null && d.CitizenId == null)),
            "the document loses its copy and owner", TicketFixture.Patience);
        using var anyone = ticket.Client();
        Assert.True((await anyone.GetFromJsonAsync<JsonElement>($"/api/documents/verify/{issued.VerificationCode}")).GetProperty("valid").GetBoolean());
    }
}
