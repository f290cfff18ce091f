using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Contracts.Ticket;
using MucGov.Identity.Data;
using MucGov.IntegrationTests.Identity;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Ticket;

/// <summary>
/// The department's answer reaches a citizen who left the page: the ticket service puts it into the Bürgerkonto's
/// Postfach, and identity announces it by a mail without its content (read back from the SMTP test server).
/// </summary>
public sealed class PostfachTests(TicketFixture ticket) : IClassFixture<TicketFixture>
{
    private async Task<(string Username, string Password, Guid Id, string Email, HttpClient Postfach)> CitizenAsync(string language = "de", bool notify = true)
    {
        var (username, password, id) = await IdentityFixture.NewCitizenAsync(ticket.Identity, language: language, notify: notify);
        var token = await IdentityFixture.AccessTokenAsync(ticket.Identity, username, "openid buergerkonto", password);
        var client = ticket.Identity.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (username, password, id, $"{username}@example.org", client);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    private static async Task<JsonElement> PostfachAsync(HttpClient client, int atLeast)
    {
        JsonElement postfach = default;
        await Eventually.HoldsAsync(async () => (postfach = await JsonAsync(await client.GetAsync("/api/postfach"))).GetProperty("total").GetInt32() >= atLeast,
            $"{atLeast} message(s) are in the Postfach", TicketFixture.Patience);
        return postfach;
    }

    private Task<int> MailsRecordedAsync(Guid citizen) => WithIdentityDbAsync(db => db.OutgoingMails.CountAsync(m => m.AccountId == citizen));

    private Task<T> WithIdentityDbAsync<T>(Func<AccountDbContext, Task<T>> work) => IdentityFixture.WithAccountsAsync(ticket.Identity, work);

    private static PostfachMessageSubmitted Letter(Guid citizen, Guid? caseId = null, string body = "Ihr Antrag ist eingegangen.") => new(
        Guid.NewGuid(), citizen, "buergerbuero", caseId ?? Guid.NewGuid(), "M-2026-999999", PostfachKinds.Reply, "Antwort zu Ihrem Anliegen M-2026-999999", body,
        null, "de", "Bürgerbüro", DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_reply_lands_in_the_Postfach_and_one_mail_without_its_content_tells_the_citizen_in_their_language()
    {
        var citizen = await CitizenAsync(language: "tr");
        var opened = await ticket.OpenAsync(TicketFixture.Escalation("buergerbuero", "tr", citizen.Id));
        using var maria = await ticket.ClientOfAsync("cw.buergerbuero");
        await JsonAsync(await maria.PostAsJsonAsync($"/api/cases/{opened.CaseId}/claim", new { }));

        await JsonAsync(await maria.PostAsJsonAsync($"/api/cases/{opened.CaseId}/messages", new { text = "Ihr Ausweis liegt bereit. Abholnummer Wendelstein." }));

        var postfach = await PostfachAsync(citizen.Postfach, 1);
        var letter = postfach.GetProperty("messages")[0];
        Assert.Equal(("reply", "Ihr Ausweis liegt bereit. Abholnummer Wendelstein.", opened.Reference, false),
            (letter.GetProperty("kind").GetString(), letter.GetProperty("body").GetString(), letter.GetProperty("reference").GetString(), letter.GetProperty("read").GetBoolean()));
        Assert.Equal($"{opened.Reference} numaralı başvurunuza yanıt", letter.GetProperty("subject").GetString());
        Assert.Equal(1, postfach.GetProperty("unread").GetInt32());

        var mail = Assert.Single(await TestMailbox.WaitForAsync(citizen.Email));
        Assert.StartsWith("Posta kutunuzda", mail.Subject, StringComparison.Ordinal);
        foreach (var secret in new[] { "Wendelstein", "Ausweis", opened.Reference, "Franz", "Xaver" })
        {
            Assert.DoesNotContain(secret, mail.Subject + mail.Text + mail.Html, StringComparison.Ordinal);
        }

        Assert.StartsWith("<http://localhost/account/unsubscribe?token=", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);

        // The link signs in at the public origin and shows the message.
        var link = TestMailbox.LinkIn(mail.Text, "http://localhost/account/postfach");
        var browser = ticket.Identity.CreateBrowser();
        var toLogin = await browser.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        Assert.StartsWith("/account/login", toLogin.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var signedIn = await new OidcFlow(browser).SubmitLoginAsync(toLogin.Headers.Location!, citizen.Username, citizen.Password);
        Assert.Equal("/account/postfach", signedIn.Headers.Location!.OriginalString);
        var page = await (await browser.GetAsync("/account/postfach")).Content.ReadAsStringAsync();
        Assert.Contains($"{opened.Reference} numaralı başvurunuza yanıt", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        // A second reply within the quarter hour: in the Postfach, but no second mail.
        await JsonAsync(await maria.PostAsJsonAsync($"/api/cases/{opened.CaseId}/messages", new { text = "Noch ein Hinweis." }));
        await PostfachAsync(citizen.Postfach, 2);
        Assert.Equal(1, await MailsRecordedAsync(citizen.Id));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await TestMailbox.ToAsync(citizen.Email));
    }

    [Fact]
    public async Task Messages_about_different_cases_each_notify_and_a_redelivered_message_is_kept_once()
    {
        var citizen = await CitizenAsync();
        var first = Letter(citizen.Id);
        var second = Letter(citizen.Id);

        await ticket.PublishAsync(first);
        await ticket.PublishAsync(first);
        await ticket.PublishAsync(second);

        await PostfachAsync(citizen.Postfach, 2);
        Assert.Equal(2, (await TestMailbox.WaitForAsync(citizen.Email, 2)).Count);
        Assert.Equal(2, (await JsonAsync(await citizen.Postfach.GetAsync("/api/postfach"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task No_mail_goes_out_when_the_citizen_switched_notifications_off_and_the_unsubscribe_link_switches_them_off()
    {
        var quiet = await CitizenAsync(notify: false);
        await ticket.PublishAsync(Letter(quiet.Id));
        await PostfachAsync(quiet.Postfach, 1);
        Assert.Equal(0, await MailsRecordedAsync(quiet.Id));

        var loud = await CitizenAsync();
        await ticket.PublishAsync(Letter(loud.Id));
        var mail = Assert.Single(await TestMailbox.WaitForAsync(loud.Email));
        var unsubscribe = new Uri(mail.Headers["List-Unsubscribe"].Trim('<', '>'));

        // A mail program's one-click unsubscribe (RFC 8058): a POST without cookies or antiforgery token.
        using var client = ticket.Identity.CreateClient();
        var forged = await client.PostAsync(unsubscribe.PathAndQuery.Replace("token=", "token=x", StringComparison.Ordinal),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.True(await WithIdentityDbAsync(db => db.Users.Where(a => a.Id == loud.Id).Select(a => a.NotifyByEmail).SingleAsync()));
        var done = await client.PostAsync(unsubscribe.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("id=\"unsubscribe-invalid\"", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await WithIdentityDbAsync(db => db.Users.Where(a => a.Id == loud.Id).Select(a => a.NotifyByEmail).SingleAsync()));
        await ticket.PublishAsync(Letter(loud.Id));
        await PostfachAsync(loud.Postfach, 2);
        Assert.Equal(1, await MailsRecordedAsync(loud.Id));
    }

    [Fact]
    public async Task Reading_keeps_the_first_reading_and_a_citizen_reaches_only_their_own_messages()
    {
        var owner = await CitizenAsync();
        var other = await CitizenAsync();
        var letter = Letter(owner.Id);
        await ticket.PublishAsync(letter);
        await PostfachAsync(owner.Postfach, 1);

        var firstRead = (await JsonAsync(await owner.Postfach.PostAsync($"/api/postfach/{letter.PostfachMessageId}/read", null))).GetProperty("firstReadAt").GetDateTimeOffset();
        await Task.Delay(50);
        var again = (await JsonAsync(await owner.Postfach.PostAsync($"/api/postfach/{letter.PostfachMessageId}/read", null))).GetProperty("firstReadAt").GetDateTimeOffset();
        Assert.Equal(firstRead, again);
        Assert.Equal(0, (await JsonAsync(await owner.Postfach.GetAsync("/api/postfach?unread=true"))).GetProperty("messages").GetArrayLength());

        Assert.Equal(HttpStatusCode.NotFound, (await other.Postfach.GetAsync($"/api/postfach/{letter.PostfachMessageId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Postfach.PostAsync($"/api/postfach/{letter.PostfachMessageId}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Postfach.DeleteAsync($"/api/postfach/{letter.PostfachMessageId}")).StatusCode);
        Assert.Equal(0, (await JsonAsync(await other.Postfach.GetAsync("/api/postfach"))).GetProperty("total").GetInt32());
        using var anonymous = ticket.Identity.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/postfach")).StatusCode);
        var caseworker = ticket.Identity.CreateClient();
        caseworker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ticket.TokenAsync("cw.buergerbuero"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await caseworker.GetAsync("/api/postfach")).StatusCode); // a token for another API
        var badTake = await owner.Postfach.GetAsync("/api/postfach?take=0");
        Assert.Equal(HttpStatusCode.BadRequest, badTake.StatusCode);
        Assert.Equal("application/problem+json", badTake.Content.Headers.ContentType!.MediaType);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Postfach.DeleteAsync($"/api/postfach/{letter.PostfachMessageId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Postfach.GetAsync($"/api/postfach/{letter.PostfachMessageId}")).StatusCode);
    }

    [Fact]
    public async Task Closing_the_account_erases_its_Postfach_and_its_mails()
    {
        var citizen = await CitizenAsync();
        await ticket.PublishAsync(Letter(citizen.Id));
        await PostfachAsync(citizen.Postfach, 1);
        await TestMailbox.WaitForAsync(citizen.Email);

        Assert.Equal(HttpStatusCode.Accepted, (await citizen.Postfach.DeleteAsync("/api/profile/me")).StatusCode);

        Assert.Equal(0, await WithIdentityDbAsync(db => db.PostfachMessages.CountAsync(m => m.AccountId == citizen.Id)));
        Assert.Equal(0, await MailsRecordedAsync(citizen.Id));
    }
}
