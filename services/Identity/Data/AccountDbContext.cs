using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MucGov.Identity.Accounts;
using MucGov.Identity.Mail;
using MucGov.Identity.Postfach;
using MucGov.Identity.Staff;
using MucGov.Shared.Messaging;

namespace MucGov.Identity.Data;

/// <summary>The identity service's database: accounts, OIDC clients/tokens (OpenIddict), disclosures, the Postfach, the mail outbox, outbox/inbox.</summary>
public sealed class AccountDbContext(DbContextOptions<AccountDbContext> options)
    : IdentityUserContext<Account, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<CitizenDocument> Documents => Set<CitizenDocument>();
    public DbSet<Disclosure> Disclosures => Set<Disclosure>();
    public DbSet<SignInAttempt> SignInAttempts => Set<SignInAttempt>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<PostfachMessage> PostfachMessages => Set<PostfachMessage>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();
    public DbSet<DepartmentSetting> DepartmentSettings => Set<DepartmentSetting>();
    public DbSet<SlaBreachNotice> SlaBreachNotices => Set<SlaBreachNotice>();
    public DbSet<StaffAuditEntry> StaffAudit => Set<StaffAuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.AddOutboxAndInbox();

        builder.Entity<Account>(account =>
        {
            account.ToTable("accounts");
            account.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            account.Property(a => a.GivenName).HasMaxLength(100);
            account.Property(a => a.FamilyName).HasMaxLength(100);
            account.Property(a => a.Street).HasMaxLength(200);
            account.Property(a => a.HouseNumber).HasMaxLength(20);
            account.Property(a => a.PostalCode).HasMaxLength(10);
            account.Property(a => a.City).HasMaxLength(100);
            account.Property(a => a.PreferredLanguage).HasMaxLength(8);
            account.Property(a => a.TrustLevel).HasMaxLength(20);
            account.Property(a => a.NotifyByEmail).HasDefaultValue(true);
            account.Property(a => a.PendingEmail).HasMaxLength(256);
            account.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CitizenDocument>(document =>
        {
            document.ToTable("citizen_documents");
            document.Property(d => d.Kind).HasMaxLength(50);
            document.Property(d => d.Title).HasMaxLength(200);
            document.Property(d => d.Number).HasMaxLength(50);
        });
        builder.Entity<SignInAttempt>(attempt =>
        {
            attempt.ToTable("sign_in_attempts");
            attempt.HasKey(a => a.Key);
            attempt.Property(a => a.Key).HasMaxLength(400);
        });
        builder.Entity<Disclosure>(disclosure =>
        {
            disclosure.ToTable("disclosures");
            disclosure.Property(d => d.Purpose).HasMaxLength(50);
            disclosure.Property(d => d.Recipient).HasMaxLength(100);
            disclosure.HasIndex(d => new { d.CitizenId, d.DisclosedAt });
        });
        builder.Entity<PostfachMessage>(message =>
        {
            message.ToTable("postfach_messages");
            message.Property(m => m.Id).ValueGeneratedNever();
            message.Property(m => m.DepartmentId).HasMaxLength(100);
            message.Property(m => m.DepartmentName).HasMaxLength(200);
            message.Property(m => m.Reference).HasMaxLength(40);
            message.Property(m => m.Kind).HasMaxLength(20);
            message.Property(m => m.Subject).HasMaxLength(300);
            message.Property(m => m.Language).HasMaxLength(8);
            message.HasOne<Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
            message.HasIndex(m => new { m.AccountId, m.ReceivedAt });
        });
        builder.Entity<OutgoingMail>(mail =>
        {
            mail.ToTable("outgoing_mails");
            mail.Property(m => m.Id).ValueGeneratedNever();
            mail.Property(m => m.Kind).HasMaxLength(40);
            mail.Property(m => m.ThrottleKey).HasMaxLength(100);
            mail.Property(m => m.To).HasMaxLength(256);
            mail.Property(m => m.Subject).HasMaxLength(300);
            mail.Property(m => m.UnsubscribeUrl).HasMaxLength(2000);
            mail.Property(m => m.LastError).HasMaxLength(2000);
            mail.HasOne<Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
            mail.HasIndex(m => m.NextAttemptAt).HasFilter("sent_at IS NULL AND failed_at IS NULL");
            mail.HasIndex(m => new { m.AccountId, m.ThrottleKey, m.CreatedAt });
        });
        builder.Entity<DepartmentSetting>(setting =>
        {
            setting.ToTable("department_settings");
            setting.HasKey(d => d.DepartmentId);
            setting.Property(d => d.DepartmentId).HasMaxLength(100);
            setting.Property(d => d.ChangedBy).HasMaxLength(100);
        });
        builder.Entity<StaffAuditEntry>(entry =>
        {
            entry.ToTable("staff_audit");
            entry.Property(e => e.Action).HasMaxLength(40);
            entry.Property(e => e.ActorName).HasMaxLength(200);
            entry.Property(e => e.TargetName).HasMaxLength(200);
            entry.Property(e => e.Reason).HasMaxLength(500);
            entry.HasIndex(e => new { e.TargetId, e.At });
        });
        builder.Entity<SlaBreachNotice>(notice =>
        {
            notice.ToTable("sla_breach_notices");
            notice.Property(n => n.DepartmentId).HasMaxLength(100);
            notice.Property(n => n.Reference).HasMaxLength(40);
            notice.HasIndex(n => new { n.CaseId, n.DueAt }).IsUnique().AreNullsDistinct(false);
            notice.HasIndex(n => n.DepartmentId).HasFilter("digested_at IS NULL");
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("account_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("account_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("account_tokens");
    }
}
