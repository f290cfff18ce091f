using System.Net.Http.Json;
using System.Text.Json;

namespace MucGov.Testing;

/// <summary>A mail as the SMTP test server (smtp4dev) received it.</summary>
/// <param name="Id">smtp4dev's id of the message.</param>
/// <param name="To">Recipients.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Text">The plain-text part.</param>
/// <param name="Html">The HTML part.</param>
/// <param name="Headers">Header name → value (the last one of a name).</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record ReceivedMail(
    string Id, IReadOnlyList<string> To, string Subject, string Text, string Html, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ReceivedAt);

/// <summary>
/// The mails that reached the SMTP test server <c>./mucgov test</c> starts (<c>MUCGOV_TEST_SMTP</c> for the services,
/// <c>MUCGOV_TEST_SMTP_API</c> for reading). Tests use recipients unique to themselves, so they never see another
/// test's mail.
/// </summary>
public static class TestMailbox
{
    private static readonly HttpClient Api = new() { Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>The SMTP server as <c>(host, port)</c> for a service's <c>Mail</c> settings; null when the run has none.</summary>
    public static (string Host, int Port)? Smtp =>
        Environment.GetEnvironmentVariable("MUCGOV_TEST_SMTP") is { Length: > 0 } value && value.Split(':') is [var host, var port]
            ? (host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture))
            : null;

    private static Uri BaseAddress => new(Environment.GetEnvironmentVariable("MUCGOV_TEST_SMTP_API") is { Length: > 0 } api
        ? api.TrimEnd('/') + "/"
        : throw new InvalidOperationException("Mail tests need the SMTP test server: run them with ./mucgov test (it starts smtp4dev)."));

    /// <summary>Every mail to <paramref name="recipient"/> so far, oldest first.</summary>
    public static async Task<IReadOnlyList<ReceivedMail>> ToAsync(string recipient)
    {
        var list = await Api.GetFromJsonAsync<JsonElement>(new Uri(BaseAddress, "api/messages?pageSize=5000"));
        var mails = new List<ReceivedMail>();
        foreach (var summary in list.GetProperty("results").EnumerateArray())
        {
            if (!summary.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), recipient, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            mails.Add(await ReadAsync(summary.GetProperty("id").GetString()!));
        }

        return [.. mails.OrderBy(m => m.ReceivedAt)];
    }

    /// <summary>Waits until <paramref name="count"/> mails to <paramref name="recipient"/> arrived, and returns them.</summary>
    public static async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(string recipient, int count = 1, TimeSpan? timeout = null)
    {
        IReadOnlyList<ReceivedMail> mails = [];
        await Eventually.HoldsAsync(async () => (mails = await ToAsync(recipient)).Count >= count, $"{count} mail(s) reached {recipient}", timeout ?? TimeSpan.FromSeconds(60));
        return mails;
    }

    /// <summary>The first link in <paramref name="text"/> that starts with <paramref name="prefix"/>.</summary>
    public static Uri LinkIn(string text, string prefix)
    {
        var start = text.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"No link starting with {prefix} in the mail:\n{text}");
        }

        var end = text.IndexOfAny([' ', '\r', '\n', '"', '<'], start);
        return new Uri(end < 0 ? text[start..] : text[start..end]);
    }

    private static async Task<ReceivedMail> ReadAsync(string id)
    {
        var message = await Api.GetFromJsonAsync<JsonElement>(new Uri(BaseAddress, $"api/messages/{id}"));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.GetProperty("headers").EnumerateArray())
        {
            headers[header.GetProperty("name").GetString()!] = header.GetProperty("value").GetString() ?? "";
        }

        var text = await Api.GetStringAsync(new Uri(BaseAddress, $"api/messages/{id}/plaintext"));
        var html = await Api.GetStringAsync(new Uri(BaseAddress, $"api/messages/{id}/html"));
        return new ReceivedMail(
            id, [.. message.GetProperty("to").EnumerateArray().Select(t => t.GetString()!)], message.GetProperty("subject").GetString() ?? "", text, html, headers,
            message.GetProperty("receivedDate").GetDateTimeOffset());
    }
}
