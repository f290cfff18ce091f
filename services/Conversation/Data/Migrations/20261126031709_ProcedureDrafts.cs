using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MucGov.Conversation.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProcedureDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "procedure",
                table: "conversations",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "procedure",
                table: "conversations");
        }
    }
}
