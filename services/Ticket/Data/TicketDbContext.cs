using Microsoft.EntityFrameworkCore;
using MucGov.Shared.Data;
using MucGov.Shared.Messaging;
using MucGov.Shared.Messaging.Outbox;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Departments;
using MucGov.Ticket.Documents;
using MucGov.Ticket.Templates;

namespace MucGov.Ticket.Data;

/// <summary>The ticket service's own database: cases, their messages and audit trail, reference counters, departments' hours, reply templates.</summary>
public sealed class TicketDbContext(DbContextOptions<TicketDbContext> options) : DbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseMessage> Messages => Set<CaseMessage>();
    public DbSet<CaseHistoryEntry> History => Set<CaseHistoryEntry>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();
    public DbSet<DepartmentCalendar> Departments => Set<DepartmentCalendar>();
    public DbSet<IssuedDocument> Documents => Set<IssuedDocument>();
    public DbSet<ReplyTemplate> Templates => Set<ReplyTemplate>();

    /// <summary>Stores the cases' pending audit entries, messages and events with them, in one transaction.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StageCaseChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StageCaseChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void StageCaseChanges()
    {
        foreach (var @case in ChangeTracker.Entries<Case>().Select(e => e.Entity).ToList())
        {
            var changes = @case.TakeChanges();
            History.AddRange(changes.History);
            Messages.AddRange(changes.Messages);
            foreach (var (message, at) in changes.Events)
            {
                this.AddToOutbox(message, at);
            }

            foreach (var change in changes.QueueChanges)
            {
                this.AddToOutbox(change, change.At ?? DateTimeOffset.UtcNow);
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.Entity<Case>(c =>
        {
            c.ToTable("cases");
            c.Property(x => x.Reference).HasMaxLength(20);
            c.HasIndex(x => x.Reference).IsUnique();
            c.Property(x => x.Type).HasMaxLength(20);
            c.HasIndex(x => x.EscalationId).IsUnique().HasFilter("escalation_id IS NOT NULL");
            c.HasIndex(x => x.SubmissionId).IsUnique().HasFilter("submission_id IS NOT NULL");
            c.HasIndex(x => x.CitizenId);
            c.HasIndex(x => x.ConversationId);
            c.Property(x => x.DepartmentId).HasMaxLength(60);
            c.Property(x => x.ServiceId).HasMaxLength(100);
            c.Property(x => x.Language).HasMaxLength(8);
            c.Property(x => x.Reason).HasMaxLength(40);
            c.Property(x => x.Status).HasMaxLength(30);
            c.Property(x => x.Priority).HasMaxLength(10);
            c.Property(x => x.AssigneeId).HasMaxLength(100);
            c.Property(x => x.AssigneeName).HasMaxLength(200);
            c.Property(x => x.Transcript).HasJsonb();
            c.Property(x => x.CitizenSnapshot).HasJsonb();
            c.Property(x => x.Form).HasJsonb();
            // The queue search (ILIKE '%…%'): trigram indexes here and on the messages' text.
            c.Property(x => x.SearchText).HasDefaultValue("");
            c.HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
            c.Property(x => x.Version).IsRowVersion();
            // The queue: a department's open cases by deadline.
            c.HasIndex(x => new { x.DepartmentId, x.Status, x.SlaDueAt });
            // The queue's default view, all but the resolved: most of a department's cases are resolved, and the index above
            // would hand them all to the table to be filtered out.
            c.HasIndex(x => new { x.DepartmentId, x.SlaDueAt }).HasFilter("status <> 'resolved'");
        });
        modelBuilder.Entity<CaseMessage>(m =>
        {
            m.ToTable("case_messages");
            m.Property(x => x.Author).HasMaxLength(20);
            m.Property(x => x.AuthorId).HasMaxLength(100);
            m.Property(x => x.AuthorName).HasMaxLength(200);
            m.HasIndex(x => new { x.CaseId, x.CreatedAt });
            m.HasIndex(x => x.SourceId).IsUnique().HasFilter("source_id IS NOT NULL");
            m.HasIndex(x => x.Text).HasMethod("gin").HasOperators("gin_trgm_ops");
            m.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<CaseHistoryEntry>(h =>
        {
            h.ToTable("case_history");
            h.Property(x => x.Id).UseIdentityAlwaysColumn();
            h.Property(x => x.Actor).HasMaxLength(100);
            h.Property(x => x.ActorName).HasMaxLength(200);
            h.Property(x => x.Action).HasMaxLength(40);
            h.Property(x => x.FromStatus).HasMaxLength(30);
            h.Property(x => x.ToStatus).HasMaxLength(30);
            h.HasIndex(x => new { x.CaseId, x.Id });
            h.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ReferenceCounter>(r =>
        {
            r.ToTable("reference_counters");
            r.HasKey(x => x.Year);
            r.Property(x => x.Year).ValueGeneratedNever();
        });
        modelBuilder.Entity<DepartmentCalendar>(d =>
        {
            d.ToTable("department_calendars");
            d.Property(x => x.Id).HasMaxLength(60);
            d.Property(x => x.Name).HasMaxLength(200);
            d.Property(x => x.BusinessHours).HasJsonb();
        });
        modelBuilder.Entity<IssuedDocument>(d =>
        {
            d.ToTable("documents");
            d.HasIndex(x => x.SubmissionId).IsUnique();
            d.HasIndex(x => x.VerificationCode).IsUnique();
            d.HasIndex(x => x.CitizenId);
            d.Property(x => x.VerificationCode).HasMaxLength(32);
            d.Property(x => x.ServiceId).HasMaxLength(100);
            d.Property(x => x.Title).HasMaxLength(200);
        });
        modelBuilder.Entity<ReplyTemplate>(t =>
        {
            t.ToTable("reply_templates");
            t.Property(x => x.DepartmentId).HasMaxLength(60);
            t.Property(x => x.Name).HasMaxLength(Apis.TemplatesApi.MaxNameLength);
            t.Property(x => x.UpdatedBy).HasMaxLength(100);
            t.Property(x => x.Texts).HasJsonb();
            t.Property(x => x.Version).IsRowVersion();
            t.HasIndex(x => new { x.DepartmentId, x.Name }).IsUnique();
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
