using MassTransit;
using MucGov.Contracts.Knowledge;

namespace MucGov.Conversation.Bot;

/// <summary>What the bot asks the knowledge service. Null means "could not ask right now" — never an exception.</summary>
public interface IKnowledge
{
    Task<KnowledgeSearchResult?> SearchAsync(string query, string language, CancellationToken ct);

    Task<ServiceDetails?> DetailsAsync(string serviceId, string language, CancellationToken ct);
}

/// <summary>Settings of the <c>Bot</c> section.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>How long the bot waits for the knowledge service before saying it cannot look things up.</summary>
    public TimeSpan KnowledgeTimeout { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>The knowledge service over RabbitMQ request/response, with a timeout.</summary>
public sealed partial class RabbitKnowledge(
    IRequestClient<SearchKnowledge> search,
    IRequestClient<GetServiceDetails> details,
    Microsoft.Extensions.Options.IOptions<BotOptions> options,
    ILogger<RabbitKnowledge> logger) : IKnowledge
{
    public async Task<KnowledgeSearchResult?> SearchAsync(string query, string language, CancellationToken ct)
    {
        try
        {
            var response = await search.GetResponse<KnowledgeSearchResult>(new SearchKnowledge(query, language, 3), ct, RequestTimeout.After(ms: (int)options.Value.KnowledgeTimeout.TotalMilliseconds));
            return response.Message;
        }
        catch (Exception ex) when (ex is RequestTimeoutException or RequestFaultException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            LogUnavailable(ex.GetType().Name);
            return null;
        }
    }

    public async Task<ServiceDetails?> DetailsAsync(string serviceId, string language, CancellationToken ct)
    {
        try
        {
            var response = await details.GetResponse<ServiceDetails>(new GetServiceDetails(serviceId, language), ct, RequestTimeout.After(ms: (int)options.Value.KnowledgeTimeout.TotalMilliseconds));
            return response.Message;
        }
        catch (Exception ex) when (ex is RequestTimeoutException or RequestFaultException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            LogUnavailable(ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Knowledge service unavailable ({Reason}); the bot answers without it")]
    private partial void LogUnavailable(string reason);
}
