using MassTransit;
using MucGov.Contracts.Knowledge;

namespace MucGov.Conversation.Bot;

/// <summary>What the bot asks the knowledge service. Null means "could not ask right now" — never an exception.</summary>
public interface IKnowledge
{
    Task<KnowledgeSearchResult?> SearchAsync(string query, string language, CancellationToken ct);

    /// <summary>A service's details; its locations' opening status at <paramref name="at"/> (now when null).</summary>
    Task<ServiceDetails?> DetailsAsync(string serviceId, string language, CancellationToken ct, DateTimeOffset? at = null);

    /// <summary>A life situation's checklist.</summary>
    Task<LifeSituationDetails?> LifeSituationAsync(string lifeSituationId, string language, CancellationToken ct);

    /// <summary>A place with its opening status at <paramref name="at"/> (now when null).</summary>
    Task<LocationDetails?> LocationAsync(string locationId, string language, CancellationToken ct, DateTimeOffset? at = null);
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
    IRequestClient<GetLifeSituation> lifeSituations,
    IRequestClient<GetLocation> locations,
    Microsoft.Extensions.Options.IOptions<BotOptions> options,
    ILogger<RabbitKnowledge> logger) : IKnowledge
{
    public Task<KnowledgeSearchResult?> SearchAsync(string query, string language, CancellationToken ct) =>
        AskAsync<SearchKnowledge, KnowledgeSearchResult>(search, new SearchKnowledge(query, language, 6), ct);

    public Task<ServiceDetails?> DetailsAsync(string serviceId, string language, CancellationToken ct, DateTimeOffset? at = null) =>
        AskAsync<GetServiceDetails, ServiceDetails>(details, new GetServiceDetails(serviceId, language, at), ct);

    public Task<LifeSituationDetails?> LifeSituationAsync(string lifeSituationId, string language, CancellationToken ct) =>
        AskAsync<GetLifeSituation, LifeSituationDetails>(lifeSituations, new GetLifeSituation(lifeSituationId, language), ct);

    public Task<LocationDetails?> LocationAsync(string locationId, string language, CancellationToken ct, DateTimeOffset? at = null) =>
        AskAsync<GetLocation, LocationDetails>(locations, new GetLocation(locationId, language, at), ct);

    /// <summary>One request with the bot's timeout; null (logged) when the knowledge service does not answer in time or fails.</summary>
    private async Task<TResponse?> AskAsync<TRequest, TResponse>(IRequestClient<TRequest> client, TRequest request, CancellationToken ct)
        where TRequest : class where TResponse : class
    {
        try
        {
            var response = await client.GetResponse<TResponse>(request, ct, RequestTimeout.After(ms: (int)options.Value.KnowledgeTimeout.TotalMilliseconds));
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
