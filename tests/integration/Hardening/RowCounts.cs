using Npgsql;

namespace MucGov.IntegrationTests.Hardening;

/// <summary>
/// The number of rows of every table of the apps' databases, to see whether a request stored (or removed) anything.
/// Tables that change with any request, whatever it asks for, are left out (see <see cref="Ignored"/>).
/// </summary>
public sealed class RowCounts(IReadOnlyDictionary<string, string> connectionStrings)
{
    /// <summary>
    /// <c>data_protection_keys</c>: identity and the gateway create their key ring on first use, whichever request
    /// that is; <c>sign_in_attempts</c>: identity's throttle counts every failed sign-in, rejected ones by design.
    /// </summary>
    public static readonly IReadOnlySet<string> Ignored = new HashSet<string>(StringComparer.Ordinal) { "data_protection_keys", "sign_in_attempts" };

    private const string Unsent = MucGov.Shared.Messaging.MessagingModel.OutboxTable;

    private readonly Dictionary<string, string> queries = [];

    /// <summary>Rows per <c>app.table</c>.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountAsync()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (app, connectionString) in connectionStrings)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            if (!queries.TryGetValue(app, out var query))
            {
                var tables = new List<string>();
                await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
                await using (var reader = await list.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        tables.Add(reader.GetString(0));
                    }
                }

                query = queries[app] = string.Join(" UNION ALL ", tables.Where(t => !Ignored.Contains(t))
                    .Select(t => $"SELECT '{t}', count(*) FROM \"{t}\"")
                    .Concat(tables.Contains(Unsent) ? [$"SELECT '{Unsent} unsent', count(*) FROM {Unsent} WHERE sent_at IS NULL"] : []));
            }

            await using var count = new NpgsqlCommand(query, connection);
            await using var rows = await count.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                counts[$"{app}.{rows.GetString(0)}"] = rows.GetInt64(1);
            }
        }

        return counts;
    }

    /// <summary>The tables whose counts differ, as <c>app.table before→after</c>.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        [.. after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key} {before.GetValueOrDefault(a.Key)}→{a.Value}")];

    /// <summary>
    /// Waits until what earlier successful requests set off (events through the outbox, their consumers) has landed:
    /// every outbox is sent and two counts in a row agree. Returns the settled counts.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> SettledAsync(TimeSpan patience)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        var last = await CountAsync();
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(150));
            var now = await CountAsync();
            var quiet = Changes(last, now).Count == 0 && now.Where(c => c.Key.EndsWith(" unsent", StringComparison.Ordinal)).All(c => c.Value == 0);
            if (quiet || DateTimeOffset.UtcNow > deadline)
            {
                return now;
            }

            last = now;
        }
    }
}
