using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Identity.Accounts;
using MucGov.Identity.Data;
using MucGov.Identity.Oidc;

namespace MucGov.Identity.Mail;

/// <summary>
/// Writes the mails into the mail outbox (the caller's <see cref="AccountDbContext"/>, saved with what they tell about),
/// each from its texts in the recipient's language, as plain text and HTML. Links point to the public origin (the
/// configured issuer, never a request's host).
/// </summary>
public sealed class Mails(AccountDbContext db, IOptions<MailOptions> options, IOptions<OidcOptions> oidc, UnsubscribeLinks unsubscribe, TimeProvider clock)
{
    /// <summary>"New message in your Postfach from …": no content, a link to sign in, one-click unsubscribe.</summary>
    public OutgoingMail PostfachNotice(Account account, string department, string throttleKey)
    {
        var language = MailTexts.LanguageFor(account.PreferredLanguage);
        var unsubscribeUrl = Link("account/unsubscribe", ("token", unsubscribe.For(account.Id)));
        return Queue(account, MailKinds.PostfachNotice, language, MailTexts.T(language, "postfach.subject", ("department", department)),
            [MailTexts.T(language, "postfach.body", ("department", department))],
            (MailTexts.T(language, "postfach.action"), Link("account/postfach")), [], throttleKey, unsubscribeUrl);
    }

    /// <summary>The link that verifies a new account's address.</summary>
    public OutgoingMail Verification(Account account, string token)
    {
        var language = MailTexts.LanguageFor(account.PreferredLanguage);
        return Queue(account, MailKinds.VerifyEmail, language, MailTexts.T(language, "verify.subject"),
            [MailTexts.T(language, "verify.body", ("hours", Hours(options.Value.VerificationLinkLifetime)))],
            (MailTexts.T(language, "verify.action"), Link("account/confirm-email", ("userId", account.Id.ToString()), ("code", token))),
            [MailTexts.T(language, "verify.ignore")]);
    }

    /// <summary>The link that confirms <paramref name="newEmail"/> as the account's address (sent to that address).</summary>
    public OutgoingMail EmailChange(Account account, string newEmail, string token)
    {
        var language = MailTexts.LanguageFor(account.PreferredLanguage);
        return Queue(account, MailKinds.ConfirmEmailChange, language, MailTexts.T(language, "change.subject"),
            [MailTexts.T(language, "change.body", ("hours", Hours(options.Value.VerificationLinkLifetime)))],
            (MailTexts.T(language, "change.action"),
                Link("account/confirm-email", ("userId", account.Id.ToString()), ("email", newEmail), ("code", token))),
            [], to: newEmail);
    }

    /// <summary>To the owner of an address someone tried to register again: nothing changed, and how to reset the password.</summary>
    public OutgoingMail RegistrationAttempt(Account account)
    {
        var language = MailTexts.LanguageFor(account.PreferredLanguage);
        return Queue(account, MailKinds.RegistrationAttempt, language, MailTexts.T(language, "taken.subject"), [MailTexts.T(language, "taken.body")],
            (MailTexts.T(language, "reset.action"), Link("account/forgot-password")), [MailTexts.T(language, "taken.ignore")]);
    }

    /// <summary>The link that sets a new password.</summary>
    public OutgoingMail PasswordReset(Account account, string token)
    {
        var language = MailTexts.LanguageFor(account.PreferredLanguage);
        var minutes = ((int)options.Value.PasswordResetLinkLifetime.TotalMinutes).ToString(CultureInfo.InvariantCulture);
        return Queue(account, MailKinds.PasswordReset, language, MailTexts.T(language, "reset.subject"),
            [MailTexts.T(language, "reset.body", ("minutes", minutes))],
            (MailTexts.T(language, "reset.action"), Link("account/reset-password", ("userId", account.Id.ToString()), ("code", token))),
            [MailTexts.T(language, "reset.ignore")]);
    }

    /// <summary>A notice to a staff member, with a link to the console.</summary>
    public OutgoingMail StaffNotice(Account account, string kind, string language, string subject, IReadOnlyList<string> paragraphs, string? throttleKey = null) =>
        Queue(account, kind, language, subject, paragraphs, (MailTexts.T(language, "staff.action"), Link("console")), [MailTexts.T(language, "staff.footer")],
            throttleKey);

    /// <summary>
    /// Whether a mail of <paramref name="kind"/> went to the account within <see cref="MailOptions.FormMailInterval"/>:
    /// the public forms (registration, password reset, a new verification link) must not become a way to flood an inbox.
    /// </summary>
    public Task<bool> SentLatelyAsync(Account account, string kind, CancellationToken ct) =>
        SentWithinAsync(m => m.AccountId == account.Id && m.Kind == kind, options.Value.FormMailInterval, ct);

    /// <summary>Whether a mail matching <paramref name="which"/> was written within <paramref name="within"/> (the one throttle of every mail rule).</summary>
    public Task<bool> SentWithinAsync(System.Linq.Expressions.Expression<Func<OutgoingMail, bool>> which, TimeSpan within, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - within;
        return db.OutgoingMails.Where(which).AnyAsync(m => m.CreatedAt > since, ct);
    }

    /// <summary>An absolute link at the public origin.</summary>
    public string Link(string path, params (string Name, string Value)[] query)
    {
        var origin = oidc.Value.Issuer.TrimEnd('/');
        var link = new StringBuilder(origin).Append('/').Append(path);
        for (var i = 0; i < query.Length; i++)
        {
            link.Append(i == 0 ? '?' : '&').Append(query[i].Name).Append('=').Append(Uri.EscapeDataString(query[i].Value));
        }

        return link.ToString();
    }

    private static string Hours(TimeSpan lifetime) => ((int)lifetime.TotalHours).ToString(CultureInfo.InvariantCulture);

    private OutgoingMail Queue(
        Account account, string kind, string language, string subject, IReadOnlyList<string> paragraphs, (string Text, string Url) action,
        IReadOnlyList<string> after, string? throttleKey = null, string? unsubscribeUrl = null, string? to = null)
    {
        var greeting = MailTexts.T(language, "greeting");
        var closing = new List<string>(after) { MailTexts.T(language, "auto") };
        var text = new StringBuilder()
            .AppendLine(greeting).AppendLine()
            .AppendJoin(Environment.NewLine + Environment.NewLine, paragraphs).AppendLine().AppendLine()
            .Append(action.Text).AppendLine(":").AppendLine(action.Url).AppendLine()
            .AppendJoin(Environment.NewLine + Environment.NewLine, closing).AppendLine().AppendLine()
            .AppendLine(MailTexts.T(language, "signature"));
        if (unsubscribeUrl is not null)
        {
            text.AppendLine().AppendLine("-- ").Append(MailTexts.T(language, "postfach.unsubscribe")).Append(' ').AppendLine(unsubscribeUrl);
        }

        var direction = Shared.Languages.SupportedLanguages.Find(language)?.RightToLeft == true ? "rtl" : "ltr";
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{language}\" dir=\"{direction}\"><head><meta charset=\"utf-8\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(subject)}</title></head>")
            .Append("<body style=\"font-family:system-ui,sans-serif;color:#1a1a1a;max-width:40rem\">")
            .Append(CultureInfo.InvariantCulture, $"<p>{E(greeting)}</p>");
        foreach (var paragraph in paragraphs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(paragraph)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture,
            $"<p><a href=\"{E(action.Url)}\" style=\"display:inline-block;background:#004b8c;color:#fff;padding:0.6rem 1rem;text-decoration:none\">{E(action.Text)}</a></p>");
        foreach (var line in closing)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#4b5563\">{E(line)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>{E(MailTexts.T(language, "signature"))}</p>");
        if (unsubscribeUrl is not null)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<hr><p style=\"font-size:0.85rem;color:#4b5563\">{E(MailTexts.T(language, "postfach.unsubscribe"))} <a href=\"{E(unsubscribeUrl)}\">{E(unsubscribeUrl)}</a></p>");
        }

        html.Append("</body></html>");
        var now = clock.GetUtcNow();
        var mail = new OutgoingMail
        {
            Id = Guid.CreateVersion7(now), AccountId = account.Id, Kind = kind, ThrottleKey = throttleKey, To = to ?? account.Email!, Subject = subject,
            TextBody = text.ToString(), HtmlBody = html.ToString(), UnsubscribeUrl = unsubscribeUrl, CreatedAt = now, NextAttemptAt = now,
        };
        db.OutgoingMails.Add(mail);
        return mail;
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
