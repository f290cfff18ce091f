using Microsoft.EntityFrameworkCore;
using MucGov.Conversation.Chats;
using MucGov.Shared.Data;
using MucGov.Shared.Messaging;

namespace MucGov.Conversation.Data;

/// <summary>The conversation service's own database.</summary>
public sealed class ConversationDbContext(DbContextOptions<ConversationDbContext> options) : DbContext(options)
{
    public DbSet<Chat> Chats => Set<Chat>();
    public DbSet<ChatMessage> Messages => Set<ChatMessage>();
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Chat>(chat =>
        {
            chat.Property(c => c.Procedure).HasJsonb();
            chat.ToTable("conversations");
            chat.Property(c => c.AccessKeyHash).HasMaxLength(64);
            chat.Property(c => c.Language).HasMaxLength(8);
            chat.HasIndex(c => new { c.CitizenId, c.UpdatedAt });
            chat.Property(c => c.State).HasJsonb().HasDefaultValueSql("'{}'::jsonb");
            chat.Property(c => c.CaseReference).HasMaxLength(20);
        });
        modelBuilder.Entity<ChatMessage>(message =>
        {
            message.ToTable("messages");
            message.Property(m => m.Author).HasMaxLength(20);
            message.Property(m => m.Language).HasMaxLength(8);
            message.Property(m => m.ClientMessageId).HasMaxLength(100);
            message.Property(m => m.CaseReference).HasMaxLength(20);
            message.Property(m => m.Actions).HasJsonb();
            // jsonb keeps keys in its own order, so the blocks' "type" need not come first.
            message.Property(m => m.Blocks).HasJsonb(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
            {
                AllowOutOfOrderMetadataProperties = true,
            });
            message.Property(m => m.Understood).HasJsonb();
            message.HasIndex(m => new { m.ConversationId, m.Seq }).IsUnique();
            // A retried post finds its first attempt; concurrent retries collide here instead of storing twice.
            message.HasIndex(m => new { m.ConversationId, m.ClientMessageId }).IsUnique().HasFilter("client_message_id IS NOT NULL");
            message.Property(m => m.SourceType).HasMaxLength(60);
            message.HasIndex(m => new { m.SourceType, m.SourceId }).IsUnique().HasFilter("source_id IS NOT NULL");
            message.HasOne<Chat>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ConsentRecord>(consent =>
        {
            consent.ToTable("consents");
            consent.Property(c => c.DepartmentId).HasMaxLength(80);
            consent.Property(c => c.Purpose).HasMaxLength(40);
            consent.HasIndex(c => c.ConversationId);
            consent.HasIndex(c => c.CitizenId);
        });
    }
}
