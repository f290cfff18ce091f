using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MucGov.Contracts.Knowledge;
using MucGov.Conversation.Chats;

namespace MucGov.Conversation.Bot;

/// <summary>One reply of the bot.</summary>
public sealed record BotReply(string Text, string Language, IReadOnlyList<ChatAction> Actions)
{
    public BotReply(string text, string language) : this(text, language, []) { }
}

/// <summary>
/// Mingabot's dialogue, separate from transport so it can be tested alone and another model can replace it behind
/// <see cref="ReplyAsync"/>. Intents: greeting, about the bot, thanks/goodbye, service questions (answered from the
/// catalog), "which of these two?" and a polite "didn't get that".
/// </summary>
public sealed partial class Mingabot(IKnowledge knowledge, TimeProvider clock)
{
    /// <summary>From this confidence the bot answers directly (98.5 % right on the question set).</summary>
    public const double Confident = 0.55;

    /// <summary>Below this the bot says it did not understand.</summary>
    public const double Unsure = 0.25;

    public const string ServiceActionPrefix = "service:";

    /// <summary>The greeting of a new chat, by name when the citizen is signed in.</summary>
    public static BotReply Welcome(string? name, string language) => language switch
    {
        "en" => new(name is null ? "Hello, I'm Mingabot, the City of Munich's chat assistant. Ask me about any city service — ID cards, registering your address, parking permits, bulky waste …" : $"Hello {name}, I'm Mingabot, the City of Munich's chat assistant. What can I do for you?", "en"),
        "bar" => new(name is null ? "Servus, i bin da Mingabot vo da Stod Minga. Frog mi ois zu de städtischen Dienste — Ausweis, Ummeldung, Parkausweis, Sperrmüll …" : $"Servus {name}! I bin da Mingabot vo da Stod Minga. Wos kon i fia di doa?", "bar"),
        _ => new(name is null ? "Grüß Gott, ich bin Mingabot, der Chat-Assistent der Landeshauptstadt München. Fragen Sie mich zu städtischen Dienstleistungen — Ausweis, Anmeldung, Parkausweis, Sperrmüll …" : $"Grüß Gott, {name}! Ich bin Mingabot, der Chat-Assistent der Landeshauptstadt München. Was kann ich für Sie tun?", "de"),
    };

    public async Task<BotReply> ReplyAsync(string text, string? actionId, CancellationToken ct)
    {
        var language = Language.Detect(text);
        if (actionId is not null && actionId.StartsWith(ServiceActionPrefix, StringComparison.Ordinal))
        {
            return await AnswerServiceAsync(actionId[ServiceActionPrefix.Length..], language, ct);
        }

        var lower = text.ToLowerInvariant();
        if (Thanks().IsMatch(lower))
        {
            return Say(language, "Gern geschehen! Wenn noch was ist, fragen Sie einfach.", "You're welcome! Just ask if there's anything else.", "Passt scho! Wenn no wos is, frog anfach.");
        }

        if (AboutBot().IsMatch(lower))
        {
            return Say(language,
                "Ich bin Mingabot. Ich sage Ihnen, wer bei der Stadt zuständig ist, ob gerade geöffnet ist, welche Unterlagen Sie brauchen und was es kostet.",
                "I'm Mingabot. I can tell you who at the city is responsible, whether they are open now, which documents to bring and what it costs.",
                "I bin da Mingabot. I sog da, wer bei da Stod zuständig is, ob grad offen is, wos d' mitbringa muast und wos kost.");
        }

        var question = Greeting().Replace(lower, " ").Trim();
        if (question.Length == 0 || !Letter().IsMatch(question))
        {
            return Welcome(null, language);
        }

        var search = await knowledge.SearchAsync(text, language, ct);
        if (search is null)
        {
            return Unavailable(language);
        }

        var hits = search.Hits;
        if (hits.Count == 0 || hits[0].Confidence < Unsure)
        {
            return Say(language,
                "Das habe ich leider nicht verstanden. Können Sie es anders formulieren — zum Beispiel: „Wo beantrage ich einen Reisepass?“",
                "Sorry, I didn't get that. Could you put it another way — for example: \"Where do I apply for a passport?\"",
                "Des hob i jetz ned verstandn. Konst as anders sogn — zum Beispiel: „Wo kriag i an Reisepass?“");
        }

        if (hits[0].Confidence < Confident && hits.Count > 1 && hits[1].Confidence >= Unsure)
        {
            var actions = hits.Take(2).Select(h => new ChatAction(ServiceActionPrefix + h.ServiceId, h.Title)).ToList();
            var ask = Say(language, "Meinen Sie eines davon?", "Do you mean one of these?", "Moanst oans vo de zwoa?");
            return ask with { Actions = actions };
        }

        return await AnswerServiceAsync(hits[0].ServiceId, language, ct);
    }

    private async Task<BotReply> AnswerServiceAsync(string serviceId, string language, CancellationToken ct)
    {
        var details = await knowledge.DetailsAsync(serviceId, language == "en" ? "en" : "de", ct);
        if (details is null)
        {
            return Unavailable(language);
        }

        if (!details.Found)
        {
            return Say(language, "Diese Leistung kenne ich leider nicht.", "I don't know that service, sorry.", "De Leistung kenn i ned, tuat ma leid.");
        }

        var text = new StringBuilder();
        text.Append(language switch
        {
            "en" => $"{details.Title}: the responsible department is {details.DepartmentId}.",
            "bar" => $"Fia „{details.Title}“ is {details.DepartmentId} zuständig.",
            _ => $"{details.Title}: Zuständig ist {details.DepartmentId}.",
        });
        if (details.Locations is { Count: > 0 } locations)
        {
            var place = locations[0];
            text.Append(' ').Append(Opening(place, language));
        }

        if (details.Documents is { Count: > 0 } documents)
        {
            text.Append(' ').Append(language switch { "en" => "Please bring:", "bar" => "Mitbringa muast:", _ => "Bitte mitbringen:" })
                .Append(' ').Append(string.Join("; ", documents)).Append('.');
        }

        if (details.Fees is { Count: > 0 } fees)
        {
            text.Append(' ').Append(language switch { "en" => "Fees:", "bar" => "Kostn:", _ => "Gebühren:" }).Append(' ').Append(string.Join("; ", fees)).Append('.');
        }

        if (details.OnlineServiceUrl is { } url)
        {
            text.Append(' ').Append(language switch { "en" => "Online:", "bar" => "Online geht's do:", _ => "Online:" }).Append(' ').Append(url);
        }

        return new BotReply(text.ToString(), language);
    }

    private string Opening(LocationStatus place, string language)
    {
        var local = place.NextChange is { } change ? TimeZoneInfo.ConvertTime(change, Shared.Calendar.MunichCalendar.TimeZone) : (DateTimeOffset?)null;
        var time = local?.ToString("HH:mm", CultureInfo.InvariantCulture);
        var today = local is not null && local.Value.Date == TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Shared.Calendar.MunichCalendar.TimeZone).Date;
        var day = local?.ToString(language == "en" ? "dddd d MMMM" : "dddd, d. MMMM", CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "de-DE"));
        return (place.OpenNow, language) switch
        {
            (true, "en") => $"{place.Name} is open now, until {time}.",
            (true, "bar") => $"{place.Name} hod grad offen, bis {time}.",
            (true, _) => $"{place.Name} hat gerade geöffnet, bis {time} Uhr.",
            (false, "en") => local is null ? $"{place.Name} is closed now." : $"{place.Name} is closed now and opens again {(today ? "today" : "on " + day)} at {time}.",
            (false, "bar") => local is null ? $"{place.Name} hod grad zua." : $"{place.Name} hod grad zua, aufgsperrt werd {(today ? "heit" : "am " + day)} um {time}.",
            _ => local is null ? $"{place.Name} ist gerade geschlossen." : $"{place.Name} ist gerade geschlossen und öffnet wieder {(today ? "heute" : "am " + day)} um {time} Uhr.",
        } + (place.AppointmentOnly ? (language == "en" ? " Appointments only." : " Nur mit Termin.") : "");
    }

    private static BotReply Unavailable(string language) => Say(language,
        "Ich kann gerade leider nicht im Verzeichnis der Dienstleistungen nachschauen. Bitte versuchen Sie es gleich noch einmal.",
        "I can't look that up in the service catalogue right now, sorry. Please try again in a moment.",
        "I ko grad ned im Verzeichnis nachschaun, tuat ma leid. Probier's glei no amoi.");

    private static BotReply Say(string language, string de, string en, string bar) => language switch
    {
        "en" => new(en, "en"),
        "bar" => new(bar, "bar"),
        _ => new(de, "de"),
    };

    [GeneratedRegex(@"\b(danke|dankeschön|merci|vergelt'?s gott|thanks|thank you|pfiat di|tschüss|bye|auf wiedersehen)\b")]
    private static partial Regex Thanks();

    [GeneratedRegex(@"\b(wer bist du|was kannst du|who are you|what can you do|wer bist'n du|wos konst du)\b")]
    private static partial Regex AboutBot();

    [GeneratedRegex(@"\b(servus|hallo|grüß gott|griaß di|griass di|grüß dich|moin|hi|hello|guten (morgen|tag|abend))\b[,!.]*")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Letter();
}
