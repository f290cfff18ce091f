using Microsoft.EntityFrameworkCore;
using MucGov.Knowledge.Apis;
using MucGov.Knowledge.Data;

namespace MucGov.Knowledge.Catalog;

/// <summary>A life situation in one language with its steps' service titles, for the API and the bot alike.</summary>
public sealed class LifeSituationReader(KnowledgeDbContext db)
{
    /// <summary>The life situation and its row version (the ETag), or null when there is none.</summary>
    public async Task<(LifeSituationView View, uint RowVersion)?> ReadAsync(string id, string language, CancellationToken ct)
    {
        var row = await db.LifeSituations.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (row is null)
        {
            return null;
        }

        var serviceIds = row.Entry.Steps.Select(s => s.ServiceId).Distinct().ToList();
        var services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var view = new LifeSituationView(
            row.Id, row.Entry.Title.In(language), row.Entry.Summary.In(language), row.Entry.Sensitive,
            [.. row.Entry.Steps.Select((step, i) => new LifeSituationStepView(
                i + 1, step.ServiceId, services.TryGetValue(step.ServiceId, out var service) ? service.Entry.Title.In(language) : step.ServiceId,
                service?.DepartmentId, step.Note?.In(language), step.Deadline,
                step.Condition is { } condition ? new StepConditionView(condition.Key, condition.Question.In(language)) : null))],
            row.Version, language);
        return (view, row.RowVersion);
    }
}
