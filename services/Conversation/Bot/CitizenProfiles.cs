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
        try
        {
            var response = await profiles.GetResponse<CitizenProfile, CitizenNotFound>(
                new GetCitizenProfile(citizenId, consentId, "escalation", escalation.DepartmentId, escalation.Fields), ct, RequestTimeout.After(s: 5));
            return response.Is(out Response<CitizenProfile>? profile) ? (consentId, profile!.Message.Fields) : (consentId, new Dictionary<string, string>());
        }
        catch (Exception ex) when (ex is RequestTimeoutException or RequestFaultException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            LogNoProfile(conversationId, ex.GetType().Name);
            return (consentId, new Dictionary<string, string>());
        }
    }

    [LoggerMessage(LogLevel.Warning, "No citizen profile for the hand-over of conversation {ConversationId} ({Reason}); the case opens with the transcript only")]
    private partial void LogNoProfile(Guid conversationId, string reason);
}
