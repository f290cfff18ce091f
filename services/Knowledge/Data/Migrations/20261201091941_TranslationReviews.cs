using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MucGov.Knowledge.Data.Migrations
{
    /// <inheritdoc />
    public partial class TranslationReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "translation_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    reviewer_subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reviewer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_translation_reviews", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_translation_reviews_kind_entity_id_language",
                table: "translation_reviews",
                columns: new[] { "kind", "entity_id", "language" });

            // The audit trail is append-only: the database itself refuses to change or remove an entry.
            migrationBuilder.Sql("""
                CREATE FUNCTION translation_reviews_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'translation_reviews is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER translation_reviews_append_only BEFORE UPDATE OR DELETE ON translation_reviews
                    FOR EACH ROW EXECUTE FUNCTION translation_reviews_append_only();
                CREATE TRIGGER translation_reviews_no_truncate BEFORE TRUNCATE ON translation_reviews
                    FOR EACH STATEMENT EXECUTE FUNCTION translation_reviews_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS translation_reviews_no_truncate ON translation_reviews;
                DROP TRIGGER IF EXISTS translation_reviews_append_only ON translation_reviews;
                DROP FUNCTION IF EXISTS translation_reviews_append_only();
                """);
            migrationBuilder.DropTable(
                name: "translation_reviews");
        }
    }
}
