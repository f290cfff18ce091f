using MassTransit;
using MucGov.Contracts.Knowledge;
using MucGov.Knowledge.Catalog;

namespace MucGov.Knowledge.Consumers;

/// <summary>Answers <see cref="GetLifeSituation"/> with the checklist in the requested language (read-only, so no inbox needed).</summary>
public sealed class GetLifeSituationConsumer(LifeSituationReader reader) : IConsumer<GetLifeSituation>
{
    public async Task Consume(ConsumeContext<GetLifeSituation> context)
    {
        var request = context.Message;
        var found = await reader.ReadAsync(request.LifeSituationId, request.Language, context.CancellationToken);
        if (found is not { View: var view })
        {
            await context.RespondAsync(new LifeSituationDetails(request.LifeSituationId, Found: false));
            return;
        }

        await context.RespondAsync(new LifeSituationDetails(view.Id, true, view.Title, view.Summary, view.Sensitive,
            [.. view.Steps.Select(s => new LifeSituationStepInfo(s.ServiceId, s.ServiceTitle, s.Note,
                s.Deadline is { } d ? new StepDeadlineInfo(d.Count, d.Unit, d.From, d.LegalBasis) : null, s.Condition?.Key, s.Condition?.Question))]));
    }
}
