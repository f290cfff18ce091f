using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MucGov.Gateway.Data.Migrations
{
    /// <inheritdoc />
    public partial class Sessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bff_sessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ticket = table.Column<byte[]>(type: "bytea", nullable: false),
                    subject = table.Column<Guid>(type: "uuid", nullable: true),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bff_sessions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bff_sessions_expires_at",
                table: "bff_sessions",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_bff_sessions_subject",
                table: "bff_sessions",
                column: "subject");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bff_sessions");
        }
    }
}
