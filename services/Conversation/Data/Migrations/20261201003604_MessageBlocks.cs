using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MucGov.Conversation.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessageBlocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "blocks",
                table: "messages",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "understood",
                table: "messages",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "blocks",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "understood",
                table: "messages");
        }
    }
}
