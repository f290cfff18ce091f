using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MucGov.Gateway.Bff;

namespace MucGov.Gateway.Data;

/// <summary>The gateway's own small database: Data Protection keys and browser sessions, shared by all replicas.</summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>Data Protection key ring shared by all gateway replicas.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Browser sessions (sign-in tickets with their tokens, encrypted).</summary>
    public DbSet<BffSession> Sessions => Set<BffSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BffSession>(s =>
        {
            s.ToTable("bff_sessions");
            s.Property(x => x.Id).HasMaxLength(64);
            s.HasIndex(x => x.ExpiresAt);
            s.HasIndex(x => x.Subject);
        });
    }
}
