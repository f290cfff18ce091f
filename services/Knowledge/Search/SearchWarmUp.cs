using System.Diagnostics;

namespace MucGov.Knowledge.Search;

/// <summary>
/// Runs a few searches while the service starts, before it listens and reports ready, so the first citizen's question
/// does not pay for building the indexes and compiling the queries (which took longer than the bot waits for an answer).
/// A database that cannot be reached is no reason to stay down: the first real search then does the work.
/// </summary>
public sealed partial class SearchWarmUp(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<Catalog.CatalogOptions> options, ILogger<SearchWarmUp> logger)
    : IHostedService
{
    /// <summary>Questions in both scripts and three languages, so every path of search (services, places, life situations) runs once.</summary>
    private static readonly (string Query, string Language)[] Questions =
    [
        ("Wo beantrage ich einen neuen Personalausweis?", "de"),
        ("Ich ziehe um, was muss ich tun?", "de"),
        ("How do I register my address?", "en"),
        ("Де отримати паспорт?", "uk"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WarmUpSearch)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var each = new List<long>();
            foreach (var (query, language) in Questions)
            {
                var started = clock.ElapsedMilliseconds;
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<KnowledgeSearch>().SearchAsync(query, language, 5, cancellationToken);
                each.Add(clock.ElapsedMilliseconds - started);
            }

            LogWarm(Questions.Length, clock.ElapsedMilliseconds, string.Join(", ", each));
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException { InnerException: Npgsql.NpgsqlException })
        {
            LogSkipped(ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Search warmed up with {Count} questions in {Milliseconds} ms ({Each} ms each)")]
    private partial void LogWarm(int count, long milliseconds, string each);

    [LoggerMessage(LogLevel.Warning, "Database not reachable; search was not warmed up: {Reason}")]
    private partial void LogSkipped(string reason);
}
