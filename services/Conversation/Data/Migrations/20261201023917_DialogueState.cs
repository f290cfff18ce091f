using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MucGov.Conversation.Data.Migrations
{
    /// <inheritdoc />
    public partial class DialogueState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Expand: the dialogue state becomes one jsonb value, filled from the old columns. The old columns stay for
            // one release (the previous release still writes them while both run); unclear_turns gets a default so this
            // release's inserts, which leave it out, succeed. A later release drops them.
            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "conversations",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.Sql("""
                UPDATE conversations SET state = jsonb_strip_nulls(jsonb_build_object(
                    'topic', CASE WHEN service_id IS NULL THEN NULL ELSE jsonb_build_object('kind', 'service', 'id', service_id) END,
                    'department', CASE WHEN department_id IS NULL THEN NULL ELSE jsonb_build_object('id', department_id, 'name', department_name) END,
                    'unclearTurns', unclear_turns,
                    'pendingEscalation', pending_escalation))
                """);

            migrationBuilder.AlterColumn<int>(
                name: "unclear_turns",
                table: "conversations",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "state",
                table: "conversations");
        }
    }
}
