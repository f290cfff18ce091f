using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Contracts.Ticket;
using MucGov.Identity.Data;
using MucGov.IntegrationTests.Identity;
using MucGov.Shared.Auth;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Ticket;

/// <summary>Mails to caseworkers: transfers to their department, assignments by a supervisor, the digest of passed deadlines.</summary>
public sealed class StaffMailTests(TicketFixture ticket) : IClassFixture<TicketFixture>
{
    private const string Password = IdentityFixture.StaffPassword;

    private Task<(Guid Id, string Username, string Email, string Totp)> StaffAsync(string department, params string[] roles) =>
        IdentityFixture.NewStaffAsync(ticket.Identity, department, roles);

    private static string NewDepartment() => $"test-{Guid.NewGuid():N}"[..20];

    private Task<T> WithIdentityDbAsync<T>(Func<AccountDbContext, Task<T>> work) => IdentityFixture.WithAccountsAsync(ticket.Identity, work);

    private static CaseTransferred Transfer(string to, string reference) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "buergerbuero", to, Guid.NewGuid(), reference, "Testamt");

    [Fact]
    public async Task A_case_transferred_to_a_department_is_mailed_to_its_caseworkers_with_a_link_to_the_console()
    {
        var department = NewDepartment();
        var caseworker = await StaffAsync(department, StaffRoles.Caseworker);
        var editor = await StaffAsync(department, StaffRoles.KnowledgeEditor);

        await ticket.PublishAsync(Transfer(department, "M-2026-777001"));

        var mail = Assert.Single(await TestMailbox.WaitForAsync(caseworker.Email));
        Assert.Equal("Neuer Fall für Testamt: M-2026-777001", mail.Subject);
        Assert.Equal("http://localhost/console", TestMailbox.LinkIn(mail.Text, "http://localhost/console").ToString());
        Assert.Equal(0, await WithIdentityDbAsync(db => db.OutgoingMails.CountAsync(m => m.AccountId == editor.Id)));
    }

    [Fact]
    public async Task A_supervisor_assigns_a_case_to_a_caseworker_who_is_told_by_mail_and_wrong_assignments_change_nothing()
    {
        var caseworker = await StaffAsync("buergerbuero", StaffRoles.Caseworker);
        var opened = await ticket.OpenAsync(TicketFixture.Escalation("buergerbuero"));
        using var supervisor = await ticket.ClientOfAsync("sv.buergerbuero");
        using var maria = await ticket.ClientOfAsync("cw.buergerbuero");
        var path = $"/api/cases/{opened.CaseId}/assign";

        Assert.Equal(HttpStatusCode.Forbidden, (await maria.PostAsJsonAsync(path, new { assigneeId = caseworker.Id })).StatusCode);
        var missing = await supervisor.PostAsJsonAsync(path, new { });
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (missing.StatusCode, missing.Content.Headers.ContentType!.MediaType));
        var citizen = await ticket.CitizenIdAsync("anna.huber");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await supervisor.PostAsJsonAsync(path, new { assigneeId = citizen })).StatusCode);
        var elsewhere = await StaffAsync("standesamt", StaffRoles.Caseworker);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await supervisor.PostAsJsonAsync(path, new { assigneeId = elsewhere.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsJsonAsync($"/api/cases/{Guid.NewGuid()}/assign", new { assigneeId = caseworker.Id })).StatusCode);
        Assert.Null((await ticket.CaseAsync(opened.CaseId)).AssigneeId);

        var assigned = await supervisor.PostAsJsonAsync(path, new { assigneeId = caseworker.Id });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(caseworker.Id.ToString(), (await ticket.CaseAsync(opened.CaseId)).AssigneeId);
        var mail = Assert.Single(await TestMailbox.WaitForAsync(caseworker.Email));
        Assert.Equal($"Ihnen wurde der Fall {opened.Reference} zugewiesen", mail.Subject);
        Assert.Contains("Thomas Bauer hat Ihnen den Fall", mail.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync(path, new { assigneeId = caseworker.Id })).StatusCode);
        Assert.Contains((await ticket.HistoryAsync(opened.CaseId)).Select(h => h.Action), a => a == "assigned");
    }

    [Fact]
    public async Task A_caseworkers_own_claim_sends_no_mail()
    {
        var caseworker = await StaffAsync("buergerbuero", StaffRoles.Caseworker);
        var own = Guid.NewGuid();

        await ticket.PublishAsync(new CaseAssigned(Guid.NewGuid(), Guid.NewGuid(), caseworker.Id.ToString(), caseworker.Id.ToString(), "buergerbuero", "M-2026-777100", own));
        await ticket.PublishAsync(new CaseAssigned(Guid.NewGuid(), Guid.NewGuid(), caseworker.Id.ToString(), Guid.NewGuid().ToString(), "buergerbuero", "M-2026-777101"));

        var mail = Assert.Single(await TestMailbox.WaitForAsync(caseworker.Email));
        Assert.Contains("M-2026-777101", mail.Subject, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await TestMailbox.ToAsync(caseworker.Email));
    }

    [Fact]
    public async Task Passed_deadlines_reach_the_caseworkers_as_one_digest_at_most_every_quarter_hour()
    {
        var department = NewDepartment();
        var caseworker = await StaffAsync(department, StaffRoles.Caseworker);

        await ticket.PublishAsync(new CaseSlaBreached(Guid.NewGuid(), department, DateTimeOffset.UtcNow.AddHours(-1), "M-2026-777201"));
        var digest = Assert.Single(await TestMailbox.WaitForAsync(caseworker.Email));
        Assert.StartsWith($"Fristen überschritten in {department}", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("M-2026-777201", digest.Text, StringComparison.Ordinal);

        var late = Guid.NewGuid();
        await ticket.PublishAsync(new CaseSlaBreached(late, department, DateTimeOffset.UtcNow.AddMinutes(-5), "M-2026-777202"));
        await Eventually.HoldsAsync(() => WithIdentityDbAsync(db => db.SlaBreachNotices.AnyAsync(n => n.CaseId == late)), "the second breach is recorded",
            TicketFixture.Patience);
        await Task.Delay(TimeSpan.FromSeconds(2)); // several digest rounds
        Assert.Single(await TestMailbox.ToAsync(caseworker.Email));
        Assert.Null(await WithIdentityDbAsync(db => db.SlaBreachNotices.Where(n => n.CaseId == late).Select(n => n.DigestedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_supervisor_switches_the_departments_caseworker_mails_off_on_the_account_page()
    {
        var department = NewDepartment();
        var caseworker = await StaffAsync(department, StaffRoles.Caseworker);
        var supervisor = await StaffAsync(department, StaffRoles.Supervisor, StaffRoles.Caseworker);
        var browser = ticket.Identity.CreateBrowser();
        var flow = new OidcFlow(browser);
        await flow.BrowseAsync(flow.AuthorizeUrl("openid profile"), supervisor.Username, Password, supervisor.Totp);

        var page = await browser.GetAsync("/account");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{department}\"", html, StringComparison.Ordinal);
        var form = await OidcFlow.FormAsync(page);
        form["MailDepartments"] = "";
        var saved = await browser.PostAsync("/account?handler=departments", new FormUrlEncodedContent(form));
        Assert.Contains("id=\"departments-saved\"", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var setting = await WithIdentityDbAsync(db => db.DepartmentSettings.AsNoTracking().SingleAsync(d => d.DepartmentId == department));
        Assert.Equal((false, supervisor.Id.ToString()), (setting.CaseworkerMails, setting.ChangedBy));

        await ticket.PublishAsync(Transfer(department, "M-2026-777301"));
        await ticket.PublishAsync(Transfer("buergerbuero", "M-2026-777302"));

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(await TestMailbox.ToAsync(caseworker.Email));
        Assert.Equal(0, await WithIdentityDbAsync(db => db.OutgoingMails.CountAsync(m => m.AccountId == caseworker.Id)));
    }

    [Fact]
    public async Task Only_a_supervisor_of_the_department_may_switch_its_mails()
    {
        var department = NewDepartment();
        var caseworker = await StaffAsync(department, StaffRoles.Caseworker);
        var browser = ticket.Identity.CreateBrowser();
        var flow = new OidcFlow(browser);
        await flow.BrowseAsync(flow.AuthorizeUrl("openid profile"), caseworker.Username, Password, caseworker.Totp);

        var page = await browser.GetAsync("/account");
        var html = await page.Content.ReadAsStringAsync();
        var form = await OidcFlow.FormAsync(page);
        form["MailDepartments"] = "";
        var denied = await browser.PostAsync("/account?handler=departments", new FormUrlEncodedContent(form));

        Assert.DoesNotContain("department-mails", html, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.False(await WithIdentityDbAsync(db => db.DepartmentSettings.AnyAsync(d => d.DepartmentId == department)));
    }
}
