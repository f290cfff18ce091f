using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Knowledge;
using MucGov.Knowledge.Data;

namespace MucGov.Knowledge.Search;

/// <summary>
/// Services, life situations and places for one question, in one list by confidence (each hit says its kind): services
/// from PostgreSQL, life situations and places from <see cref="CatalogIndexes"/>.
/// </summary>
public sealed class KnowledgeSearch(CatalogSearch services, KnowledgeDbContext db, CatalogIndexes indexes)
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string? query, string language, int take, CancellationToken ct)
    {
        var serviceHits = await services.SearchAsync(query, language, take, ct);
        var (lives, places) = await indexes.CurrentAsync(db, ct);
        var lifeHits = LifeSituationIndex.Hits(lives, QueryText.Words(query), language);
        var placeHits = LocationIndex.Hits(places, LocationIndex.Words(query), language);
        return [.. serviceHits.Concat(lifeHits).Concat(placeHits)
            .OrderByDescending(h => h.Confidence).ThenBy(h => h.Kind == HitKinds.Service ? 0 : 1).Take(take)];
    }
}

/// <summary>
/// The catalog's small tables in memory for search — life situations and places, a few dozen entries — kept between
/// requests (a singleton) and rebuilt when either table's highest version or number of rows changes; one query tells both.
/// </summary>
public sealed class CatalogIndexes
{
    private sealed record Stamp(long LifeVersion, int LifeCount, long PlaceVersion, int PlaceCount);

    private sealed record Built(Stamp Stamp, IReadOnlyList<LifeSituationIndex.Indexed> Lives, IReadOnlyList<LocationIndex.Indexed> Places);

    private Built? built;

    /// <summary>The indexes as the database holds the entries now.</summary>
    public async Task<(IReadOnlyList<LifeSituationIndex.Indexed> Lives, IReadOnlyList<LocationIndex.Indexed> Places)> CurrentAsync(
        KnowledgeDbContext db, CancellationToken ct)
    {
        var stamp = await db.Database.SqlQuery<Stamp>($"""
            SELECT (SELECT coalesce(max(version), 0) FROM life_situations) AS life_version, (SELECT count(*)::int FROM life_situations) AS life_count,
                   (SELECT coalesce(max(version), 0) FROM locations) AS place_version, (SELECT count(*)::int FROM locations) AS place_count
            """).SingleAsync(ct);
        var current = Volatile.Read(ref built);
        if (current is null || current.Stamp != stamp)
        {
            var lives = await db.LifeSituations.AsNoTracking().Select(l => l.Entry).ToListAsync(ct);
            var places = await db.Locations.AsNoTracking().Select(l => l.Entry).ToListAsync(ct);
            current = new Built(stamp, LifeSituationIndex.Index(lives), LocationIndex.Index(places));
            Volatile.Write(ref built, current);
        }

        return (current.Lives, current.Places);
    }
}
