using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace MucGov.Knowledge.Data.Migrations
{
    /// <inheritdoc />
    public partial class PerLanguageSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_services_search_translated",
                table: "services");

            migrationBuilder.DropColumn(
                name: "search_translated",
                table: "services");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_ar",
                table: "services",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('arabic', coalesce(entry->'title'->>'ar', '')), 'A') || setweight(to_tsvector('arabic', coalesce(entry->'synonyms'->'ar', '[]'::jsonb)::text), 'A') || setweight(to_tsvector('arabic', coalesce(entry->'summary'->>'ar', '')), 'B') || setweight(to_tsvector('arabic', coalesce(entry->'description'->>'ar', '')), 'C')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_ru",
                table: "services",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('russian', coalesce(entry->'title'->>'ru', '')), 'A') || setweight(to_tsvector('russian', coalesce(entry->'synonyms'->'ru', '[]'::jsonb)::text), 'A') || setweight(to_tsvector('russian', coalesce(entry->'summary'->>'ru', '')), 'B') || setweight(to_tsvector('russian', coalesce(entry->'description'->>'ru', '')), 'C')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_tr",
                table: "services",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('turkish', coalesce(entry->'title'->>'tr', '')), 'A') || setweight(to_tsvector('turkish', coalesce(entry->'synonyms'->'tr', '[]'::jsonb)::text), 'A') || setweight(to_tsvector('turkish', coalesce(entry->'summary'->>'tr', '')), 'B') || setweight(to_tsvector('turkish', coalesce(entry->'description'->>'tr', '')), 'C')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_uk",
                table: "services",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('simple', coalesce(entry->'title'->>'uk', '')), 'A') || setweight(to_tsvector('simple', coalesce(entry->'synonyms'->'uk', '[]'::jsonb)::text), 'A') || setweight(to_tsvector('simple', coalesce(entry->'summary'->>'uk', '')), 'B') || setweight(to_tsvector('simple', coalesce(entry->'description'->>'uk', '')), 'C')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_services_search_ar",
                table: "services",
                column: "search_ar")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_services_search_ru",
                table: "services",
                column: "search_ru")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_services_search_tr",
                table: "services",
                column: "search_tr")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_services_search_uk",
                table: "services",
                column: "search_uk")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_services_search_ar",
                table: "services");

            migrationBuilder.DropIndex(
                name: "ix_services_search_ru",
                table: "services");

            migrationBuilder.DropIndex(
                name: "ix_services_search_tr",
                table: "services");

            migrationBuilder.DropIndex(
                name: "ix_services_search_uk",
                table: "services");

            migrationBuilder.DropColumn(
                name: "search_ar",
                table: "services");

            migrationBuilder.DropColumn(
                name: "search_ru",
                table: "services");

            migrationBuilder.DropColumn(
                name: "search_tr",
                table: "services");

            migrationBuilder.DropColumn(
                name: "search_uk",
                table: "services");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_translated",
                table: "services",
                type: "tsvector",
                nullable: false,
                computedColumnSql: "setweight(to_tsvector('turkish', coalesce(entry->'title'->>'tr', '')), 'A') || setweight(to_tsvector('turkish', coalesce(entry->'synonyms'->'tr', '[]'::jsonb)::text), 'A') || setweight(to_tsvector('turkish', coalesce(entry->'summary'->>'tr', '')), 'B') || setweight(to_tsvector('turkish', coalesce(entry->'description'->>'tr', '')), 'C') || setweight(to_tsvector('simple', coalesce(entry->'title'->>'uk', '')), 'A') || setweight(to_tsvector('simple', coalesce(entry->'synonyms'->'uk', '[]'::jsonb)::text), 'A') || setweight(to_tsvector('simple', coalesce(entry->'summary'->>'uk', '')), 'B') || setweight(to_tsvector('simple', coalesce(entry->'description'->>'uk', '')), 'C') || setweight(to_tsvector('russian', coalesce(entry->'title'->>'ru', '')), 'A') || setweight(to_tsvector('russian', coalesce(entry->'synonyms'->'ru', '[]'::jsonb)::text), 'A') || setweight(to_tsvector('russian', coalesce(entry->'summary'->>'ru', '')), 'B') || setweight(to_tsvector('russian', coalesce(entry->'description'->>'ru', '')), 'C') || setweight(to_tsvector('arabic', coalesce(entry->'title'->>'ar', '')), 'A') || setweight(to_tsvector('arabic', coalesce(entry->'synonyms'->'ar', '[]'::jsonb)::text), 'A') || setweight(to_tsvector('arabic', coalesce(entry->'summary'->>'ar', '')), 'B') || setweight(to_tsvector('arabic', coalesce(entry->'description'->>'ar', '')), 'C')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_services_search_translated",
                table: "services",
                column: "search_translated")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
