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

/// <summary>What the bot knows about the chat between turns.</summary>
/// <param name="SignedIn">The citizen is signed in (only then can a case be opened).</param>
/// <param name="Language">The chat's language so far, for messages too short to tell.</param>
/// <param name="ServiceId">The service the chat is about.</param>
/// <param name="DepartmentId">Its department.</param>
/// <param name="DepartmentName">Its department's name.</param>
/// <param name="UnclearTurns">Turns in a row without a confident answer.</param>
/// <param name="PendingEscalation">The reason of an offered hand-over awaiting consent.</param>
public sealed record BotState(bool SignedIn, string Language = "de", string? ServiceId = null, string? DepartmentId = null, string? DepartmentName = null, int UnclearTurns = 0,
    string? PendingEscalation = null);

/// <summary>The bot's turn: its reply, the chat's new state, after consent the hand-over to make, and the service it answered from.</summary>
public sealed record BotTurn(BotReply Reply, BotState State, Escalation? Escalate = null, bool Declined = false, ServiceDetails? Service = null);

/// <summary>A consented hand-over to a department.</summary>
public sealed record Escalation(string DepartmentId, string? ServiceId, string Reason, IReadOnlyList<string> Fields);

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
    public const string ConsentYes = "consent:yes";
    public const string ConsentNo = "consent:no";

    /// <summary>The triage department for anything unclear.</summary>
    public const string Triage = "buergerservice";

    /// <summary>The Bürgerkonto fields shared with a department when the citizen consents.</summary>
    public static readonly IReadOnlyList<string> SharedFields = ["givenName", "familyName", "email", "phone", "address"];

    /// <summary>The greeting of a new chat, by name when the citizen is signed in.</summary>
    public static BotReply Welcome(string? name, string language) => language switch
    {
        "en" => new(name is null ? "Hello, I'm Mingabot, the City of Munich's chat assistant. Ask me about any city service — ID cards, registering your address, parking " +
            "permits, bulky waste …" : $"Hello {name}, I'm Mingabot, the City of Munich's chat assistant. What can I do for you?", "en"),
        "bar" => new(name is null ? "Servus, i bin da Mingabot vo da Stod Minga. Frog mi ois zu de städtischen Dienste — Ausweis, Ummeldung, Parkausweis, Sperrmüll …"
            : $"Servus {name}! I bin da Mingabot vo da Stod Minga. Wos kon i fia di doa?", "bar"),
        _ => new(name is null ? "Grüß Gott, ich bin Mingabot, der Chat-Assistent der Landeshauptstadt München. Fragen Sie mich zu städtischen Dienstleistungen — Ausweis, " +
            "Anmeldung, Parkausweis, Sperrmüll …" : $"Grüß Gott, {name}! Ich bin Mingabot, der Chat-Assistent der Landeshauptstadt München. Was kann ich für Sie tun?", "de"),
    };

    /// <summary>The bot's reply alone (for a chat without history).</summary>
    public async Task<BotReply> ReplyAsync(string text, string? actionId, CancellationToken ct) =>
        (await TurnAsync(text, actionId, new BotState(SignedIn: false), ct)).Reply;

    public async Task<BotTurn> TurnAsync(string text, string? actionId, BotState state, CancellationToken ct)
    {
        var language = Language.Detect(text, state.Language);
        var lower = text.ToLowerInvariant();
        if (state.PendingEscalation is { } reason)
        {
            if (actionId == ConsentYes || actionId is null && Yes().IsMatch(lower))
            {
                var department = state.DepartmentId ?? Triage;
                if (!state.SignedIn)
                {
                    return new BotTurn(Say(language,
                        "Gern — dafür melden Sie sich bitte zuerst mit Ihrem Bürgerkonto an. Danach antworten Sie hier einfach noch einmal mit „Ja“.",
                        "Gladly — please sign in with your citizen account first, then just answer \"yes\" here again.",
                        "Gern — meld di do bittschön zerst mit deim Bürgerkonto o. Dann sogst hoid no amoi „Ja“."), state);
                }

                var name = state.DepartmentName ?? department;
                return new BotTurn(
                    Say(language,
                        $"Danke! Ich gebe Ihr Anliegen mit dem Chatverlauf an {name} weiter. Sie bekommen hier gleich ein Aktenzeichen, und die Antwort erscheint in diesem Chat.",
                        $"Thank you! I'm passing your request and this chat on to {name}. You'll get a reference number here shortly, and the answer will appear in this chat.",
                        $"Merci! I gib dei Anliegn mitsamt am Chat an {name} weiter. Do kriagst glei a Aktenzeichen, und d' Antwort kimmt do in den Chat."),
                    state with { PendingEscalation = null },
                    new Escalation(department, state.ServiceId, reason, SharedFields));
            }

            if (actionId == ConsentNo || actionId is null && No().IsMatch(lower))
            {
                return new BotTurn(Say(language,
                    "In Ordnung, dann bleibt alles bei uns zwei. Was kann ich sonst für Sie tun?",
                    "All right, then it stays between the two of us. What else can I do for you?",
                    "Passt, dann bleibt ois unter uns zwoa. Wos kon i sonst no fia di doa?"), state with { PendingEscalation = null }, Declined: true);
            }

            state = state with { PendingEscalation = null };
        }

        if (PersonWanted().IsMatch(lower))
        {
            return Offer(language, state, "asked-for-person");
        }

        if (!Language.Answered.Contains(language))
        {
            // Languages the bot cannot answer in: a short template in that language, and a caseworker who speaks it (triage).
            return OfferInLanguage(language, state with { DepartmentId = Triage, DepartmentName = null, Language = language });
        }

        if (actionId is not null && actionId.StartsWith(ServiceActionPrefix, StringComparison.Ordinal))
        {
            return await AnswerServiceAsync(actionId[ServiceActionPrefix.Length..], language, state, ct);
        }

        if (Thanks().IsMatch(lower))
        {
            return new BotTurn(Say(language, "Gern geschehen! Wenn noch was ist, fragen Sie einfach.", "You're welcome! Just ask if there's anything else.",
                "Passt scho! Wenn no wos is, frog anfach."), state);
        }

        if (AboutBot().IsMatch(lower))
        {
            return new BotTurn(Say(language,
                "Ich bin Mingabot. Ich sage Ihnen, wer bei der Stadt zuständig ist, ob gerade geöffnet ist, welche Unterlagen Sie brauchen und was es kostet.",
                "I'm Mingabot. I can tell you who at the city is responsible, whether they are open now, which documents to bring and what it costs.",
                "I bin da Mingabot. I sog da, wer bei da Stod zuständig is, ob grad offen is, wos d' mitbringa muast und wos kost."), state);
        }

        var question = Greeting().Replace(lower, " ").Trim();
        if (question.Length == 0 || !Letter().IsMatch(question))
        {
            return new BotTurn(Welcome(null, language), state);
        }

        var search = await knowledge.SearchAsync(text, language, ct);
        if (search is null)
        {
            return new BotTurn(Unavailable(language), state);
        }

        var hits = search.Hits;
        if (hits.Count == 0 || hits[0].Confidence < Unsure)
        {
            var unclear = state with { UnclearTurns = state.UnclearTurns + 1 };
            if (unclear.UnclearTurns >= 2)
            {
                return Offer(language, unclear, "low-confidence");
            }

            return new BotTurn(Say(language,
                "Das habe ich leider nicht verstanden. Können Sie es anders formulieren — zum Beispiel: „Wo beantrage ich einen Reisepass?“",
                "Sorry, I didn't get that. Could you put it another way — for example: \"Where do I apply for a passport?\"",
                "Des hob i jetz ned verstandn. Konst as anders sogn — zum Beispiel: „Wo kriag i an Reisepass?“"), unclear);
        }

        if (hits[0].Confidence < Confident && hits.Count > 1 && hits[1].Confidence >= Unsure)
        {
            var actions = hits.Take(2).Select(h => new ChatAction(ServiceActionPrefix + h.ServiceId, h.Title)).ToList();
            var ask = Say(language, "Meinen Sie eines davon?", "Do you mean one of these?", "Moanst oans vo de zwoa?");
            return new BotTurn(ask with { Actions = actions }, state);
        }

        return await AnswerServiceAsync(hits[0].ServiceId, language, state, ct);
    }

    /// <summary>Offers a hand-over to the chat's department (or triage), naming what would be shared, and waits for consent.</summary>
    private static BotTurn Offer(string language, BotState state, string reason)
    {
        var name = state.DepartmentName ?? state.DepartmentId ?? (language == "en" ? "the citizens' service (Bürgerservice)" : "den Bürgerservice");
        var signIn = state.SignedIn ? "" : language switch
        {
            "en" => " For that, please sign in with your citizen account.",
            "bar" => " Dafür muast di mit deim Bürgerkonto omelden.",
            _ => " Dafür melden Sie sich bitte mit Ihrem Bürgerkonto an.",
        };
        var reply = Say(language,
            $"Soll ich Ihr Anliegen an {name} weitergeben? Dabei würde ich den Chatverlauf und aus Ihrem Bürgerkonto Name, E-Mail-Adresse, Telefonnummer und Anschrift " +
                $"teilen.{signIn}",
            $"Shall I pass your request on to {name}? I would share this chat and, from your citizen account, your name, e-mail address, phone number and address.{signIn}",
            $"Soll i dei Anliegn an {name} weitergebn? Dabei dad i an Chat und aus deim Bürgerkonto Nam, E-Mail, Telefon und Adress weitergebn.{signIn}");
        var actions = new List<ChatAction>
        {
            new(ConsentYes, language switch { "en" => "Yes, pass it on", "bar" => "Jo, gib's weiter", _ => "Ja, weitergeben" }),
            new(ConsentNo, language switch { "en" => "No", "bar" => "Na", _ => "Nein" }),
        };
        return new BotTurn(reply with { Actions = actions }, state with { PendingEscalation = reason, UnclearTurns = 0 });
    }

    private static readonly Dictionary<string, (string Text, string Yes, string No)> Templates = new()
    {
        ["tr"] = ("Merhaba! Ben Münih Belediyesi'nin sohbet asistanı Mingabot'um. Maalesef yalnızca Almanca ve İngilizce yanıt verebiliyorum. Sorunuzu Türkçe konuşan bir " +
            "çalışanımıza iletmemi ister misiniz? Bunun için Bürgerkonto hesabınızla giriş yapmanız gerekir.", "Evet, iletin", "Hayır"),
        ["uk"] = ("Вітаю! Я Mingabot, чат-асистент міста Мюнхен. На жаль, я відповідаю лише німецькою та англійською. Передати ваше питання співробітнику, який говорить " +
            "українською? Для цього потрібно увійти з Bürgerkonto.", "Так, передати", "Ні"),
        ["ru"] = ("Здравствуйте! Я Mingabot, чат-ассистент города Мюнхен. К сожалению, я отвечаю только на немецком и английском. Передать ваш вопрос сотруднику, говорящему " +
            "по-русски? Для этого нужно войти через Bürgerkonto.", "Да, передать", "Нет"),
        ["ar"] = ("مرحبًا! أنا Mingabot، المساعد الآلي لمدينة ميونخ. للأسف أستطيع الرد بالألمانية والإنجليزية فقط. هل تريد أن أحيل سؤالك إلى موظف يتحدث العربية؟ يلزم لذلك " +
            "تسجيل الدخول بحساب Bürgerkonto.", "نعم، أحِلْه", "لا"),
    };

    private static BotTurn OfferInLanguage(string language, BotState state)
    {
        var (text, yes, no) = Templates.TryGetValue(language, out var template)
            ? template
            : ("Hello! I'm Mingabot. I can only answer in German or English. Shall I pass your question on to a colleague who speaks your language?", "Yes", "No");
        return new BotTurn(new BotReply(text, language, [new ChatAction(ConsentYes, yes), new ChatAction(ConsentNo, no)]),
            state with { PendingEscalation = "language", UnclearTurns = 0 });
    }

    private async Task<BotTurn> AnswerServiceAsync(string serviceId, string language, BotState state, CancellationToken ct)
    {
        var details = await knowledge.DetailsAsync(serviceId, language == "en" ? "en" : "de", ct);
        if (details is null)
        {
            return new BotTurn(Unavailable(language), state);
        }

        if (!details.Found)
        {
            return new BotTurn(Say(language, "Diese Leistung kenne ich leider nicht.", "I don't know that service, sorry.", "De Leistung kenn i ned, tuat ma leid."), state);
        }

        state = state with { ServiceId = details.ServiceId, DepartmentId = details.DepartmentId, DepartmentName = details.DepartmentName, UnclearTurns = 0 };

        var text = new StringBuilder();
        if (details.Sensitive)
        {
            // Serious topics (a death, social benefits, a complaint): a considerate first sentence, no Munich jokes.
            text.Append(SeriousOpening(details, language)).Append(' ');
        }

        text.Append(language switch
        {
            "en" => $"{details.Title}: the responsible department is {details.DepartmentName ?? details.DepartmentId} ({details.DepartmentId}).",
            "bar" => $"Fia „{details.Title}“ is {details.DepartmentName ?? details.DepartmentId} ({details.DepartmentId}) zuständig.",
            _ => $"{details.Title}: Zuständig ist {details.DepartmentName ?? details.DepartmentId} ({details.DepartmentId}).",
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

        if (details.Checklist is { Count: > 0 } checklist)
        {
            text.Append(' ').Append(language switch { "en" => "Step by step:", "bar" => "Schritt fia Schritt:", _ => "Schritt für Schritt:" })
                .Append(' ').Append(string.Join(" → ", checklist)).Append('.');
        }

        if (details.OnlineServiceUrl is { } url)
        {
            text.Append(' ').Append(language switch { "en" => "Online:", "bar" => "Online geht's do:", _ => "Online:" }).Append(' ').Append(url);
        }

        var answer = new BotReply(text.ToString(), language);
        if (details.IndividualHandling)
        {
            // Needs a caseworker anyway: answer, then offer the hand-over right away.
            var offer = Offer(language, state, "individual-handling");
            return offer with { Reply = offer.Reply with { Text = answer.Text + "\n\n" + offer.Reply.Text } };
        }

        return new BotTurn(answer, state, Service: details);
    }

    private static string SeriousOpening(ServiceDetails details, string language) =>
        (details.ServiceId.Contains("sterbe", StringComparison.Ordinal), details.DepartmentId, language) switch
        {
            (true, _, "en") => "I'm very sorry for your loss.",
            (true, _, "bar") => "Herzliches Beileid.",
            (true, _, _) => "Mein aufrichtiges Beileid.",
            (_, "soziales", "en") => "You are entitled to ask for support, and the city will help you with it.",
            (_, "soziales", _) => "Dafür gibt es Unterstützung, und die Stadt hilft Ihnen dabei.",
            (_, _, "en") => "We take your concern seriously.",
            _ => "Ihr Anliegen nehmen wir ernst.",
        };

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
            _ => local is null
                ? $"{place.Name} ist gerade geschlossen."
                : $"{place.Name} ist gerade geschlossen und öffnet wieder {(today ? "heute" : "am " + day)} um {time} Uhr.",
        } + (place.AppointmentOnly ? (language == "en" ? " Appointments only." : " Nur mit Termin.") : "");
    }

    private static BotReply Unavailable(string language) => Say(language,
        "Ich kann gerade leider nicht im Verzeichnis der Dienstleistungen nachschauen. Bitte versuchen Sie es gleich noch einmal.",
        "I can't look that up in the service catalogue right now, sorry. Please try again in a moment.",
        "I ko grad ned im Verzeichnis nachschaun, tuat ma leid. Probier's glei no amoi.");

    /// <summary>The text for the chat's language (English for the languages the bot only recognises), with quick replies.</summary>
    internal static BotReply Say(string language, string de, string en, string bar, params (string Id, string Label)[] actions) => new(
        language switch { "bar" => bar, "de" => de, _ => en },
        language,
        [.. actions.Select(a => new ChatAction(a.Id, a.Label))]);

    /// <summary>"ja", "jo", "passt scho", "yes" … at the start of a message.</summary>
    internal static bool IsYes(string lower) => Yes().IsMatch(lower);

    /// <summary>"nein", "na", "no" … at the start of a message.</summary>
    internal static bool IsNo(string lower) => No().IsMatch(lower);

    [GeneratedRegex(@"^\s*(ja|jo|jawohl|yes|yep|ok|okay|passt( scho)?|gern|gerne|freilich|sure|bitte|evet|так|да|نعم)(\b|\s|$)")]
    private static partial Regex Yes();

    [GeneratedRegex(@"^\s*(nein|na|naa|no|nope|ned|lieber nicht|no thanks|hayır|ні|нет|لا)(\b|\s|$)")]
    private static partial Regex No();

    [GeneratedRegex(@"\b(mitarbeiter\w*|sachbearbeiter\w*|mensch(en)?|echte[nr]? person|eine person|human|real person|an agent|someone real|a person|persönlich|wen zum redn|a " +
        @"mensch)\b")]
    private static partial Regex PersonWanted();

    [GeneratedRegex(@"\b(danke|dankeschön|merci|vergelt'?s gott|thanks|thank you|pfiat di|tschüss|bye|auf wiedersehen)\b")]
    private static partial Regex Thanks();

    [GeneratedRegex(@"\b(wer bist du|was kannst du|who are you|what can you do|wer bist'n du|wos konst du)\b")]
    private static partial Regex AboutBot();

    [GeneratedRegex(@"\b(servus|hallo|grüß gott|griaß di|griass di|grüß dich|moin|hi|hello|guten (morgen|tag|abend))\b[,!.]*")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Letter();
}
