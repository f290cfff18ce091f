using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Knowledge;
using MucGov.Knowledge.Data;
using MucGov.Knowledge.Search;
using MucGov.Shared.Data;
using MucGov.Shared.Messaging.Outbox;

namespace MucGov.Knowledge.Catalog;

/// <summary>Writes to the catalog: every change gets a new catalog version and a <see cref="KnowledgeCatalogChanged"/> in the same transaction.</summary>
public sealed class CatalogStore(KnowledgeDbContext db, TimeProvider clock)
{
    public async Task<long> NextVersionAsync(CancellationToken ct) =>
        await db.ScalarAsync<long>("SELECT nextval('catalog_version')", ct);

    /// <summary>Adds or replaces a service (the caller saves).</summary>
    public async Task<ServiceRow> PutServiceAsync(ServiceEntry entry, ServiceRow? existing, CancellationToken ct)
    {
        entry = Translations.Settled(entry, existing?.Entry);
        var version = await NextVersionAsync(ct);
        var row = existing ?? new ServiceRow { Id = entry.Id, DepartmentId = entry.DepartmentId, Entry = entry };
        row.Apply(entry, version, clock.GetUtcNow());
        if (existing is null)
        {
            db.Services.Add(row);
        }
        else
        {
            await db.Terms.Where(t => t.ServiceId == row.Id).ExecuteDeleteAsync(ct);
        }

        foreach (var term in QueryText.Terms([.. entry.Title.Values, .. entry.Synonyms.All]))
        {
            db.Terms.Add(new ServiceTerm { ServiceId = row.Id, Term = term });
        }

        db.AddToOutbox(new KnowledgeCatalogChanged(row.Id, null, version), clock);
        return row;
    }

    public async Task DeleteServiceAsync(ServiceRow row, CancellationToken ct)
    {
        var version = await NextVersionAsync(ct);
        db.Services.Remove(row);
        db.AddToOutbox(new KnowledgeCatalogChanged(row.Id, null, version, Deleted: true), clock);
    }

    /// <summary>Adds or replaces a life situation (the caller saves).</summary>
    public async Task<LifeSituationRow> PutLifeSituationAsync(LifeSituationEntry entry, LifeSituationRow? existing, CancellationToken ct)
    {
        entry = Translations.Settled(entry, existing?.Entry);
        var version = await NextVersionAsync(ct);
        var row = existing ?? new LifeSituationRow { Id = entry.Id, Entry = entry };
        row.Entry = entry;
        row.Version = version;
        row.UpdatedAt = clock.GetUtcNow();
        if (existing is null)
        {
            db.LifeSituations.Add(row);
        }

        db.AddToOutbox(new KnowledgeCatalogChanged(null, null, version, LifeSituationId: row.Id), clock);
        return row;
    }

    public async Task DeleteLifeSituationAsync(LifeSituationRow row, CancellationToken ct)
    {
        var version = await NextVersionAsync(ct);
        db.LifeSituations.Remove(row);
        db.AddToOutbox(new KnowledgeCatalogChanged(null, null, version, Deleted: true, LifeSituationId: row.Id), clock);
    }

    /// <summary>
    /// Loads a whole catalog file: departments, locations and services are added or replaced; services missing from the
    /// file are left alone (an export of the city's system may be partial). All or nothing.
    /// </summary>
    public async Task<(int Departments, int Locations, int Services, int LifeSituations)> ImportAsync(CatalogFile file, CancellationToken ct)
    {
        if (!CatalogFile.Readable.Contains(file.Format))
        {
            // A format-1 file reads as format 2 (its texts were keyed by language already; its synonym lists read as German).
            throw new CatalogImportException($"Unknown format '{file.Format}'; expected {string.Join(" or ", CatalogFile.Readable)}.");
        }

        var problems = new List<string>();
        foreach (var department in file.Departments)
        {
            problems.AddRange(new Shared.Calendar.WeeklySchedule { Days = department.BusinessHours }.Problems().Select(p => $"department {department.Id}: {p}"));
            problems.AddRange(CatalogValidation.Aliases(department.Aliases).Select(p => $"department {department.Id}: {p}"));
        }

        foreach (var location in file.Locations)
        {
            problems.AddRange(location.Schedule.Problems().Select(p => $"location {location.Id}: {p}"));
            problems.AddRange(CatalogValidation.Aliases(location.Aliases).Select(p => $"location {location.Id}: {p}"));
        }

        var departmentIds = (await db.Departments.Select(d => d.Id).ToListAsync(ct)).Concat(file.Departments.Select(d => d.Id)).ToHashSet(StringComparer.Ordinal);
        var locationIds = (await db.Locations.Select(l => l.Id).ToListAsync(ct)).Concat(file.Locations.Select(l => l.Id)).ToHashSet(StringComparer.Ordinal);
        var serviceIds = (await db.Services.Select(s => s.Id).ToListAsync(ct)).Concat(file.Services.Select(s => s.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var service in file.Services)
        {
            problems.AddRange(CatalogValidation.Shape(service).Concat(CatalogValidation.References(service, departmentIds, locationIds, serviceIds))
                .Select(e => $"service {service.Id}: {e.Key}: {string.Join(" ", e.Value)}"));
        }

        foreach (var situation in file.LifeSituations ?? [])
        {
            problems.AddRange(CatalogValidation.Shape(situation).Concat(CatalogValidation.References(situation, serviceIds))
                .Select(e => $"life situation {situation.Id}: {e.Key}: {string.Join(" ", e.Value)}"));
        }

        if (problems.Count > 0)
        {
            throw new CatalogImportException("The catalog has errors; nothing was imported:\n" + string.Join("\n", problems));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var written in file.Departments)
        {
            var version = await NextVersionAsync(ct);
            var row = await db.Departments.FindAsync([written.Id], ct);
            var department = Translations.Settled(written, row?.Entry);
            if (row is null)
            {
                db.Departments.Add(new DepartmentRow { Id = department.Id, Entry = department, Version = version });
            }
            else
            {
                row.Entry = department;
                row.Version = version;
            }

            db.AddToOutbox(new KnowledgeCatalogChanged(null, department.Id, version), clock);
        }

        foreach (var written in file.Locations)
        {
            var row = await db.Locations.FindAsync([written.Id], ct);
            var location = Translations.Settled(written, row?.Entry);
            if (row is null)
            {
                db.Locations.Add(new LocationRow { Id = location.Id, Entry = location });
            }
            else
            {
                row.Entry = location;
            }
        }

        foreach (var service in file.Services)
        {
            await PutServiceAsync(service, await db.Services.FindAsync([service.Id], ct), ct);
        }

        foreach (var situation in file.LifeSituations ?? [])
        {
            await PutLifeSituationAsync(situation, await db.LifeSituations.FindAsync([situation.Id], ct), ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (file.Departments.Count, file.Locations.Count, file.Services.Count, file.LifeSituations?.Count ?? 0);
    }

    /// <summary>
    /// Marks the translation of one entity into <paramref name="language"/> as reviewed by <paramref name="reviewer"/>,
    /// when every text has that language, and keeps an audit row of it, in one transaction with the catalog's version.
    /// </summary>
    public async Task<ReviewOutcome> ReviewAsync(string kind, string id, string language, string reviewerSubject, string reviewer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var target = await ReviewTargetAsync(kind, id, now, ct);
        if (target is not { Parts: var parts, Store: var store })
        {
            return new ReviewOutcome.NotFound();
        }

        if (parts.MissingIn(language) is { Count: > 0 } missing)
        {
            return new ReviewOutcome.Incomplete(missing);
        }

        var reviewed = Translations.Reviewed(parts.Statuses, language, reviewer, now);
        var version = await NextVersionAsync(ct);
        store(reviewed, version);
        db.TranslationReviews.Add(new TranslationReview
        {
            Kind = kind, EntityId = id, Language = language, ReviewerSubject = reviewerSubject, Reviewer = reviewer, ReviewedAt = now, Version = version,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReviewOutcome.Changed();
        }

        return new ReviewOutcome.Done(reviewed[language]);
    }

    /// <summary>The entity a review is about: its translatable parts, and how to store its new statuses with the catalog's next version.</summary>
    private async Task<(TranslatableParts Parts, Action<IReadOnlyDictionary<string, TranslationStatus>, long> Store)?> ReviewTargetAsync(
        string kind, string id, DateTimeOffset now, CancellationToken ct)
    {
        if (kind == "service" && await db.Services.FindAsync([id], ct) is { } service)
        {
            return (Translations.Parts(service.Entry), (statuses, version) =>
            {
                service.Apply(service.Entry with { Translations = statuses }, version, now);
                db.AddToOutbox(new KnowledgeCatalogChanged(id, null, version), clock);
            }
            );
        }

        if (kind == "life-situation" && await db.LifeSituations.FindAsync([id], ct) is { } situation)
        {
            return (Translations.Parts(situation.Entry), (statuses, version) =>
            {
                (situation.Entry, situation.Version, situation.UpdatedAt) = (situation.Entry with { Translations = statuses }, version, now);
                db.AddToOutbox(new KnowledgeCatalogChanged(null, null, version, LifeSituationId: id), clock);
            }
            );
        }

        if (kind == "location" && await db.Locations.FindAsync([id], ct) is { } location)
        {
            return (Translations.Parts(location.Entry), (statuses, version) =>
                (location.Entry, location.Version) = (location.Entry with { Translations = statuses }, version));
        }

        if (kind == "department" && await db.Departments.FindAsync([id], ct) is { } department)
        {
            return (Translations.Parts(department.Entry), (statuses, version) =>
            {
                (department.Entry, department.Version) = (department.Entry with { Translations = statuses }, version);
                db.AddToOutbox(new KnowledgeCatalogChanged(null, id, version), clock);
            }
            );
        }

        return null;
    }

    public async Task<CatalogFile> ExportAsync(CancellationToken ct) => new(
        "Exported from MucGov.",
        CatalogFile.CurrentFormat,
        [.. (await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct)).Select(d => d.Entry)],
        [.. (await db.Locations.AsNoTracking().OrderBy(l => l.Id).ToListAsync(ct)).Select(l => l.Entry)],
        [.. (await db.Services.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct)).Select(s => s.Entry)],
        [.. (await db.LifeSituations.AsNoTracking().OrderBy(l => l.Id).ToListAsync(ct)).Select(l => l.Entry)]);
}

public sealed class CatalogImportException(string message) : Exception(message);

/// <summary>How a review went.</summary>
public abstract record ReviewOutcome
{
    public sealed record Done(TranslationStatus Status) : ReviewOutcome;

    public sealed record NotFound : ReviewOutcome;

    public sealed record Incomplete(IReadOnlyList<string> Fields) : ReviewOutcome;

    /// <summary>Someone changed the entity meanwhile.</summary>
    public sealed record Changed : ReviewOutcome;
}
