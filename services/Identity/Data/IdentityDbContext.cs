using Microsoft.EntityFrameworkCore;
using MucGov.Shared.Messaging;

namespace MucGov.Identity.Data;

/// <summary>The identity service's own database.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
    }
}
