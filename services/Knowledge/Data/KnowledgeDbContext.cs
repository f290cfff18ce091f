using Microsoft.EntityFrameworkCore;
using MucGov.Knowledge.Catalog;
using MucGov.Shared.Data;
using MucGov.Shared.Languages;
using MucGov.Shared.Messaging;
using NpgsqlTypes;

namespace MucGov.Knowledge.Data;

/// <summary>The knowledge service's database: the catalog, its search index, outbox/inbox.</summary>
public sealed class KnowledgeDbContext(DbContextOptions<KnowledgeDbContext> options) : DbContext(options)
{
    public DbSet<DepartmentRow> Departments => Set<DepartmentRow>();
    public DbSet<LocationRow> Locations => Set<LocationRow>();
    public DbSet<ServiceRow> Services => Set<ServiceRow>();
    public DbSet<ServiceTerm> Terms => Set<ServiceTerm>();
    public DbSet<LifeSituationRow> LifeSituations => Set<LifeSituationRow>();
    public DbSet<TranslationReview> TranslationReviews => Set<TranslationReview>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasSequence<long>("catalog_version");
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<DepartmentRow>(d =>
        {
            d.ToTable("departments");
            d.Property(x => x.Id).HasMaxLength(80);
            d.Property(x => x.Entry).HasJsonb(CatalogFile.Json);
        });
        modelBuilder.Entity<LocationRow>(l =>
        {
            l.ToTable("locations");
            l.Property(x => x.Id).HasMaxLength(80);
            l.Property(x => x.Entry).HasJsonb(CatalogFile.Json);
        });
        modelBuilder.Entity<ServiceRow>(s =>
        {
            s.ToTable("services");
            s.Property(x => x.Id).HasMaxLength(80);
            s.Property(x => x.DepartmentId).HasMaxLength(80);
            s.HasIndex(x => x.DepartmentId);
            s.Property(x => x.Entry).HasJsonb(CatalogFile.Json);
            s.Property(x => x.RowVersion).IsRowVersion();
            // Weighted full-text vectors, kept by PostgreSQL: title and synonyms (A), summary (B), description (C).
            s.Property(x => x.SearchDe).HasComputedColumnSql(Vector("german", "de"), stored: true);
            s.Property(x => x.SearchEn).HasComputedColumnSql(Vector("english", "en"), stored: true);
            s.Property(x => x.TitleSearchDe).HasComputedColumnSql("to_tsvector('german', coalesce(title_de, ''))", stored: true);
            s.Property(x => x.TitleSearchEn).HasComputedColumnSql("to_tsvector('english', coalesce(title_en, ''))", stored: true);
            // One vector per translated language, so a question meets only the texts of its own language.
            foreach (var language in TranslatedLanguages)
            {
                s.Property<NpgsqlTsVector>(TranslatedProperty(language)).HasColumnName(TranslatedColumn(language))
                    .HasComputedColumnSql(TranslatedVector(language), stored: true);
                s.HasIndex(TranslatedProperty(language)).HasMethod("GIN");
            }

            s.HasIndex(x => x.SearchDe).HasMethod("GIN");
            s.HasIndex(x => x.SearchEn).HasMethod("GIN");
        });
        modelBuilder.Entity<LifeSituationRow>(l =>
        {
            l.ToTable("life_situations");
            l.Property(x => x.Id).HasMaxLength(80);
            l.Property(x => x.Entry).HasJsonb(CatalogFile.Json);
            l.Property(x => x.RowVersion).IsRowVersion();
        });
        modelBuilder.Entity<ServiceTerm>(t =>
        {
            t.ToTable("service_terms");
            t.HasKey(x => new { x.ServiceId, x.Term });
            t.Property(x => x.Term).HasMaxLength(100);
            t.HasIndex(x => x.Term).HasMethod("gist").HasOperators("gist_trgm_ops"); // GiST: 3× faster than GIN for this small table (measured)
            t.HasOne<ServiceRow>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TranslationReview>(r =>
        {
            r.ToTable("translation_reviews");
            r.Property(x => x.Kind).HasMaxLength(20);
            r.Property(x => x.EntityId).HasMaxLength(80);
            r.Property(x => x.Language).HasMaxLength(8);
            r.Property(x => x.ReviewerSubject).HasMaxLength(100);
            r.Property(x => x.Reviewer).HasMaxLength(200);
            r.HasIndex(x => new { x.Kind, x.EntityId, x.Language });
        });
    }

    /// <summary>
    /// The languages with their own search vector: every supported one but German, English and the voices of another
    /// (Bavarian). Adding a language to <see cref="SupportedLanguages"/> needs a migration that adds its column.
    /// </summary>
    public static IReadOnlyList<SupportedLanguage> TranslatedLanguages { get; } =
        [.. SupportedLanguages.All.Where(l => l.Code is not (SupportedLanguages.German or SupportedLanguages.English) && l.VoiceOf is null)];

    /// <summary>The column of a translated language's search vector (<c>search_tr</c>), or null for German, English and voices.</summary>
    public static string? TranslatedColumn(string language) =>
        TranslatedLanguages.FirstOrDefault(l => l.Code == language) is { } translated ? TranslatedColumn(translated) : null;

    private static string TranslatedColumn(SupportedLanguage language) => "search_" + language.Code;

    private static string TranslatedProperty(SupportedLanguage language) => "Search" + char.ToUpperInvariant(language.Code[0]) + language.Code[1..];

    /// <summary>
    /// A translation's texts in one vector, stemmed by its language's configuration (turkish, russian, arabic; simple for
    /// Ukrainian), weighted as the German and English ones. A question is stemmed the same way and meets only this one.
    /// </summary>
    private static string TranslatedVector(SupportedLanguage l) =>
        $"setweight(to_tsvector('{l.TextSearch}', coalesce(entry->'title'->>'{l.Code}', '')), 'A') || " +
        $"setweight(to_tsvector('{l.TextSearch}', coalesce(entry->'synonyms'->'{l.Code}', '[]'::jsonb)::text), 'A') || " +
        $"setweight(to_tsvector('{l.TextSearch}', coalesce(entry->'summary'->>'{l.Code}', '')), 'B') || " +
        $"setweight(to_tsvector('{l.TextSearch}', coalesce(entry->'description'->>'{l.Code}', '')), 'C')";

    private static string Vector(string config, string language) =>
        $"setweight(to_tsvector('{config}', coalesce(title_{language}, '')), 'A') || " +
        $"setweight(to_tsvector('{config}', coalesce(synonyms_text, '')), 'A') || " +
        $"setweight(to_tsvector('{config}', coalesce(summary_{language}, '')), 'B') || " +
        $"setweight(to_tsvector('{config}', coalesce(description_{language}, '')), 'C')";
}

public sealed class DepartmentRow
{
    public required string Id { get; init; }
    public required DepartmentEntry Entry { get; set; }
    public long Version { get; set; }
}

public sealed class LocationRow
{
    public required string Id { get; init; }
    public required LocationEntry Entry { get; set; }
    public long Version { get; set; }
}

/// <summary>A service: its entry as given, plus the columns search needs.</summary>
public sealed class ServiceRow
{
    public required string Id { get; init; }
    public required string DepartmentId { get; set; }
    public required ServiceEntry Entry { get; set; }
    public string TitleDe { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string SummaryDe { get; set; } = "";
    public string SummaryEn { get; set; } = "";
    public string DescriptionDe { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string SynonymsText { get; set; } = "";
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin: the ETag, for optimistic concurrency.</summary>
    public uint RowVersion { get; set; }

    public NpgsqlTsVector SearchDe { get; private set; } = null!;
    public NpgsqlTsVector SearchEn { get; private set; } = null!;

    /// <summary>The titles alone, to tell a title word from a synonym.</summary>
    public NpgsqlTsVector TitleSearchDe { get; private set; } = null!;

    public NpgsqlTsVector TitleSearchEn { get; private set; } = null!;

    /// <summary>Copies the searchable texts out of <see cref="Entry"/>.</summary>
    public void Apply(ServiceEntry entry, long version, DateTimeOffset now)
    {
        Entry = entry;
        DepartmentId = entry.DepartmentId;
        TitleDe = entry.Title.De;
        TitleEn = entry.Title.En;
        SummaryDe = entry.Summary.De;
        SummaryEn = entry.Summary.En;
        DescriptionDe = entry.Description?.De ?? "";
        DescriptionEn = entry.Description?.En ?? "";
        SynonymsText = string.Join(" ; ", entry.Synonyms.All);
        Version = version;
        UpdatedAt = now;
    }
}

/// <summary>A life situation: its entry as given.</summary>
public sealed class LifeSituationRow
{
    public required string Id { get; init; }
    public required LifeSituationEntry Entry { get; set; }
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin: the ETag, for optimistic concurrency.</summary>
    public uint RowVersion { get; set; }
}

/// <summary>The audit trail of translation reviews: who marked which entity's translation reviewed, when, at which catalog version.</summary>
public sealed class TranslationReview
{
    public long Id { get; init; }
    public required string Kind { get; init; }
    public required string EntityId { get; init; }
    public required string Language { get; init; }
    public required string ReviewerSubject { get; init; }
    public required string Reviewer { get; init; }
    public DateTimeOffset ReviewedAt { get; init; }
    public long Version { get; init; }
}

/// <summary>One word of a service's titles and synonyms, for typo-tolerant (trigram) matching.</summary>
public sealed class ServiceTerm
{
    public required string ServiceId { get; init; }
    public required string Term { get; init; }
}
