using MassTransit;
using MucGov.Contracts.Identity;

namespace MucGov.Conversation.Bot;

/// <summary>Fetches the consented Bürgerkonto fields from the identity service (which logs the disclosure).</summary>
public sealed partial class CitizenProfiles(IRequestClient<GetCitizenProfile> profiles, ILogger<CitizenProfiles> logger)
{
    /// <summary>The consent id and the fields; without the fields when the identity service does not answer in time (the case still opens).</summary>
    public async Task<(Guid ConsentId, IReadOnlyDictionary<string, string> Fields)> SnapshotAsync(Guid citizenId, Guid conversationId, Escalation escalation, CancellationToken ct)
    {
        var consentId = Guid.CreateVersion7();
        var profile = await FetchAsync(citizenId, conversationId, consentId, "escalation", escalation.DepartmentId, escalation.Fields, ct);
        return (consentId, profile?.Fields ?? new Dictionary<string, string>());
    }

    /// <summary>The named fields and the account's trust level under a consent; null when the identity service does not answer in time or knows no such citizen.</summary>
    public async Task<CitizenProfile?> FetchAsync(
        Guid citizenId, Guid conversationId, Guid consentId, string purpose, string recipient, IReadOnlyList<string> fields, CancellationToken ct)
    {
        try
        {
            var response = await profiles.GetResponse<CitizenProfile, CitizenNotFound>(
                new GetCitizenProfile(citizenId, consentId, purpose, recipient, fields), ct, RequestTimeout.After(s: 5));
            return response.Is(out Response<CitizenProfile>? profile) ? profile!.Message : null;
        }
        catch (Exception ex) when (ex is RequestTimeoutException or RequestFaultException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            LogNoProfile(conversationId, ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "No citizen profile for conversation {ConversationId} ({Reason}); going on without it")]
    private partial void LogNoProfile(Guid conversationId, string reason);
}
