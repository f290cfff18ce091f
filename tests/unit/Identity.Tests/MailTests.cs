using MucGov.Identity.Mail;
using MucGov.Shared.Languages;
using Xunit;

namespace MucGov.Identity.Tests;

/// <summary>The mails' texts and their MIME form, without a server.</summary>
public sealed class MailTests
{
    public static TheoryData<string> MailLanguages => [.. MailTexts.Languages];

    [Theory]
    [MemberData(nameof(MailLanguages))]
    public void Every_mail_language_has_every_text(string language) => Assert.Empty(MailTexts.MissingKeys(language));

    [Fact]
    public void Every_supported_language_gets_mails_in_itself_or_the_language_it_is_a_voice_of()
    {
        foreach (var language in SupportedLanguages.All)
        {
            Assert.Equal(language.VoiceOf ?? language.Code, MailTexts.LanguageFor(language.Code));
        }
    }

    [Theory]
    [InlineData("hr", "en")]
    [InlineData(null, "en")]
    [InlineData("bar", "de")]
    public void Other_languages_read_English_and_Bavarian_reads_German(string? preferred, string expected) =>
        Assert.Equal(expected, MailTexts.LanguageFor(preferred));

    [Fact]
    public void A_notification_carries_both_parts_a_stable_message_id_and_the_one_click_unsubscribe_headers()
    {
        var mail = new OutgoingMail
        {
            Id = Guid.Parse("0195d7a0-0000-7000-8000-000000000001"), Kind = MailKinds.PostfachNotice, To = "anna.huber@example.org", Subject = "Neue Nachricht",
            TextBody = "Text", HtmlBody = "<p>HTML</p>", UnsubscribeUrl = "https://muenchen.example/account/unsubscribe?token=abc", CreatedAt = DateTimeOffset.UtcNow,
        };

        var message = MailDispatcher.Message(mail, new MailOptions());

        Assert.Equal("0195d7a0000070008000000000000001@mucgov", message.MessageId);
        Assert.Equal("<https://muenchen.example/account/unsubscribe?token=abc>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal(("Text", "<p>HTML</p>"), (message.TextBody, message.HtmlBody));
        Assert.Equal("Bürgerkonto München", message.From.Mailboxes.Single().Name);
    }

    [Fact]
    public void A_link_mail_has_no_unsubscribe_header()
    {
        var mail = new OutgoingMail
        {
            Id = Guid.NewGuid(), Kind = MailKinds.PasswordReset, To = "anna.huber@example.org", Subject = "Neues Passwort", TextBody = "Text", HtmlBody = "<p>HTML</p>",
        };

        Assert.Null(MailDispatcher.Message(mail, new MailOptions()).Headers["List-Unsubscribe"]);
    }
}
