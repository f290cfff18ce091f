using Microsoft.EntityFrameworkCore;
using MucGov.Shared.Messaging;

namespace MucGov.Knowledge.Data;

/// <summary>The knowledge service's own database.</summary>
public sealed class KnowledgeDbContext(DbContextOptions<KnowledgeDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
    }
}
