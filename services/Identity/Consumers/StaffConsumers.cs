using MassTransit;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Identity;
using MucGov.Contracts.Ticket;
using MucGov.Identity.Accounts;
using MucGov.Identity.Data;
using MucGov.Identity.Staff;
using MucGov.Shared.Messaging.Inbox;

namespace MucGov.Identity.Consumers;

/// <summary>Answers <see cref="GetStaffMember"/>: a staff account's name, roles, departments and languages.</summary>
public sealed class GetStaffMemberConsumer(AccountDbContext db) : IConsumer<GetStaffMember>
{
    public async Task Consume(ConsumeContext<GetStaffMember> context)
    {
        var id = Guid.TryParse(context.Message.SubjectId, out var parsed) ? parsed : Guid.Empty;
        var staff = await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.Kind == AccountKind.Staff, context.CancellationToken);
        if (staff is null)
        {
            await context.RespondAsync(new StaffMemberNotFound(context.Message.SubjectId));
            return;
        }

        await context.RespondAsync(new StaffMember(staff.Id.ToString(), staff.Name, staff.Roles, staff.Departments, staff.Languages));
    }
}

/// <summary>A case transferred to a department: its caseworkers are told by mail, once per transfer.</summary>
public sealed class CaseTransferredMailConsumer(AccountDbContext db, StaffNotifications notifications, TimeProvider clock) : IConsumer<CaseTransferred>
{
    public Task Consume(ConsumeContext<CaseTransferred> context) =>
        db.ProcessOnceAsync(context, nameof(CaseTransferredMailConsumer), ct =>
        {
            var transfer = context.Message;
            return notifications.TransferredAsync(transfer.ToDepartmentId, transfer.ToDepartmentName, transfer.Reference ?? transfer.CaseId.ToString(), ct);
        }, clock);
}

/// <summary>A case a supervisor assigned: the caseworker is told by mail (never about their own claim).</summary>
public sealed class CaseAssignedMailConsumer(AccountDbContext db, StaffNotifications notifications, TimeProvider clock) : IConsumer<CaseAssigned>
{
    public Task Consume(ConsumeContext<CaseAssigned> context) =>
        db.ProcessOnceAsync(context, nameof(CaseAssignedMailConsumer), ct =>
        {
            var assigned = context.Message;
            return assigned is { Assignee: { } assignee, DepartmentId: { } department }
                ? notifications.AssignedAsync(assignee, assigned.AssignedBy, department, assigned.Reference ?? assigned.CaseId.ToString(), ct)
                : Task.CompletedTask;
        }, clock);
}

/// <summary>A breached deadline waits for its department's digest (<see cref="SlaBreachDigest"/>); one per case and deadline.</summary>
public sealed class CaseSlaBreachedMailConsumer(AccountDbContext db, TimeProvider clock) : IConsumer<CaseSlaBreached>
{
    public Task Consume(ConsumeContext<CaseSlaBreached> context) =>
        db.ProcessOnceAsync(context, nameof(CaseSlaBreachedMailConsumer), async ct =>
        {
            var breach = context.Message;
            if (await db.SlaBreachNotices.AnyAsync(n => n.CaseId == breach.CaseId && n.DueAt == breach.SlaDueAt, ct))
            {
                return;
            }

            db.SlaBreachNotices.Add(new SlaBreachNotice
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), CaseId = breach.CaseId, DepartmentId = breach.DepartmentId, Reference = breach.Reference,
                DueAt = breach.SlaDueAt, ReceivedAt = clock.GetUtcNow(),
            });
        }, clock);
}
