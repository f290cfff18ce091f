using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Knowledge;
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
/// What search keeps in memory of the catalog — the life situations, the places, and the words of the services' titles
/// and synonyms (<see cref="ServiceVocabulary"/>), a few hundred entries — kept between requests (a singleton) and rebuilt
/// when a table's highest version or number of rows changes; one query tells all three.
/// </summary>
public sealed class CatalogIndexes
{
    private sealed record Stamp(long LifeVersion, int LifeCount, long PlaceVersion, int PlaceCount, long ServiceVersion, int ServiceCount);

    /// <summary>The indexes built from one state of the catalog.</summary>
    public sealed record Built(
        IReadOnlyList<LifeSituationIndex.Indexed> Lives, IReadOnlyList<LocationIndex.Indexed> Places, ServiceVocabulary Vocabulary)
    {
        /// <summary>Per service, the legal deadline the first life situation naming one gives it ("within two weeks of moving in").</summary>
        public IReadOnlyDictionary<string, Catalog.StepDeadline> Deadlines { get; } = Lives.SelectMany(l => l.Entry.Steps)
            .Where(step => step.Deadline is not null).DistinctBy(step => step.ServiceId).ToDictionary(step => step.ServiceId, step => step.Deadline!);
    }

    private sealed record Snapshot(Stamp Stamp, Built Indexes);

    private Snapshot? built;

    /// <summary>Whether the indexes have been built once (by a search, or the warm-up at start).</summary>
    public bool IsBuilt => built is not null;

    /// <summary>The indexes as the database holds the entries now.</summary>
    public async Task<Built> CurrentAsync(KnowledgeDbContext db, CancellationToken ct)
    {
        var stamp = await db.Database.SqlQuery<Stamp>($"""
            SELECT (SELECT coalesce(max(version), 0) FROM life_situations) AS life_version, (SELECT count(*)::int FROM life_situations) AS life_count,
                   (SELECT coalesce(max(version), 0) FROM locations) AS place_version, (SELECT count(*)::int FROM locations) AS place_count,
                   (SELECT coalesce(max(version), 0) FROM services) AS service_version, (SELECT count(*)::int FROM services) AS service_count
            """).SingleAsync(ct);
        var current = Volatile.Read(ref built);
        if (current is null || current.Stamp != stamp)
        {
            var lives = await db.LifeSituations.AsNoTracking().Select(l => l.Entry).ToListAsync(ct);
            var places = await db.Locations.AsNoTracking().Select(l => l.Entry).ToListAsync(ct);
            var services = await db.Services.AsNoTracking().Select(s => s.Entry).ToListAsync(ct);
            current = new Snapshot(stamp, new Built(LifeSituationIndex.Index(lives), LocationIndex.Index(places), ServiceVocabulary.Of(services)));
            Volatile.Write(ref built, current);
        }

        return current.Indexes;
    }
}
