using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MucGov.Ticket.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_cases_department_id_sla_due_at",
                table: "cases",
                columns: new[] { "department_id", "sla_due_at" },
                filter: "status <> 'resolved'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_department_id_sla_due_at",
                table: "cases");
        }
    }
}
