using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MucGov.Contracts.Conversation;
using MucGov.Shared.Data;
using MucGov.Testing;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;
using MucGov.Ticket.Sla;
using Xunit;

namespace MucGov.IntegrationTests.Ticket;

/// <summary>
/// The queue search on databases of its own, registered as the ticket service registers its database: the search text
/// the migration gives existing cases.
/// </summary>
public sealed class QueueSearchTests(Isolated isolated) : IClassFixture<Isolated>
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly DepartmentTerms Buergerbuero = new("buergerbuero", "Bürgerbüro", null, TimeSpan.FromHours(8), TimeSpan.FromHours(24));

    [Fact]
    public async Task The_migration_gives_existing_cases_the_search_text_that_new_cases_get()
    {
        using var host = await MigratedAsync("search-text");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
            var erased = Opened(3, Enquiry(Guid.NewGuid(), new() { ["givenName"] = "Olena", ["familyName"] = "Kovalenko", ["phone"] = "089 1234" }));
            erased.Anonymise(Guid.NewGuid(), Monday);
            db.Cases.AddRange(
                Opened(1, Enquiry(Guid.NewGuid(), new() { ["givenName"] = "Anna", ["familyName"] = "Huber", ["email"] = "anna.huber@example.org", ["address"] = "Marienplatz 8" },
                    "Mein Gartenzwerg (100 % echt) wurde \"gestohlen\"", "Zweite Zeile\nmit Umbruch und C:\\Pfad_1")),
                Opened(2, Enquiry(null, [])),
                erased,
                Opened(4, Enquiry(Guid.NewGuid(), new() { ["familyName"] = "Öztürk", ["birthDate"] = "1990-01-01" }, "Merhaba")),
                Opened(5, new NewCase(CaseTypes.Application, Guid.NewGuid(), null, Guid.NewGuid(), Guid.NewGuid(), "buergerbuero", "anwohnerparken", "de", "application",
                    [], new Dictionary<string, string>(), [new("plate", "Kennzeichen", "M-AB 1234"), new("street", "Straße", "Sendlinger Str. 1", FormSources.Typed)],
                    "submission")));
            await db.SaveChangesAsync();
        }

        var written = await SearchTextsAsync(host);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // Back to the migration before the search text, and forward again: the cases are there when it is added.
            var migrator = scope.ServiceProvider.GetRequiredService<TicketDbContext>().GetService<IMigrator>();
            await migrator.MigrateAsync("20261202000351_ReplyTemplates");
            await migrator.MigrateAsync();
        }

        var filled = await SearchTextsAsync(host);

        Assert.Equal(5, written.Count);
        Assert.DoesNotContain(written.Values, string.IsNullOrEmpty);
        Assert.Equal(written, filled);
        Assert.DoesNotContain("Olena", filled["M-2026-000003"], StringComparison.Ordinal);
    }

    private static NewCase Enquiry(Guid? citizen, Dictionary<string, string> snapshot, params string[] transcript) => new(
        CaseTypes.Enquiry, Guid.NewGuid(), Guid.NewGuid(), null, citizen, "buergerbuero", null, "de", "asked-for-person",
        [.. transcript.Select((text, i) => new TranscriptEntry(i + 1, "citizen", text, Monday))], snapshot, null, "escalation");

    private static Case Opened(int number, NewCase spec) => Case.Open(spec, $"M-2026-{number:D6}", Buergerbuero, Monday.AddMinutes(number));

    private static async Task<Dictionary<string, string>> SearchTextsAsync(IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketDbContext>().Cases.ToDictionaryAsync(c => c.Reference, c => c.SearchText);
    }

    /// <summary>The ticket service's database registration on a new database, migrated as the <c>migrate</c> command does.</summary>
    private async Task<IHost> MigratedAsync(string prefix)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Ticket"] = await isolated.NewDatabaseAsync(prefix) });
        builder.AddServiceDatabase<TicketDbContext>("Ticket");
        var host = builder.Build();
        foreach (var migrator in host.Services.GetServices<IDatabaseMigrator>())
        {
            await migrator.MigrateAsync(TestContext.Current.CancellationToken);
        }

        return host;
    }
}
