using Microsoft.EntityFrameworkCore;
using MucGov.Knowledge.Data;

namespace MucGov.Knowledge.Search;

/// <summary>One ranked hit.</summary>
public sealed record SearchHit(string ServiceId, string Title, string Summary, string DepartmentId, double Confidence);

/// <summary>
/// Finds services for a citizen's question in one PostgreSQL query: full-text search with the <c>german</c> and
/// <c>english</c> configurations over weighted title/synonyms/summary/description (any word may match), and trigram
/// word similarity (<c>pg_trgm</c>) against the words of titles and synonyms for typos and dialect. The two are
/// combined into a score, and the score into a confidence (see <see cref="Confidence"/>).
/// </summary>
public sealed class CatalogSearch(KnowledgeDbContext db)
{
    /// <summary>Word similarity from which a query word counts as a (mis)spelling of a term.</summary>
    public const double TermSimilarity = 0.55;

    internal sealed record Row(
        string Id, string DepartmentId, string TitleDe, string TitleEn, string SummaryDe, string SummaryEn,
        double FtsDe, double FtsEn, double Trigram, int TrigramWords);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string? query, string language, int take, CancellationToken ct)
    {
        var words = QueryText.Words(query);
        if (words.Count == 0)
        {
            return [];
        }

        var tsquery = QueryText.AnyOf(words);
        var trigramWords = words.Where(w => w.Length >= 4).ToArray();
        var rows = await db.Database.SqlQuery<Row>($"""
            WITH fts AS (
                SELECT id,
                       ts_rank_cd(search_de, to_tsquery('german', {tsquery}), 1) AS fts_de,
                       ts_rank_cd(search_en, to_tsquery('english', {tsquery}), 1) AS fts_en
                FROM services
                WHERE search_de @@ to_tsquery('german', {tsquery}) OR search_en @@ to_tsquery('english', {tsquery})
            ),
            trigram AS (
                SELECT service_id AS id, sum(best) AS trigram, count(*)::int AS trigram_words
                FROM (
                    SELECT t.service_id, w.word, max(word_similarity(w.word, t.term)) AS best
                    FROM unnest({trigramWords}::text[]) AS w(word)
                    JOIN service_terms t ON word_similarity(w.word, t.term) >= {TermSimilarity}
                    GROUP BY t.service_id, w.word
                ) matches
                GROUP BY service_id
            )
            SELECT s.id AS "Id", s.department_id AS "DepartmentId", s.title_de AS "TitleDe", s.title_en AS "TitleEn",
                   s.summary_de AS "SummaryDe", s.summary_en AS "SummaryEn",
                   coalesce(f.fts_de, 0)::float8 AS "FtsDe", coalesce(f.fts_en, 0)::float8 AS "FtsEn",
                   coalesce(t.trigram, 0)::float8 AS "Trigram", coalesce(t.trigram_words, 0) AS "TrigramWords"
            FROM services s
            LEFT JOIN fts f ON f.id = s.id
            LEFT JOIN trigram t ON t.id = s.id
            WHERE f.id IS NOT NULL OR t.id IS NOT NULL
            """).ToListAsync(ct);

        var scored = rows
            .Select(r => (Row: r, Score: Score(r, trigramWords.Length)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Row.Id, StringComparer.Ordinal)
            .ToList();
        var text = language == "en" ? "en" : "de";
        return [.. scored.Take(take).Select((x, i) => new SearchHit(
            x.Row.Id,
            text == "en" ? x.Row.TitleEn : x.Row.TitleDe,
            text == "en" ? x.Row.SummaryEn : x.Row.SummaryDe,
            x.Row.DepartmentId,
            Confidence(x.Score, i + 1 < scored.Count ? scored[i + 1].Score : 0, i == 0 ? 0 : scored[0].Score)))];
    }

    /// <summary>Full-text rank (whichever language matched better) plus trigram evidence per query word.</summary>
    internal static double Score(Row row, int trigramWordCount)
    {
        var fts = Math.Max(row.FtsDe, row.FtsEn) + 0.25 * Math.Min(row.FtsDe, row.FtsEn);
        var trigram = trigramWordCount == 0 ? 0 : row.Trigram;
        return fts + (0.35 * trigram);
    }

    /// <summary>
    /// 0..1: how sure the hit is the service meant. Grows with the hit's score and with its lead over the next hit;
    /// a hit below the best one is discounted by how far behind it is. Calibrated on the question set (docs/knowledge.md).
    /// </summary>
    public static double Confidence(double score, double nextScore, double bestScore)
    {
        if (score <= 0)
        {
            return 0;
        }

        var strength = score / (score + 0.35);
        var lead = nextScore <= 0 ? 1 : Math.Clamp((score - nextScore) / score, 0, 1);
        var confidence = strength * (0.55 + (0.45 * lead));
        if (bestScore > 0)
        {
            confidence *= score / bestScore;
        }

        return Math.Round(Math.Clamp(confidence, 0, 1), 3);
    }
}
