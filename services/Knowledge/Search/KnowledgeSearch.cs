using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Contracts.Knowledge;
using MucGov.Knowledge.Catalog;
using MucGov.Knowledge.Data;

namespace MucGov.Knowledge.Search;

/// <summary>
/// Services, life situations and places for one question, in one list by confidence (each hit says its kind): the
/// question's words read with the catalog's vocabulary (typos, dialect, compounds), services from PostgreSQL with
/// whole phrases counted, life situations and places from <see cref="CatalogIndexes"/>.
/// </summary>
public sealed class KnowledgeSearch(CatalogSearch services, KnowledgeDbContext db, CatalogIndexes indexes)
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string? query, string language, int take, CancellationToken ct)
    {
        var catalog = await indexes.CurrentAsync(db, ct);
        var words = catalog.Vocabulary.Expand(QueryText.Words(query));
        var serviceHits = await services.SearchAsync(words, catalog.Vocabulary.PhraseMatches(words), language, take, ct);
        var lifeHits = LifeSituationIndex.Hits(catalog.Lives, words, language);
        var placeHits = LocationIndex.Hits(catalog.Places, LocationIndex.Words(query), language);
        return [.. serviceHits.Concat(lifeHits).Concat(placeHits)
            .OrderByDescending(h => h.Confidence).ThenBy(h => h.Kind == HitKinds.Service ? 0 : 1).Take(take)];
    }
}

/// <summary>
/// What the service keeps in memory of the catalog — the services, departments, life situations and places, and the
/// words of the services' titles and synonyms (<see cref="ServiceVocabulary"/>), a few hundred entries — kept between
/// requests (a singleton) and rebuilt when a table's highest version or number of rows changes; one query tells all
/// four. That query runs at most once per <see cref="CatalogOptions.ChangeCheckInterval"/>, so another instance's
/// change is seen within it; this instance's own writes (editor API, import) call <see cref="Invalidate"/> and are seen
/// at once.
/// </summary>
public sealed class CatalogIndexes(IOptions<CatalogOptions> options, TimeProvider clock)
{
    private sealed record Stamp(
        long LifeVersion, int LifeCount, long PlaceVersion, int PlaceCount, long ServiceVersion, int ServiceCount, long DepartmentVersion, int DepartmentCount);

    /// <summary>A service as stored: its entry, version and row version (the editor's ETag).</summary>
    public sealed record StoredService(ServiceEntry Entry, long Version, uint RowVersion);

    /// <summary>The indexes built from one state of the catalog.</summary>
    public sealed record Built(
        IReadOnlyList<LifeSituationIndex.Indexed> Lives, IReadOnlyList<LocationIndex.Indexed> Places, ServiceVocabulary Vocabulary)
    {
        /// <summary>Per service, the legal deadline the first life situation naming one gives it ("within two weeks of moving in").</summary>
        public IReadOnlyDictionary<string, Catalog.StepDeadline> Deadlines { get; } = Lives.SelectMany(l => l.Entry.Steps)
            .Where(step => step.Deadline is not null).DistinctBy(step => step.ServiceId).ToDictionary(step => step.ServiceId, step => step.Deadline!);

        /// <summary>Every service by id.</summary>
        public IReadOnlyDictionary<string, StoredService> Services { get; init; } = new Dictionary<string, StoredService>();

        /// <summary>Every department by id.</summary>
        public IReadOnlyDictionary<string, Catalog.DepartmentEntry> Departments { get; init; } = new Dictionary<string, Catalog.DepartmentEntry>();

        /// <summary>Every location by id.</summary>
        public IReadOnlyDictionary<string, LocationEntry> Locations { get; init; } = new Dictionary<string, LocationEntry>();
    }

    private sealed record Snapshot(Stamp Stamp, Built Indexes, long CheckedAt);

    /// <summary>A stamp no database gives: the snapshot is rebuilt at the next read.</summary>
    private static readonly Stamp Stale = new(-1, -1, -1, -1, -1, -1, -1, -1);

    private Snapshot? built;

    /// <summary>Whether the indexes have been built once (by a search, or the warm-up at start).</summary>
    public bool IsBuilt => built is not null;

    /// <summary>This instance changed the catalog: the next read builds the snapshot anew from the database.</summary>
    public void Invalidate()
    {
        if (Volatile.Read(ref built) is { } current)
        {
            // Rebuilt, not only checked: a write need not raise the highest version (a row rewritten with a version of its own).
            Interlocked.CompareExchange(ref built, current with { Stamp = Stale, CheckedAt = long.MinValue }, current);
        }
    }

    /// <summary>The catalog as the database holds it now (or at most <see cref="CatalogOptions.ChangeCheckInterval"/> ago).</summary>
    public async Task<Built> CurrentAsync(KnowledgeDbContext db, CancellationToken ct)
    {
        var current = Volatile.Read(ref built);
        var now = clock.GetTimestamp();
        if (current is not null && current.CheckedAt != long.MinValue && clock.GetElapsedTime(current.CheckedAt, now) < options.Value.ChangeCheckInterval)
        {
            return current.Indexes;
        }

        var stamp = await db.Database.SqlQuery<Stamp>($"""
            SELECT (SELECT coalesce(max(version), 0) FROM life_situations) AS life_version, (SELECT count(*)::int FROM life_situations) AS life_count,
                   (SELECT coalesce(max(version), 0) FROM locations) AS place_version, (SELECT count(*)::int FROM locations) AS place_count,
                   (SELECT coalesce(max(version), 0) FROM services) AS service_version, (SELECT count(*)::int FROM services) AS service_count,
                   (SELECT coalesce(max(version), 0) FROM departments) AS department_version, (SELECT count(*)::int FROM departments) AS department_count
            """).SingleAsync(ct);
        if (current is null || current.Stamp != stamp)
        {
            var lives = await db.LifeSituations.AsNoTracking().Select(l => l.Entry).ToListAsync(ct);
            var places = await db.Locations.AsNoTracking().Select(l => l.Entry).ToListAsync(ct);
            var services = await db.Services.AsNoTracking().Select(s => new { s.Entry, s.Version, s.RowVersion }).ToListAsync(ct);
            var departments = await db.Departments.AsNoTracking().Select(d => d.Entry).ToListAsync(ct);
            var indexes = new Built(LifeSituationIndex.Index(lives), LocationIndex.Index(places), ServiceVocabulary.Of([.. services.Select(s => s.Entry)]))
            {
                Services = services.ToDictionary(s => s.Entry.Id, s => new StoredService(s.Entry, s.Version, s.RowVersion)),
                Departments = departments.ToDictionary(d => d.Id),
                Locations = places.ToDictionary(l => l.Id),
            };
            current = new Snapshot(stamp, indexes, now);
        }
        else
        {
            current = current with { CheckedAt = now };
        }

        Volatile.Write(ref built, current);
        return current.Indexes;
    }
}
