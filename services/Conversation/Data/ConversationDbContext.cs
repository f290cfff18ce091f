using Microsoft.EntityFrameworkCore;
using MucGov.Shared.Messaging;

namespace MucGov.Conversation.Data;

/// <summary>The conversation service's own database.</summary>
public sealed class ConversationDbContext(DbContextOptions<ConversationDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
    }
}
