using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace MucGov.Bench.Scale;

/// <summary>
/// The generated city, written with PostgreSQL's binary <c>COPY</c> straight into the scale databases as each
/// service's own login: chats and their messages (conversation), cases with transcript, citizen data and messages
/// (ticket). Reproducible: the same seed gives the same rows.
/// </summary>
public sealed class ScaleSeed(string conversationDb, string ticketDb)
{
    public const int Citizens = 20_000, Chats = 100_000, MessagesPerChat = 10, Cases = 100_000;

    private static readonly string[] GivenNames = ["Anna", "Lukas", "Maria", "Felix", "Sophie", "Jonas", "Emma", "Paul", "Lea", "Ben", "Mia", "Elias", "Hannah", "Noah", "Lina"];

    private static readonly string[] FamilyNames =
    [
        "Maier", "Huber", "Bauer", "Wagner", "Gruber", "Schmid", "Hofmann", "Berger", "Brandl", "Fischer", "Weber", "Koch", "Lechner", "Obermeier",
        "Pichler", "Rauch", "Steiner", "Winkler", "Zach", "Kellner",
    ];

    private static readonly string[] Sayings =
    [
        "Ich brauche einen neuen Personalausweis.", "Wo kann ich mein Auto ummelden?", "Wie lange dauert ein Reisepass?", "Was kostet die Anmeldung?",
        "Ich habe meinen Geldbeutel verloren.", "Wann hat das Bürgerbüro offen?", "Ich möchte einen Hund anmelden.", "Brauche ich einen Termin?",
        "Wie beantrage ich Wohngeld?", "Ich möchte mit einem Mitarbeiter sprechen.", "Mein Sperrmüll wurde nicht abgeholt.", "Danke, das hilft mir.",
    ];

    private static readonly string[] Replies =
    [
        "Grüß Gott! Ich bin Mingabot. Was kann ich für Sie tun?", "Dafür ist das Bürgerbüro zuständig. Sie brauchen einen Termin.",
        "Die Gebühr beträgt 37 Euro.", "Das geht auch online mit der Online-Ausweisfunktion.", "Gern geschehen!",
    ];

    private static readonly string[] OpenStatuses = ["new", "in-progress", "waiting-for-citizen"];

    private readonly Random random = new(2026);

    /// <summary>100,000 chats of 20,000 citizens, ten messages each: a million messages.</summary>
    public async Task ConversationsAsync(Action<double> progress, CancellationToken ct)
    {
        await using var db = await OpenAsync(conversationDb, ct);
        var citizens = Enumerable.Range(0, Citizens).Select(_ => Guid.NewGuid()).ToArray();
        var chats = new List<(Guid Id, DateTimeOffset At)>(Chats);
        var start = DateTimeOffset.UtcNow.AddDays(-365);
        await using (var copy = await db.BeginBinaryImportAsync(
            "COPY conversations (id, citizen_id, language, last_seq, created_at, updated_at, unclear_turns, rate_count, state) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < Chats; i++)
            {
                var at = start.AddMinutes(random.Next(0, 365 * 24 * 60));
                chats.Add((Guid.NewGuid(), at));
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(chats[i].Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(citizens[random.Next(Citizens)], NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync("de", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((long)MessagesPerChat, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(at.AddMinutes(5), NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync("{}", NpgsqlDbType.Jsonb, ct);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await db.BeginBinaryImportAsync(
            "COPY messages (id, conversation_id, seq, author, text, language, created_at, client_message_id, actions, blocks) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var c = 0; c < chats.Count; c++)
            {
                for (var seq = 1; seq <= MessagesPerChat; seq++)
                {
                    var citizen = seq % 2 == 0;
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(chats[c].Id, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync((long)seq, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(citizen ? "citizen" : "bot", NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(citizen ? Sayings[random.Next(Sayings.Length)] : Replies[random.Next(Replies.Length)], NpgsqlDbType.Text, ct);
                    await copy.WriteAsync("de", NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(chats[c].At.AddSeconds(seq * 20), NpgsqlDbType.TimestampTz, ct);
                    await copy.WriteAsync(citizen ? Guid.NewGuid().ToString() : null, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync("[]", NpgsqlDbType.Jsonb, ct);
                    await copy.WriteAsync("[]", NpgsqlDbType.Jsonb, ct);
                }

                if (c % 5000 == 0)
                {
                    progress((double)c / chats.Count);
                }
            }

            await copy.CompleteAsync(ct);
        }

        await AnalyzeAsync(db, ct);
    }

    /// <summary>
    /// <paramref name="count"/> cases spread over the departments (references from <paramref name="firstNumber"/> on),
    /// <paramref name="resolvedPercent"/> of them resolved, each with its chat transcript and the citizen's data, the
    /// resolved ones with two messages.
    /// </summary>
    public async Task CasesAsync(
        int count, int firstNumber, int resolvedPercent, IReadOnlyList<string> departments, Guid? citizen, Action<double> progress, CancellationToken ct)
    {
        await using var db = await OpenAsync(ticketDb, ct);
        // The queue search's text, composed as the ticket service composes it (CaseSearch.TextOf).
        var searchText = await HasColumnAsync(db, "cases", "search_text", ct);
        var now = DateTimeOffset.UtcNow;
        var ids = new List<(Guid Id, DateTimeOffset At, bool Resolved)>(count);
        var columns = "id, reference, type, conversation_id, citizen_id, department_id, language, reason, status, priority, opened_at, updated_at, sla_due_at, "
            + "first_response_at, resolved_at, assignee_id, assignee_name, resolution, transcript, citizen_snapshot" + (searchText ? ", search_text" : "");
        await using (var copy = await db.BeginBinaryImportAsync($"COPY cases ({columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < count; i++)
            {
                var roll = random.Next(100);
                var status = roll < resolvedPercent ? "resolved" : OpenStatuses[roll % OpenStatuses.Length];
                var resolved = status == "resolved";
                var opened = now.AddMinutes(-random.Next(60, 365 * 24 * 60));
                var reference = $"M-2025-{firstNumber + i:D6}";
                var given = GivenNames[random.Next(GivenNames.Length)];
                var family = FamilyNames[random.Next(FamilyNames.Length)];
                var snapshot = new Dictionary<string, string> { ["givenName"] = given, ["familyName"] = family, ["email"] = $"{given}.{family}{i}@example.org".ToLowerInvariant() };
                var transcript = Enumerable.Range(1, 6).Select(seq => new
                {
                    seq, author = seq % 2 == 0 ? "citizen" : "bot", text = seq % 2 == 0 ? Sayings[random.Next(Sayings.Length)] : Replies[random.Next(Replies.Length)],
                    createdAt = opened.AddSeconds(seq * 20 - 300),
                }).ToList();
                var assigned = status != "new";
                ids.Add((Guid.NewGuid(), opened, resolved));
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(ids[i].Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(reference, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("enquiry", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(citizen ?? Guid.NewGuid(), NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(departments[i % departments.Count], NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("de", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("asked-for-person", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(status, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("normal", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(opened, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(resolved ? opened.AddDays(2) : opened, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(resolved ? (DateTimeOffset?)null : now.AddHours(random.Next(-48, 96)), NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(assigned ? opened.AddHours(3) : (DateTimeOffset?)null, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(resolved ? opened.AddDays(2) : (DateTimeOffset?)null, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(assigned ? $"gen-caseworker-{random.Next(200)}" : null, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(assigned ? "Generierte Sachbearbeitung" : null, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(resolved ? "Erledigt." : null, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(JsonSerializer.Serialize(transcript), NpgsqlDbType.Jsonb, ct);
                await copy.WriteAsync(JsonSerializer.Serialize(snapshot), NpgsqlDbType.Jsonb, ct);
                if (searchText)
                {
                    await copy.WriteAsync(string.Join('\n', [reference, $"{given} {family}", .. snapshot.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value),
                        .. transcript.Select(t => t.text)]), NpgsqlDbType.Text, ct);
                }

                if (i % 5000 == 0)
                {
                    progress(0.8 * i / count);
                }
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await db.BeginBinaryImportAsync(
            "COPY case_messages (id, case_id, author, author_id, author_name, text, internal, requests_info, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (id, at, resolved) in ids.Where(c => c.Resolved))
            {
                foreach (var (author, text, minutes) in new[] { ("caseworker", "Vielen Dank, wir kümmern uns darum.", 180), ("citizen", "Danke für die schnelle Hilfe!", 600) })
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(id, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(author, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(author == "caseworker" ? "gen-caseworker" : null, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(author == "caseworker" ? "Generierte Sachbearbeitung" : null, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(text, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                    await copy.WriteAsync(at.AddMinutes(minutes), NpgsqlDbType.TimestampTz, ct);
                }
            }

            await copy.CompleteAsync(ct);
        }

        progress(1);
        await AnalyzeAsync(db, ct);
    }

    /// <summary>The departments the ticket service knows (from the catalog), the seed's spread.</summary>
    public async Task<List<string>> DepartmentsAsync(CancellationToken ct)
    {
        await using var db = await OpenAsync(ticketDb, ct);
        await using var command = new NpgsqlCommand("SELECT id FROM department_calendars ORDER BY id", db);
        var departments = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            departments.Add(reader.GetString(0));
        }

        return departments;
    }

    /// <summary>The citizen of a chat (the signed-in citizen the benchmark measures as).</summary>
    public async Task<Guid> CitizenOfChatAsync(Guid chat, CancellationToken ct)
    {
        await using var db = await OpenAsync(conversationDb, ct);
        await using var command = new NpgsqlCommand("SELECT citizen_id FROM conversations WHERE id = $1", db) { Parameters = { new() { Value = chat } } };
        return (Guid)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The plan PostgreSQL chooses for a statement, as <c>EXPLAIN (ANALYZE, BUFFERS)</c> prints it.</summary>
    public static async Task<string> ExplainAsync(string connection, string sql, CancellationToken ct)
    {
        await using var db = await OpenAsync(connection, ct);
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY OFF) " + sql, db);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    public string ConversationDb => conversationDb;

    public string TicketDb => ticketDb;

    private static async Task<NpgsqlConnection> OpenAsync(string connection, CancellationToken ct)
    {
        var db = new NpgsqlConnection(connection + ";Command Timeout=600");
        await db.OpenAsync(ct);
        return db;
    }

    private static async Task<bool> HasColumnAsync(NpgsqlConnection db, string table, string column, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = $2)", db)
        {
            Parameters = { new() { Value = table }, new() { Value = column } },
        };
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// What autovacuum does soon after a bulk load: the statistics, the visibility map (index-only scans) and the GIN
    /// indexes' pending lists moved into the indexes (a search reads a pending list whole).
    /// </summary>
    private static async Task AnalyzeAsync(NpgsqlConnection db, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("VACUUM ANALYZE", db);
        await command.ExecuteNonQueryAsync(ct);
    }
}
