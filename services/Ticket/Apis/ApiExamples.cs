using MucGov.Ticket.Cases;

namespace MucGov.Ticket.Apis;

/// <summary>The examples the ticket service's OpenAPI document shows for its caseworker and citizen APIs (see <c>/docs</c>).</summary>
internal static class ApiExamples
{
    private static readonly Guid CaseId = Guid.Parse("0193a6f2-8c41-7d2e-9b1a-4f5e6d7c8b9a");
    private static readonly DateTimeOffset Opened = new(2026, 12, 1, 9, 12, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Due = new(2026, 12, 1, 17, 12, 0, TimeSpan.FromHours(1));

    public static readonly QueueItem Item = new(
        CaseId, "M-2026-000123", CaseTypes.Enquiry, CaseStatus.New, "buergerbuero", "personalausweis", "de", Priorities.Normal, Opened, Due, false, null, null,
        "Bürgerbüro", 1, "Anna Huber");

    public static readonly QueuePage Queue = new([Item], 1, 20, 1);

    public static readonly QueueItem Claimed = Item with { Status = CaseStatus.InProgress, Assignee = "Maria Schneider", AssigneeId = "a1b2c3d4-0000-4000-8000-000000000001" };

    public static readonly CasesApi.NewCaseMessage Reply = new("Guten Tag Frau Huber, Ihr neuer Personalausweis liegt ab Donnerstag im Bürgerbüro Ruppertstraße bereit.");

    public static readonly CaseMessageView Posted = new(
        Guid.Parse("0193a6f3-1111-7222-8333-444455556666"), Authors.Caseworker, "Maria Schneider", Reply.Text!, false, false, Opened.AddMinutes(40));

    public static readonly CasesApi.InfoRequest Question = new("Welche Nummer hat Ihr bisheriger Ausweis?");

    public static readonly CasesApi.TransferRequest Transfer = new("standesamt", "Es geht um eine Namensänderung nach der Eheschließung.");

    public static readonly CasesApi.ResolveRequest Resolution = new("Der Termin am Dienstag, 8. Dezember, um 9:30 Uhr ist für Sie gebucht.");

    public static readonly TemplatesApi.TemplateBody Template = new("Ausweis abholbereit", new()
    {
        ["de"] = "Guten Tag {name}, Ihr Ausweis zu {reference} liegt im {department} zur Abholung bereit. Mit freundlichen Grüßen, {caseworker}",
        ["en"] = "Hello {name}, your ID card ({reference}) is ready for collection at the {department}. Kind regards, {caseworker}",
    });

    public static readonly TemplatesApi.TemplateView Stored = new(
        Guid.Parse("0193a6f4-aaaa-7bbb-8ccc-dddddddddddd"), "buergerbuero", Template.Name!, Template.Texts!.ToDictionary(t => t.Key, t => t.Value!), Opened, Opened, "\"4711\"");

    public static readonly List<TemplatesApi.FilledTemplate> Filled =
    [
        new(Stored.Id, Stored.Name, "de",
            "Guten Tag Anna Huber, Ihr Ausweis zu M-2026-000123 liegt im Bürgerbüro zur Abholung bereit. Mit freundlichen Grüßen, Maria Schneider"),
    ];

    public static readonly MyCasesApi.MyCaseList MyCases = new([
        new MyCasesApi.MyCase("M-2026-000123", CaseTypes.Enquiry, CaseStatus.InProgress, "buergerbuero", "Bürgerbüro", "personalausweis", Opened, Opened.AddMinutes(40)),
    ]);
}
