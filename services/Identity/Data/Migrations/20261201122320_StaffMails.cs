using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MucGov.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffMails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "department_settings",
                columns: table => new
                {
                    department_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    caseworker_mails = table.Column<bool>(type: "boolean", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_department_settings", x => x.department_id);
                });

            migrationBuilder.CreateTable(
                name: "sla_breach_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    department_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    digested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_breach_notices", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sla_breach_notices_case_id_due_at",
                table: "sla_breach_notices",
                columns: new[] { "case_id", "due_at" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_sla_breach_notices_department_id",
                table: "sla_breach_notices",
                column: "department_id",
                filter: "digested_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "department_settings");

            migrationBuilder.DropTable(
                name: "sla_breach_notices");
        }
    }
}
