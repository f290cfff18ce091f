using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MucGov.Conversation.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChatRateAndCleanup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "rate_count",
                table: "conversations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "rate_window_start",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rate_count",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "rate_window_start",
                table: "conversations");
        }
    }
}
