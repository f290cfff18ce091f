using Microsoft.EntityFrameworkCore;
using MucGov.Shared.Messaging.Inbox;
using MucGov.Shared.Messaging.Outbox;

namespace MucGov.Shared.Messaging;

/// <summary>Maps the outbox and inbox tables into a service's DbContext.</summary>
public static class MessagingModel
{
    /// <summary>Outbox table name.</summary>
    public const string OutboxTable = "outbox_messages";

    /// <summary>Inbox table name.</summary>
    public const string InboxTable = "inbox_messages";

    /// <summary>Call from <c>OnModelCreating</c> of every service that publishes or consumes messages.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.MessageType).HasMaxLength(500);
            outbox.Property(m => m.Body).HasColumnType("jsonb");
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            outbox.Property(m => m.CorrelationId).HasMaxLength(100);
            outbox.Property(m => m.LastError).HasMaxLength(2000);
            // The dispatcher reads only pending rows in creation order: keep that index small.
            outbox.HasIndex(m => new { m.CreatedAt }).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
            outbox.HasIndex(m => m.SentAt).HasFilter("sent_at IS NOT NULL");
        });
        model.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
            inbox.HasIndex(m => m.ProcessedAt);
        });
        return model;
    }
}
