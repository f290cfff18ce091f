using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
using Npgsql;
using Xunit;

namespace MucGov.IntegrationTests.Ticket;

/// <summary>
/// The queue search on databases of its own, registered as the ticket service registers its database: the search text
/// the migration gives existing cases, and the indexes a search reads at scale.
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

    [Fact]
    public async Task A_search_among_20000_cases_and_messages_reads_the_trigram_indexes_of_both()
    {
        var plans = new PlanRecorder();
        using var host = await MigratedAsync("search-plan", plans);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO cases (id, reference, type, conversation_id, department_id, language, status, priority, opened_at, updated_at,
                transcript, citizen_snapshot, search_text)
            SELECT gen_random_uuid(), 'M-2026-' || lpad(i::text, 6, '0'), 'enquiry', gen_random_uuid(), 'buergerbuero', 'de', 'new', 'normal', now(), now(),
                '[]', jsonb_build_object(), 'M-2026-' || lpad(i::text, 6, '0') || E'\n' || md5(i::text) || E'\nMein Anliegen Nummer ' || i
            FROM generate_series(1, 20000) i;
            INSERT INTO case_messages (id, case_id, author, text, internal, requests_info, created_at)
            SELECT gen_random_uuid(), id, 'citizen', 'Nachricht ' || md5(reference), false, false, now() FROM cases;
            UPDATE cases SET search_text = search_text || E'\nMein Gartenzwerg wurde gestohlen' WHERE reference = 'M-2026-004711';
            UPDATE case_messages SET text = 'Notiz zum GARTENZWERG' WHERE case_id = (SELECT id FROM cases WHERE reference = 'M-2026-000815');
            """);
        // As autovacuum would: a GIN index first takes new rows into a pending list, which every search reads whole (and
        // the planner counts); vacuum moves them into the index proper. Without it, 20,000 rows just inserted are found
        // more cheaply by reading the tables.
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE cases, case_messages");
        string[] departments = ["buergerbuero"];
        plans.Recording = true;

        // As the queue filters a search: the cases of the caller's departments whose id the search yields.
        var found = await db.Cases.Where(c => departments.Contains(c.DepartmentId) && CaseSearch.Matching(db, "gartenzwerg").Contains(c.Id))
            .Select(c => c.Reference).ToListAsync();

        Assert.Equal(["M-2026-000815", "M-2026-004711"], found.Order());
        var plan = Assert.Single(plans.Plans);
        Assert.Contains("Bitmap Index Scan on ix_cases_search_text", plan, StringComparison.Ordinal);
        Assert.Contains("Bitmap Index Scan on ix_case_messages_text", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
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
    private async Task<IHost> MigratedAsync(string prefix, params IInterceptor[] interceptors)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Ticket"] = await isolated.NewDatabaseAsync(prefix) });
        builder.AddServiceDatabase<TicketDbContext>("Ticket");
        foreach (var interceptor in interceptors)
        {
            builder.Services.AddSingleton(interceptor);
        }

        var host = builder.Build();
        foreach (var migrator in host.Services.GetServices<IDatabaseMigrator>())
        {
            await migrator.MigrateAsync(TestContext.Current.CancellationToken);
        }

        return host;
    }

    /// <summary>While recording, asks PostgreSQL for the plan of every query the context sends, just before sending it.</summary>
    private sealed class PlanRecorder : DbCommandInterceptor
    {
        public bool Recording { get; set; }

        public List<string> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!Recording)
            {
                return result;
            }

            await using var explain = command.Connection!.CreateCommand();
            explain.CommandText = "EXPLAIN " + command.CommandText;
            explain.Transaction = command.Transaction;
            foreach (NpgsqlParameter parameter in command.Parameters)
            {
                explain.Parameters.Add(parameter.Clone());
            }

            var lines = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    lines.Add(reader.GetString(0));
                }
            }

            Plans.Add(string.Join('\n', lines));
            return result;
        }
    }
}
