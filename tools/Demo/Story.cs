using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MucGov.Shared.Clients;

namespace MucGov.Demo;

/// <summary>A demo login as <c>./mucgov up</c> writes them to <c>.mucgov/demo-logins.json</c>.</summary>
public sealed record DemoLogin(string Username, string Password, string Kind, string Name, string[] Departments, string? TotpSecret);

/// <summary>Where the story tells what happens.</summary>
public interface IStoryOutput
{
    Task StepAsync(string title, Func<Task<string>> action);
}

/// <summary>A step went wrong: the message says what was expected and what happened.</summary>
public sealed class StoryFailed(string message) : Exception(message);

/// <summary>
/// The whole story through the gateway: a citizen signs in and asks Mingabot in German, English and Bavarian, asks for
/// a person and consents; a caseworker of the right department finds the case, claims it and replies; the reply shows
/// in the chat and in his Bürgerkonto's Postfach, and a mail without its content tells him so; the caseworker resolves
/// it; "my cases" shows it resolved. Then a whole procedure: the citizen gets a
/// certificate of registration prefilled from the Bürgerkonto, downloads it and its code checks out.
/// </summary>
/// <param name="gateway">The platform's public origin.</param>
/// <param name="logins">The demo accounts.</param>
/// <param name="output">Where the steps are told.</param>
/// <param name="mailbox">The HTTP API of the SMTP test server the platform's mails go to (smtp4dev).</param>
public sealed class Story(Uri gateway, IReadOnlyList<DemoLogin> logins, IStoryOutput output, Uri mailbox)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public const string Citizen = "sepp.brandl";
    public const string Caseworker = "cw.buergerbuero";

    private static readonly TimeZoneInfo Munich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public async Task RunAsync(CancellationToken ct = default)
    {
        using var citizen = new HttpClient { BaseAddress = gateway };
        using var caseworker = new HttpClient { BaseAddress = gateway };
        Guid chat = default;
        string reference = "";
        Guid caseId = default;

        await output.StepAsync("The platform is up", async () =>
        {
            using var health = await citizen.GetAsync("/health/services", ct);
            return health.IsSuccessStatusCode ? "every service is ready" : throw new StoryFailed($"/health/services answers {(int)health.StatusCode}: " +
                $"{await health.Content.ReadAsStringAsync(ct)}");
        });
        await output.StepAsync($"{Name(Citizen)} signs in with the Bürgerkonto (code flow with PKCE)", async () =>
        {
            citizen.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(Citizen, "openid profile conversation cases buergerkonto", ct));
            return "signed in";
        });
        await output.StepAsync("He opens a chat with Mingabot", async () =>
        {
            var created = await JsonAsync(await citizen.PostAsync("/api/conversations", null, ct), ct);
            chat = created.GetProperty("id").GetGuid();
            return Last(created);
        });
        foreach (var (language, question) in new[]
        {
            ("German", "Wo kann ich einen Reisepass beantragen?"),
            ("English", "How do I register my new address in Munich?"),
            ("Bavarian", "Servus, wo kriag i an neia Personalausweis?"),
        })
        {
            await output.StepAsync($"Asks in {language}: \"{question}\"", async () => Last(await SayAsync(citizen, chat, question, null, ct)));
        }

        await output.StepAsync("Asks for a person", async () => Last(await SayAsync(citizen, chat, "I mog mit am Mitarbeiter redn", null, ct)));
        await output.StepAsync("Consents to passing the chat and his contact data on", async () => Last(await SayAsync(citizen, chat, "Jo, gib's weiter", "consent:yes", ct)));
        await output.StepAsync("The case reference appears in the chat", async () =>
        {
            var notice = await UntilAsync(async () => (await MessagesAsync(citizen, chat,
                ct)).FirstOrDefault(m => m.GetProperty("caseReference").ValueKind == JsonValueKind.String),
                "the case reference in the chat", ct);
            reference = notice.GetProperty("caseReference").GetString()!;
            return notice.GetProperty("text").GetString()!;
        });
        await output.StepAsync($"{Name(Caseworker)} ({string.Join(", ", Login(Caseworker).Departments)}) signs in with password and authenticator code", async () =>
        {
            caseworker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(Caseworker, "openid profile queue", ct));
            return "signed in";
        });
        await output.StepAsync($"Finds {reference} in the queue", async () =>
        {
            var item = await UntilAsync(async () => (await JsonAsync(await caseworker.GetAsync("/api/queue", ct), ct)).GetProperty("items").EnumerateArray()
                .Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("reference").GetString() == reference), "the case in the queue", ct);
            caseId = item!.Value.GetProperty("id").GetGuid();
            return $"{item.Value.GetProperty("departmentId").GetString()}, language {item.Value.GetProperty("language").GetString()}, due " +
                $"{TimeZoneInfo.ConvertTime(item.Value.GetProperty("slaDueAt").GetDateTimeOffset(), Munich):ddd dd.MM. HH:mm} Munich time";
        });
        await output.StepAsync("Claims it and reads the transcript", async () =>
        {
            await JsonAsync(await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/claim", new { }, ct), ct);
            var detail = await JsonAsync(await caseworker.GetAsync($"/api/cases/{caseId}", ct), ct);
            return $"{detail.GetProperty("transcript").GetArrayLength()} messages; citizen {detail.GetProperty("citizen").GetProperty("givenName").GetString()} " +
                $"{detail.GetProperty("citizen").GetProperty("familyName").GetString()}";
        });
        const string reply = "Griaß Eana! Bringa S' bittschön Ihren oidn Ausweis und a biometrisches Passbuid mit.";
        var repliedAt = DateTimeOffset.UtcNow.AddSeconds(-2);
        await output.StepAsync("Replies", async () =>
        {
            await JsonAsync(await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/messages", new { text = reply }, ct), ct);
            return reply;
        });
        await output.StepAsync("The reply appears in the citizen's chat", async () =>
            (await UntilAsync(async () => (await MessagesAsync(citizen, chat, ct)).FirstOrDefault(m => m.GetProperty("author").GetString() == "caseworker"),
                "the reply in the chat", ct)).GetProperty("text").GetString()!);
        await output.StepAsync("The reply is in his Bürgerkonto's Postfach", async () =>
        {
            var letter = await UntilAsync(async () => (await JsonAsync(await citizen.GetAsync("/api/postfach", ct), ct)).GetProperty("messages").EnumerateArray()
                .Cast<JsonElement?>().FirstOrDefault(m => m!.Value.GetProperty("reference").GetString() == reference), "the reply in the Postfach", ct);
            return $"\"{letter!.Value.GetProperty("subject").GetString()}\" from {letter.Value.GetProperty("department").GetString()}, unread";
        });
        await output.StepAsync("A mail tells him, without its content (SMTP test server)", async () =>
        {
            var mail = await UntilAsync(() => MailToAsync(Login(Citizen).Username + "@example.org", repliedAt, ct), "the notification mail", ct);
            return $"\"{mail!.Value.GetProperty("subject").GetString()}\" to {mail.Value.GetProperty("deliveredTo").GetString()}";
        });
        await output.StepAsync("The caseworker resolves the case", async () =>
        {
            await JsonAsync(await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/resolve", new { resolution = "Termin am Dienstag um 9 Uhr ist gebucht." }, ct), ct);
            return "resolved";
        });
        await output.StepAsync("\"My cases\" shows it resolved", async () =>
        {
            var mine = await UntilAsync(async () =>
            {
                var detail = await JsonAsync(await citizen.GetAsync($"/api/my/cases/{reference}", ct), ct);
                return detail.GetProperty("status").GetString() == "resolved" ? (JsonElement?)detail : null;
            }, "the case resolved under my cases", ct);
            return $"{reference}: {mine!.Value.GetProperty("status").GetString()} – {mine.Value.GetProperty("resolution").GetString()}";
        });
        await ProcedureAsync(citizen, ct);
    }

    /// <summary>A whole procedure in the chat: the certificate of registration, prefilled from the Bürgerkonto, downloaded and checked.</summary>
    private async Task ProcedureAsync(HttpClient citizen, CancellationToken ct)
    {
        Guid chat = default;
        await output.StepAsync("Sepp opens a new chat: \"I need a Meldebescheinigung\"", async () =>
        {
            chat = (await JsonAsync(await citizen.PostAsync("/api/conversations", null, ct), ct)).GetProperty("id").GetGuid();
            return Last(await SayAsync(citizen, chat, "I need a Meldebescheinigung", null, ct));
        });
        await output.StepAsync("He wants it done now", async () => Last(await SayAsync(citizen, chat, "Yes, let's do it", "procedure:start", ct)));
        await output.StepAsync("He lets the bot take his data from the Bürgerkonto", async () => Last(await SayAsync(citizen, chat, "Yes, take them", "prefill:yes", ct)));
        await output.StepAsync("He answers the one missing question", async () => Last(await SayAsync(citizen, chat, "Arbeitgeber", null, ct)));
        await output.StepAsync("He confirms the summary", async () => Last(await SayAsync(citizen, chat, "Submit", "procedure:submit", ct)));
        string link = "", code = "";
        await output.StepAsync("The certificate is linked in the chat", async () =>
        {
            var message = await UntilAsync(async () => (await MessagesAsync(citizen, chat,
                ct)).FirstOrDefault(m => m.GetProperty("text").GetString()!.Contains("/api/my/documents/", StringComparison.Ordinal)),
                "the document in the chat", ct);
            var text = message.GetProperty("text").GetString()!;
            link = System.Text.RegularExpressions.Regex.Match(text, @"/api/my/documents/[0-9a-f-]{36}").Value;
            code = System.Text.RegularExpressions.Regex.Match(text, @"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}").Value;
            return text;
        });
        await output.StepAsync("He downloads the PDF", async () =>
        {
            using var response = await citizen.GetAsync(link, ct);
            var pdf = await response.Content.ReadAsByteArrayAsync(ct);
            return response.IsSuccessStatusCode && pdf.AsSpan().StartsWith("%PDF"u8)
                ? $"{pdf.Length:N0} bytes of PDF"
                : throw new StoryFailed($"GET {link} answered {(int)response.StatusCode} without a PDF.");
        });
        await output.StepAsync($"Anyone can check code {code}", async () =>
        {
            using var anyone = new HttpClient { BaseAddress = gateway };
            var check = await JsonAsync(await anyone.GetAsync($"/api/documents/verify/{code}", ct), ct);
            return check.GetProperty("valid").GetBoolean()
                ? $"genuine: {check.GetProperty("title").GetString()}, issued {check.GetProperty("issuedAt").GetDateTimeOffset():g}"
                : throw new StoryFailed($"The code {code} was not recognised.");
        });
    }

    /// <summary>The newest mail to <paramref name="recipient"/> the SMTP test server received since <paramref name="since"/>, or null.</summary>
    private async Task<JsonElement?> MailToAsync(string recipient, DateTimeOffset since, CancellationToken ct)
    {
        using var api = new HttpClient { BaseAddress = mailbox };
        var list = await JsonAsync(await api.GetAsync("api/messages?pageSize=500", ct), ct);
        return list.GetProperty("results").EnumerateArray().Cast<JsonElement?>()
            .Where(m => m!.Value.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), recipient, StringComparison.OrdinalIgnoreCase))
                && m.Value.GetProperty("receivedDate").GetDateTimeOffset() >= since)
            .OrderByDescending(m => m!.Value.GetProperty("receivedDate").GetDateTimeOffset()).FirstOrDefault();
    }

    private DemoLogin Login(string username) =>
        logins.FirstOrDefault(l => l.Username == username) ?? throw new StoryFailed($"No demo login '{username}' (run ./mucgov up, which writes .mucgov/demo-logins.json).");

    private string Name(string username) => Login(username).Name;

    private async Task<string> TokenAsync(string username, string scope, CancellationToken ct)
    {
        var login = Login(username);
        try
        {
            return (await new HeadlessSignIn(gateway).SignInAsync(login.Username, login.Password, scope, login.TotpSecret, ct)).AccessToken;
        }
        catch (SignInException ex)
        {
            throw new StoryFailed($"{username} could not sign in: {ex.Message}");
        }
    }

    private static async Task<JsonElement> SayAsync(HttpClient client, Guid chat, string text, string? actionId, CancellationToken ct) =>
        await JsonAsync(await client.PostAsJsonAsync($"/api/conversations/{chat}/messages", new { text, clientMessageId = Guid.NewGuid().ToString(), actionId }, ct), ct);

    private static async Task<List<JsonElement>> MessagesAsync(HttpClient client, Guid chat, CancellationToken ct) =>
        [.. (await JsonAsync(await client.GetAsync($"/api/conversations/{chat}", ct), ct)).GetProperty("messages").EnumerateArray()];

    private static string Last(JsonElement answer) => answer.GetProperty("messages").EnumerateArray().Last().GetProperty("text").GetString()!;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new StoryFailed($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode} " +
                    $"{response.StatusCode}: {body}");
            }

            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    /// <summary>Polls until <paramref name="probe"/> finds something; the platform works asynchronously (messages over RabbitMQ).</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var found = await probe();
            if (found is not null && !(found is JsonElement element && element.ValueKind == JsonValueKind.Undefined))
            {
                return found;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new StoryFailed($"Waited {Patience.TotalSeconds:0} s for {what}, in vain.");
            }

            await Task.Delay(250, ct);
        }
    }
}
