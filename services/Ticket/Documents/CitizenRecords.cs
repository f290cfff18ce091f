using MassTransit;
using Microsoft.Extensions.Options;
using MucGov.Contracts.Conversation;
using MucGov.Contracts.Identity;
using MucGov.Shared.Auth;
using MucGov.Ticket.Cases;

namespace MucGov.Ticket.Documents;

/// <summary>What a document may certify: the record's values in form order, or why the document cannot be issued.</summary>
/// <param name="Lines">The form: certified fields with the record's values, the other fields as typed (each marked with its source).</param>
/// <param name="Refusal">Why nothing may be certified; null when <paramref name="Lines"/> may go on the document.</param>
public sealed record CertifiedForm(IReadOnlyList<FormValue> Lines, string? Refusal)
{
    public bool Refused => Refusal is not null;
}

/// <summary>
/// Reads the fields a document certifies from the authoritative record: the ticket service asks the identity service
/// itself (<see cref="GetCitizenProfile"/>, under the consent the citizen gave in the chat, logged there as a
/// disclosure) and checks the account's trust level. What the citizen typed in the chat never fills a certified field.
/// </summary>
public sealed class CitizenRecords(IRequestClient<GetCitizenProfile> profiles, IOptions<DocumentOptions> options)
{
    /// <summary>
    /// The form of <paramref name="submitted"/> with every certified field taken from the Bürgerkonto, or a refusal.
    /// Throws when identity does not answer in time, so the delivery is retried.
    /// </summary>
    public async Task<CertifiedForm> ReadAsync(ProcedureSubmitted submitted, CancellationToken ct)
    {
        var typed = ProcedureForms.Typed(submitted);
        var certified = submitted.PrefillFrom ?? [];
        if (certified.Count == 0)
        {
            return new(typed, "the submission names no Bürgerkonto field to certify");
        }

        if (submitted.ConsentId is not { } consentId)
        {
            return new(typed, "the citizen did not consent to the use of the Bürgerkonto data");
        }

        var required = TrustLevels.Rank(submitted.TrustLevel) > TrustLevels.Rank(options.Value.MinimumTrustLevel) ? submitted.TrustLevel! : options.Value.MinimumTrustLevel;
        var response = await profiles.GetResponse<CitizenProfile, CitizenNotFound>(
            new GetCitizenProfile(submitted.CitizenId, consentId, $"document:{submitted.ProcedureId ?? submitted.ServiceId}", submitted.DepartmentId ?? "ticket",
                [.. certified.Select(c => c.Value).Distinct()]),
            ct, RequestTimeout.After(ms: (int)options.Value.RecordTimeout.TotalMilliseconds));
        if (!response.Is(out Response<CitizenProfile>? found))
        {
            return new(typed, "there is no Bürgerkonto for the citizen");
        }

        var profile = found!.Message;
        if (!TrustLevels.AtLeast(profile.TrustLevel, required))
        {
            return new(typed, $"the Bürgerkonto has the trust level {profile.TrustLevel}; the document needs {required}");
        }

        string? Record(string source) => profile.Fields.TryGetValue(source, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        // Every certified field from the record, including one the chat left out; the other fields as confirmed.
        var lines = new List<FormValue>();
        foreach (var line in typed.Concat(certified.Where(c => typed.All(t => t.Name != c.Key))
                     .Select(c => new FormValue(c.Key, submitted.FieldLabels?.FirstOrDefault(l => l.Key == c.Key).Value ?? c.Key, "", FormSources.Buergerkonto))))
        {
            var source = certified.FirstOrDefault(c => c.Key == line.Name).Value;
            if (source is null)
            {
                lines.Add(line);
            }
            else if (Record(source) is { } value)
            {
                lines.Add(line with { Value = value, Source = FormSources.Buergerkonto });
            }
            else
            {
                return new(typed, $"the Bürgerkonto has no {line.Label}");
            }
        }

        return new(lines, null);
    }
}
