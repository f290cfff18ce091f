using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Knowledge;
using MucGov.Knowledge.Data;

namespace MucGov.Knowledge.Consumers;

/// <summary>Answers <see cref="GetDepartments"/> with every department's business hours.</summary>
public sealed class GetDepartmentsConsumer(KnowledgeDbContext db) : IConsumer<GetDepartments>
{
    public async Task Consume(ConsumeContext<GetDepartments> context)
    {
        var language = context.Message.Language;
        var rows = await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(context.CancellationToken);
        var departments = rows.Select(r => new DepartmentEntry(
            r.Id,
            r.Entry.Name.In(language),
            r.Entry.Languages,
            r.Entry.BusinessHours.ToDictionary(
                day => day.Key,
                day => (IReadOnlyList<string>)[.. day.Value.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Start:HH\\:mm}-{i.End:HH\\:mm}"))]),
            r.Version)).ToList();
        await context.RespondAsync(new DepartmentDirectory(rows.Count == 0 ? 0 : rows.Max(r => r.Version), departments));
    }
}
