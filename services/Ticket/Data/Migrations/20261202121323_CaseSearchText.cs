using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MucGov.Ticket.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "cases",
                type: "text",
                nullable: false,
                defaultValue: "");

            // The cases opened so far, composed as CaseSearch.TextOf composes new ones (a test compares the two); filled
            // before the index is built, which is faster than updating it row by row.
            migrationBuilder.Sql("""
                UPDATE cases c SET search_text = concat_ws(E'\n',
                    c.reference,
                    concat_ws(' ', c.citizen_snapshot->>'givenName', c.citizen_snapshot->>'familyName'),
                    (SELECT string_agg(e.value, E'\n' ORDER BY e.key COLLATE "C") FROM jsonb_each_text(c.citizen_snapshot) e),
                    (SELECT string_agg(t.entry->>'text', E'\n' ORDER BY t.n) FROM jsonb_array_elements(c.transcript) WITH ORDINALITY t(entry, n)),
                    (SELECT string_agg(f.field->>'value', E'\n' ORDER BY f.n) FROM jsonb_array_elements(c.form) WITH ORDINALITY f(field, n)))
                """);

            migrationBuilder.CreateIndex(
                name: "ix_cases_search_text",
                table: "cases",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_case_messages_text",
                table: "case_messages",
                column: "text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_search_text",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_case_messages_text",
                table: "case_messages");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "cases");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
