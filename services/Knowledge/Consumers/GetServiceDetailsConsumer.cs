using MassTransit;
using MucGov.Contracts.Knowledge;
using MucGov.Knowledge.Catalog;

namespace MucGov.Knowledge.Consumers;

/// <summary>Answers <see cref="GetServiceDetails"/> with the service's facts and its locations' opening status.</summary>
public sealed class GetServiceDetailsConsumer(ServiceDetailsReader reader, TimeProvider clock) : IConsumer<GetServiceDetails>
{
    public async Task Consume(ConsumeContext<GetServiceDetails> context)
    {
        var request = context.Message;
        var found = await reader.ReadAsync(request.ServiceId, request.Language, request.At ?? clock.GetUtcNow(), context.CancellationToken);
        if (found is not { View: var view })
        {
            await context.RespondAsync(new ServiceDetails(request.ServiceId, Found: false));
            return;
        }

        await context.RespondAsync(new ServiceDetails(
            view.Id, true, view.Title, view.Summary, view.DepartmentId, view.Documents, view.Fees, view.Checklist, view.OnlineServiceUrl,
            [.. view.Locations.Select(l => new LocationStatus(
                l.Id, l.Name, l.Address, l.OpenNow, l.OpenNow ? l.ClosesAt : l.NextOpening, l.AppointmentOnly, l.PublicTransport, l.StepFreeAccess))],
            view.Procedure?.Id, view.Version, view.IndividualHandling, view.Sensitive, view.DepartmentName,
            view.Procedure is { } procedure
                ? new ProcedureDefinition(procedure.Id, procedure.TrustLevel, procedure.Result, procedure.Confirmation,
                    [.. procedure.Fields.Select(f => new ProcedureFieldDefinition(f.Name, f.Type, f.Label, f.Prompt, f.Validation, f.PrefillFrom))])
                : null,
            view.ProcessingTime, view.LegalBasis, view.AppointmentRequired,
            [.. (view.Related ?? []).Select(r => new RelatedServiceInfo(r.ServiceId, r.Title, r.Relation))],
            view.Deadline is { } deadline ? new StepDeadlineInfo(deadline.Count, deadline.Unit, deadline.From, deadline.LegalBasis) : null,
            view.Language, view.Translation, view.DepartmentLanguages));
    }
}
