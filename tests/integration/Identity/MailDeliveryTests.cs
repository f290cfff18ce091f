using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Identity.Data;
using MucGov.IntegrationTests.Hosting;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Identity;

/// <summary>
/// The identity service sending to the SMTP test server through a relay the test can cut, with short retries and
/// few attempts, so "the server is away" and "a mail is given up" happen within a test.
/// </summary>
public sealed class MailRelayFixture : Isolated
{
    public RunningApp App { get; private set; } = null!;

    public TcpRelay Relay { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var smtp = TestMailbox.Smtp ?? throw new InvalidOperationException("Mail tests need the SMTP test server: run them with ./mucgov test.");
        Relay = new TcpRelay(smtp.Host, smtp.Port);
        Relay.Start();
        App = await Apps.StartFreshAsync(this, "identity", await NewVirtualHostAsync("identity"), extra: new Dictionary<string, string?>
        {
            ["Mail:Port"] = Relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:MaxAttempts"] = "4",
            ["Mail:MaxRetryDelay"] = "00:00:01",
            ["Mail:Timeout"] = "00:00:05",
        });
    }

    public Task<T> WithDbAsync<T>(Func<AccountDbContext, Task<T>> work) => IdentityFixture.WithAccountsAsync(App, work);

    public override async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Relay.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>A mail is sent at least once and recorded once; when it cannot be sent, operators see it.</summary>
[Collection(nameof(MailRelayCollection))]
public sealed class MailDeliveryTests(MailRelayFixture mail)
{
    private async Task<string> AskForResetAsync()
    {
        var (username, _, _) = await IdentityFixture.NewCitizenAsync(mail.App);
        var email = $"{username}@example.org";
        var flow = new OidcFlow(mail.App.CreateBrowser());
        await flow.SubmitFormAsync(new Uri("/account/forgot-password", UriKind.Relative), new() { ["Email"] = email });
        return email;
    }

    [Fact]
    public async Task A_mail_waits_while_the_SMTP_server_is_away_and_goes_out_once_when_it_is_back()
    {
        await mail.Relay.StopAsync();
        var email = await AskForResetAsync();
        await Eventually.HoldsAsync(async () => await mail.WithDbAsync(db => db.OutgoingMails.AnyAsync(m => m.To == email && m.Attempts >= 1)),
            "a first attempt failed", TimeSpan.FromSeconds(30));
        Assert.Empty(await TestMailbox.ToAsync(email));

        mail.Relay.Start();

        Assert.Single(await TestMailbox.WaitForAsync(email));
        var sent = await mail.WithDbAsync(db => db.OutgoingMails.AsNoTracking().SingleAsync(m => m.To == email));
        Assert.NotNull(sent.SentAt);
        Assert.Null(sent.FailedAt);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await TestMailbox.ToAsync(email));
    }

    [Fact]
    public async Task A_mail_that_keeps_failing_is_given_up_and_the_health_check_tells_operators()
    {
        await mail.Relay.StopAsync();
        try
        {
            var email = await AskForResetAsync();

            await Eventually.HoldsAsync(async () => await mail.WithDbAsync(db => db.OutgoingMails.AnyAsync(m => m.To == email && m.FailedAt != null)),
                "the mail is given up", TimeSpan.FromSeconds(60));

            var failed = await mail.WithDbAsync(db => db.OutgoingMails.AsNoTracking().SingleAsync(m => m.To == email));
            Assert.Equal((4, null), (failed.Attempts, failed.SentAt));
            Assert.False(string.IsNullOrEmpty(failed.LastError));
            using var client = mail.App.CreateClient();
            var ready = await client.GetAsync("/health/ready");
            var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(ready.IsSuccessStatusCode, "a mail problem never makes the Bürgerkonto unready");
            var check = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "mail");
            Assert.Equal("Degraded", check.GetProperty("status").GetString());
            Assert.Contains("given up", check.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            mail.Relay.Start();
        }
    }
}

/// <summary>The two tests cut the same relay: one after the other.</summary>
[CollectionDefinition(nameof(MailRelayCollection))]
public sealed class MailRelayCollection : ICollectionFixture<MailRelayFixture>;
