using System.Diagnostics;

namespace MucGov.Knowledge.Search;

/// <summary>
/// Runs a few searches while the service starts, before it listens and reports ready, so the first citizen's question
/// does not pay for building the indexes and compiling the queries (which took longer than the bot waits for an answer).
/// A database that cannot be reached is no reason to stay down: the first real search then does the work.
/// </summary>
public sealed partial class SearchWarmUp(IServiceScopeFactory scopes, ILogger<SearchWarmUp> logger) : IHostedService
{
    /// <summary>Questions in both scripts and several languages, so every path of search (phrases, places, life situations) runs once.</summary>
    private static readonly (string Query, string Language)[] Questions =
    [
        ("Wo beantrage ich einen neuen Personalausweis?", "de"),
        ("Ich ziehe um, was muss ich tun?", "de"),
        ("Öffnungszeiten KVR", "de"),
        ("How do I register my address?", "en"),
        ("Де отримати паспорт?", "uk"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var (query, language) in Questions)
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<KnowledgeSearch>().SearchAsync(query, language, 5, cancellationToken);
            }

            LogWarm(Questions.Length, clock.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException { InnerException: Npgsql.NpgsqlException })
        {
            LogSkipped(ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Search warmed up with {Count} questions in {Milliseconds} ms")]
    private partial void LogWarm(int count, long milliseconds);

    [LoggerMessage(LogLevel.Warning, "Database not reachable; search was not warmed up: {Reason}")]
    private partial void LogSkipped(string reason);
}
