namespace MucGov.Bench.Scale;

/// <summary>
/// The plans of the measured endpoints' statements on the city-sized databases, written to <c>bench/results</c>: the
/// statements as the services send them (their parameters filled in with the measured citizen, chat and department).
/// </summary>
public static class ScalePlans
{
    public static async Task WriteAsync(ScaleSeed seed, string knowledgeDb, Guid chat, Guid citizen, string reference, string path, CancellationToken ct)
    {
        var statements = new (string Endpoint, string Database, string Sql)[]
        {
            ("transcript: the chat", seed.ConversationDb, $"SELECT * FROM conversations WHERE id = '{chat}'"),
            ("transcript: its messages", seed.ConversationDb, $"SELECT * FROM messages WHERE conversation_id = '{chat}' ORDER BY seq"),
            ("my cases", seed.TicketDb, $"""
                SELECT c.reference, c.type, c.status, c.department_id,
                       (SELECT d.name FROM department_calendars d WHERE d.id = c.department_id LIMIT 1), c.service_id, c.opened_at, c.updated_at
                FROM cases c WHERE c.citizen_id = '{citizen}' ORDER BY c.updated_at DESC LIMIT 200
                """),
            ("queue: the count", seed.TicketDb, "SELECT count(*) FROM cases c WHERE c.department_id = ANY('{buergerbuero}') AND c.status <> 'resolved'"),
            ("queue: the page", seed.TicketDb, """
                SELECT c.*, (SELECT d.name FROM department_calendars d WHERE d.id = c.department_id LIMIT 1),
                       (SELECT count(*) FROM case_messages m WHERE m.case_id = c.id AND m.author = 'citizen' AND NOT EXISTS (
                            SELECT 1 FROM case_messages s WHERE s.case_id = c.id AND s.author = 'caseworker' AND s.created_at >= m.created_at))
                FROM cases c WHERE c.department_id = ANY('{buergerbuero}') AND c.status <> 'resolved'
                ORDER BY c.sla_due_at IS NULL, c.sla_due_at, CASE WHEN c.priority = 'urgent' THEN 0 WHEN c.priority = 'high' THEN 1 ELSE 2 END, c.opened_at
                LIMIT 20
                """),
            ("next case", seed.TicketDb, """
                SELECT *, xmin FROM cases
                WHERE department_id = ANY('{buergerbuero}') AND status = 'new' AND assignee_id IS NULL
                ORDER BY CASE WHEN language = ANY('{de,en}') THEN 0 ELSE 1 END, sla_due_at NULLS LAST,
                    CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, opened_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """),
            ("queue search by reference", seed.TicketDb, QueueSearch(reference)),
            ("queue search by name", seed.TicketDb, QueueSearch("Huber")),
            ("knowledge search: full text", knowledgeDb, """
                SELECT s.id FROM services s
                WHERE s.search_de @@ to_tsquery('german', 'personalausweis') OR s.search_en @@ to_tsquery('english', 'personalausweis')
                """),
            ("knowledge search: similar words", knowledgeDb, "SELECT t.service_id FROM service_terms t WHERE t.term % 'personalausweiss'"),
        };
        using var file = new StreamWriter(path);
        await file.WriteLineAsync("# Plans of the scale benchmark's statements (EXPLAIN ANALYZE on the city-sized databases)");
        foreach (var (endpoint, database, sql) in statements)
        {
            await file.WriteLineAsync($"\n## {endpoint}\n\n```sql\n{sql.Trim()}\n```\n\n```text\n{await ScaleSeed.ExplainAsync(database, sql, ct)}\n```");
        }
    }

    /// <summary>The queue search's statement (<c>CaseSearch.Matching</c>) within the department, for a text.</summary>
    private static string QueueSearch(string text) => $"""
        SELECT c.id FROM cases c
        WHERE c.department_id = ANY('{"{buergerbuero}"}') AND c.id IN (
            SELECT id FROM cases WHERE search_text ILIKE '%{text}%'
            UNION
            SELECT case_id FROM case_messages WHERE text ILIKE '%{text}%')
        """;
}
