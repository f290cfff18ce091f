using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MucGov.Knowledge.Data;
using MucGov.Shared.Languages;

namespace MucGov.Knowledge.Search;

/// <summary>One ranked hit.</summary>
/// <param name="ServiceId">The service's id, or the life situation's.</param>
/// <param name="Title">Title in the requested language.</param>
/// <param name="Summary">Summary in the requested language.</param>
/// <param name="DepartmentId">The responsible department; empty for a life situation.</param>
/// <param name="Confidence">0..1.</param>
/// <param name="Kind"><c>service</c>, <c>life-situation</c> or <c>location</c>.</param>
/// <param name="Relative">This hit's score as a share of the best one's of its kind (1 for the best).</param>
public sealed record SearchHit(
    string ServiceId, string Title, string Summary, string DepartmentId, double Confidence, string Kind = Contracts.Knowledge.HitKinds.Service, double Relative = 1);

/// <summary>
/// Finds services for a citizen's question in one PostgreSQL query. For every query word and service it measures how
/// well the service explains the word: full-text match with the <c>german</c> and <c>english</c> configurations over
/// the weighted title/synonyms (A), summary (B) and description (C) — so stems match — or, for typos and dialect, the
/// trigram similarity (<c>pg_trgm</c>) to a word of the service's titles and synonyms. Words that many services
/// share count less (inverse document frequency). The sum is the score; the share of the question a service explains,
/// and its lead over the next one, give the confidence.
/// </summary>
public sealed class CatalogSearch(KnowledgeDbContext db)
{
    /// <summary>Trigram similarity from which a query word counts as a (mis)spelling of a term (the `%` operator's default threshold is 0.3).</summary>
    public const double TermSimilarity = 0.45;

    /// <summary>What a word of a whole phrase found in the question adds, as a share of an average word's weight.</summary>
    public const double PhraseWeight = 0.5;

    /// <summary>ts_rank of one A-weighted occurrence of a one-word query (the default weights), used to scale ranks to 0..1.</summary>
    private const double FullMatchRank = 0.6079;

    // {0} the words, {1} the question language's text search configuration, {2} the trigram threshold, {3} the language, {4} the words as its queries;
    // {translated} the language's translated texts, {translatedMatch} their match and {translatedTitle} its title (see Sql: nothing for German and English).
    private const string SearchSql = """
        WITH words AS (
            -- Each word's queries parsed and stemmed once, not again for every service they are compared with.
            -- {4} is each word as the question language's query: the word itself, or its stem as a prefix where no configuration stems it.
            SELECT w.word, to_tsquery('german', w.word) AS q_de, to_tsquery('english', w.word) AS q_en, to_tsquery({1}::regconfig, w.local) AS q_local
            FROM (SELECT DISTINCT word, local FROM unnest({0}::text[], {4}::text[]) AS u(word, local)) w
        ),
        fts AS (
            SELECT s.id, w.word,
                   greatest(ts_rank(s.search_de, w.q_de), ts_rank(s.search_en, w.q_en), ts_rank({translated}, w.q_local)) AS fts,
                   greatest(
                       CASE WHEN s.title_search_de @@ w.q_de THEN 1 / sqrt(greatest(length(s.title_search_de), 1)) ELSE 0 END,
                       CASE WHEN s.title_search_en @@ w.q_en THEN 1 / sqrt(greatest(length(s.title_search_en), 1)) ELSE 0 END,
                       CASE WHEN l.title @@ w.q_local THEN 1 / sqrt(greatest(length(l.title), 1)) ELSE 0 END) AS title_bonus
            FROM words w
            -- Every arm an indexed vector: the planner answers each word with the GIN indexes (a bitmap OR), not by reading every service.
            JOIN services s ON s.search_de @@ w.q_de OR s.search_en @@ w.q_en{translatedMatch}
            -- The title in the question's language too, for the bonus (a short text: made on the fly, for the matches only).
            CROSS JOIN LATERAL (SELECT {translatedTitle} AS title) l
        ),
        trigram AS (
            SELECT t.service_id AS id, w.word, max(similarity(w.word, t.term)) AS trigram
            FROM words w
            JOIN service_terms t ON length(w.word) >= 4 AND t.term % w.word AND similarity(w.word, t.term) >= {2}
            GROUP BY t.service_id, w.word
        ),
        evidence AS (
            SELECT coalesce(f.id, t.id) AS id, coalesce(f.word, t.word) AS word,
                   coalesce(f.fts, 0)::float8 AS fts, coalesce(f.title_bonus, 0)::float8 AS title_bonus, coalesce(t.trigram, 0)::float8 AS trigram
            FROM fts f FULL JOIN trigram t ON t.id = f.id AND t.word = f.word
        )
        SELECT e.id, e.word, e.fts, e.title_bonus, e.trigram, s.department_id, s.title_de, s.title_en, s.summary_de, s.summary_en,
               (SELECT count(*) FROM services)::int AS total, s.entry->'title'->>{3} AS title_local, s.entry->'summary'->>{3} AS summary_local
        -- One primary-key lookup per hit (OFFSET 0 keeps the planner from hashing the whole table instead).
        FROM evidence e CROSS JOIN LATERAL (SELECT * FROM services s WHERE s.id = e.id OFFSET 0) s
        """;

    // The query per translated language, made once: only the question's own language among the translations (a Turkish
    // text says nothing about a Croatian question); German and English have their own vectors and titles above.
    private static readonly string Untranslated = SearchSql.Replace("{translated}", "''::tsvector", StringComparison.Ordinal)
        .Replace("{translatedMatch}", "", StringComparison.Ordinal).Replace("{translatedTitle}", "''::tsvector", StringComparison.Ordinal);

    private static readonly FrozenDictionary<string, string> Sql = KnowledgeDbContext.TranslatedLanguages.ToFrozenDictionary(
        l => l.Code,
        l => SearchSql.Replace("{translated}", "s." + KnowledgeDbContext.TranslatedColumn(l.Code), StringComparison.Ordinal)
            .Replace("{translatedMatch}", $" OR s.{KnowledgeDbContext.TranslatedColumn(l.Code)} @@ w.q_local", StringComparison.Ordinal)
            .Replace("{translatedTitle}", "to_tsvector({1}::regconfig, coalesce(s.entry->'title'->>{3}, ''))", StringComparison.Ordinal),
        StringComparer.Ordinal);

    internal sealed record Row(
        string Id, string Word, double Fts, double TitleBonus, double Trigram,
        string DepartmentId, string TitleDe, string TitleEn, string SummaryDe, string SummaryEn, int Total, string? TitleLocal = null, string? SummaryLocal = null);

    /// <summary>The services for a question's words, best first.</summary>
    /// <param name="query">The words (<see cref="QueryText.Words"/>, read with the vocabulary).</param>
    /// <param name="phrases">Per service, the words of its longest title or synonym found whole in the question.</param>
    /// <param name="language">The language of titles and summaries.</param>
    /// <param name="take">At most this many hits.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        IReadOnlyList<string> query, IReadOnlyDictionary<string, int> phrases, string language, int take, CancellationToken ct)
    {
        var words = query.ToArray();
        if (words.Length == 0)
        {
            return [];
        }

        // One round trip: every (service, word) with evidence, the service's texts, and the catalog size for the weights.
        // Besides German and English, the words meet the translations stemmed in the question's language.
        var config = SupportedLanguages.Find(language)?.TextSearch ?? "simple";
        var locals = words.Select(w => config == "simple" ? QueryText.PrefixQuery(w) : w).ToArray();
        var rows = await db.Database.SqlQuery<Row>(
            FormattableStringFactory.Create(Sql.GetValueOrDefault(language, Untranslated), words, config, TermSimilarity, language, locals))
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var ranked = Rank(rows, rows[0].Total, phrases);
        // German and its voices read the German titles; another language its own where the service has it, else English.
        var german = language == SupportedLanguages.German || SupportedLanguages.Find(language)?.VoiceOf == SupportedLanguages.German;
        var hits = new List<SearchHit>();
        var previous = 1.0;
        for (var i = 0; i < Math.Min(take, ranked.Count); i++)
        {
            var service = rows.First(r => r.Id == ranked[i].Id);
            var confidence = Math.Min(previous, Confidence(ranked[i].Coverage, i + 1 < ranked.Count ? ranked[i + 1].Score : 0, ranked[i].Score, ranked[0].Score));
            previous = confidence;
            var (title, summary) = german ? (service.TitleDe, service.SummaryDe) : (service.TitleLocal ?? service.TitleEn, service.SummaryLocal ?? service.SummaryEn);
            hits.Add(new SearchHit(service.Id, title, summary, service.DepartmentId, confidence,
                Relative: Math.Round(ranked[i].Score / ranked[0].Score, 3)));
        }

        return hits;
    }

    internal sealed record Ranked(string Id, double Score, double Coverage);

    /// <summary>Scores services from their per-word evidence; best first.</summary>
    internal static List<Ranked> Rank(IReadOnlyList<Row> rows, int serviceCount, IReadOnlyDictionary<string, int> phrases)
    {
        // A word in the title itself is stronger evidence than the same word among the synonyms, the more so the shorter
        // the title ("Reisepass" vs. "Ausweisdokumente für Kinder (früher Kinderreisepass)"); the very word (not just its
        // stem) among titles and synonyms is stronger than a word of the same stem ("residence" vs. "resident").
        var evidence = rows.Select(r => (r.Id, r.Word, Value:
            Math.Max(Math.Min(r.Fts / FullMatchRank, 1) + (0.3 * r.TitleBonus), 0.9 * r.Trigram) + (r.Trigram >= 0.999 ? 0.2 : 0))).ToList();
        var weights = evidence.GroupBy(e => e.Word).ToDictionary(
            g => g.Key,
            g => Math.Log(1 + ((double)Math.Max(serviceCount, 1) / g.Select(e => e.Id).Distinct().Count())));
        var possible = weights.Values.Sum();
        return [.. evidence.GroupBy(e => e.Id)
            .Select(g =>
            {
                var score = g.GroupBy(e => e.Word).Sum(w => weights[w.Key] * w.Max(e => e.Value));

                // A whole title or synonym of two or more words in the question ("residence permit", "Auto abmelden")
                // counts as much again as an average word of the question per word of it.
                var averageWord = possible / Math.Max(weights.Count, 1);
                score += PhraseWeight * averageWord * phrases.GetValueOrDefault(g.Key);
                return new Ranked(g.Key, score, possible > 0 ? score / possible : 0);
            })
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// 0..1: how sure a hit is the service meant — the share of the (weighted) question it explains, discounted when the
    /// next hit is close and, for lower hits, by how far they are behind the best. Calibrated on the question set
    /// (docs/knowledge.md).
    /// </summary>
    public static double Confidence(double coverage, double nextScore, double score, double bestScore)
    {
        if (score <= 0)
        {
            return 0;
        }

        var lead = Math.Clamp((score - nextScore) / score, 0, 1);
        var confidence = Math.Pow(Math.Clamp(coverage, 0, 1), 0.7) * (0.55 + (0.45 * lead)) * (bestScore > 0 ? score / bestScore : 1);
        return Math.Round(Math.Clamp(confidence, 0, 1), 3);
    }
}
