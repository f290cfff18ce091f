using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MucGov.Contracts.Knowledge;
using MucGov.Conversation.Chats;
using MucGov.Conversation.Texts;

namespace MucGov.Conversation.Bot;

/// <summary>One reply of the bot: the complete text, its quick replies, its structured blocks, and what it understood.</summary>
public sealed record BotReply(string Text, string Language, IReadOnlyList<ChatAction> Actions, IReadOnlyList<MessageBlock>? Blocks = null, Understood? Understood = null)
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
    public static BotReply Welcome(string? name, string language)
    {
        var lang = language is "en" or "bar" ? language : "de";
        return new(name is null ? T(lang, "welcome.anonymous") : T(lang, "welcome.named", ("name", name)), lang);
    }

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
                    return new BotTurn(Say(language, "handover.signInFirst"), state);
                }

                var name = state.DepartmentName ?? department;
                return new BotTurn(
                    Say(language, "handover.passedOn", ("department", name)),
                    state with { PendingEscalation = null },
                    new Escalation(department, state.ServiceId, reason, SharedFields));
            }

            if (actionId == ConsentNo || actionId is null && No().IsMatch(lower))
            {
                return new BotTurn(Say(language, "handover.declined"), state with { PendingEscalation = null }, Declined: true);
            }

            if (state.ServiceId is { } topic && Aspects.Of(lower) is { } pendingAspect && Aspects.IsFollowUp(lower))
            {
                // A question about the service while the offer stands: answer it, then ask again.
                var answer = await AspectAsync(topic, pendingAspect, language, state, ct);
                var again = Offer(language, answer.State, reason);
                return again with
                {
                    Reply = again.Reply with { Text = answer.Reply.Text + "\n\n" + again.Reply.Text, Blocks = answer.Reply.Blocks, Understood = answer.Reply.Understood },
                };
            }

            state = state with { PendingEscalation = null };
        }

        if (state.ServiceId is { } current && actionId is null && Aspects.Of(lower) is { } followUp && Aspects.IsFollowUp(lower))
        {
            return await AspectAsync(current, followUp, language, state, ct);
        }

        // Small talk never leads to a hand-over: "Bist du ein Mensch?" is a question about the bot, not a wish for a person.
        if (AreYouHuman().IsMatch(lower))
        {
            return new BotTurn(Say(language, "smalltalk.human") with { Understood = new("smalltalk:human") }, state);
        }

        if (HowAreYou().IsMatch(lower))
        {
            return new BotTurn(Say(language, "smalltalk.howAreYou") with { Understood = new("smalltalk:how-are-you") }, state);
        }

        if (Goodbye().IsMatch(lower))
        {
            return new BotTurn(Say(language, "smalltalk.goodbye") with { Understood = new("smalltalk:goodbye") }, state);
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
            return new BotTurn(Say(language, "smalltalk.thanks") with { Understood = new("smalltalk:thanks") }, state);
        }

        if (AboutBot().IsMatch(lower))
        {
            return new BotTurn(Say(language, "smalltalk.about") with { Understood = new("smalltalk:capabilities") }, state);
        }

        var question = Greeting().Replace(lower, " ").Trim();
        if (question.Length == 0 || !Letter().IsMatch(question))
        {
            return new BotTurn(Welcome(null, language) with { Understood = new("smalltalk:greeting") }, state);
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

            return new BotTurn(Say(language, "unclear") with { Understood = new("unclear") }, unclear);
        }

        if (hits[0].Confidence < Confident && hits.Count > 1 && hits[1].Confidence >= Unsure)
        {
            var actions = hits.Take(2).Select(h => new ChatAction(ServiceActionPrefix + h.ServiceId, h.Title)).ToList();
            var ask = Say(language, "clarify.which") with { Understood = new("clarify") };
            return new BotTurn(ask with { Actions = actions }, state);
        }

        if (Aspects.Of(lower) is { } asked && asked != Aspects.Related)
        {
            return await AspectAsync(hits[0].ServiceId, asked, language, state, ct);
        }

        return await AnswerServiceAsync(hits[0].ServiceId, language, state, ct);
    }

    /// <summary>
    /// The answer to one aspect of a service (its fees, documents, processing time, …): short and precise, with the
    /// offer of more. "And for my child?" answers the related service for children.
    /// </summary>
    public async Task<BotTurn> AspectAsync(string serviceId, string aspect, string language, BotState state, CancellationToken ct)
    {
        var (details, refused) = await DetailsOrRefusalAsync(serviceId, language, ct);
        if (details is null)
        {
            return new BotTurn(refused!, state);
        }

        if (aspect == Aspects.Related)
        {
            var child = details.Related?.FirstOrDefault(r => r.Relation == "for-children");
            if (child is null)
            {
                return new BotTurn(Say(language, "aspect.related.none", ("title", details.Title)) with { Understood = new(Topic: details.ServiceId, Aspect: aspect) },
                    state);
            }

            var related = await AnswerServiceAsync(child.ServiceId, language, state, ct);
            return related with { Reply = related.Reply with { Understood = new(Topic: child.ServiceId, Aspect: aspect) } };
        }

        state = state with { ServiceId = details.ServiceId, DepartmentId = details.DepartmentId, DepartmentName = details.DepartmentName, UnclearTurns = 0 };
        var title = details.Title ?? details.ServiceId;
        var place = details.Locations is { Count: > 0 } places ? places[0] : null;
        var blocks = new List<MessageBlock> { new HeadingBlock(title) };
        string text;
        switch (aspect)
        {
            case Aspects.Fees when details.Fees is { Count: > 0 } fees:
                text = T(language, "aspect.fees", ("title", title), ("fees", string.Join("; ", fees)));
                blocks.Add(new ListBlock(false, fees));
                break;
            case Aspects.Documents when details.Documents is { Count: > 0 } documents:
                text = T(language, "aspect.documents", ("title", title), ("documents", string.Join("; ", documents)));
                blocks.Add(new ListBlock(false, documents));
                break;
            case Aspects.ProcessingTime when details.ProcessingTime is { } time:
                text = T(language, "aspect.processingTime", ("title", title), ("time", time));
                blocks.Add(new FactsBlock([new Fact(T(language, "block.processingTime"), time)]));
                break;
            case Aspects.Online when details.OnlineServiceUrl is { } url:
                text = T(language, "aspect.online.yes", ("title", title), ("url", url));
                blocks.Add(new LinksBlock([new Link(T(language, "block.onlineService"), url, "online-service")]));
                break;
            case Aspects.Online:
                text = T(language, details.AppointmentRequired ? "aspect.online.noAppointment" : "aspect.online.no", ("title", title));
                break;
            case Aspects.Appointment:
                text = T(language, details.AppointmentRequired ? "aspect.appointment.yes" : "aspect.appointment.no", ("title", title));
                break;
            case Aspects.Where when place is not null:
                text = T(language, "aspect.where", ("place", place.Name), ("address", place.Address))
                    + (place.PublicTransport is { } transport ? T(language, "aspect.where.transport", ("transport", transport)) : "")
                    + T(language, place.StepFreeAccess switch { true => "aspect.where.stepFree", false => "aspect.where.steps", null => "aspect.where.stepFreeUnknown" });
                blocks.Add(new FactsBlock([new Fact(T(language, "block.address"), place.Address)]));
                blocks.Add(new OpeningBlock(place.LocationId, place.OpenNow, place.OpenNow ? place.NextChange : null, place.OpenNow ? null : place.NextChange));
                break;
            case Aspects.OpeningHours when place is not null:
                text = Opening(place, language);
                blocks.Add(new OpeningBlock(place.LocationId, place.OpenNow, place.OpenNow ? place.NextChange : null, place.OpenNow ? null : place.NextChange));
                break;
            case Aspects.Responsible:
                text = T(language, "aspect.responsible", ("title", title), ("department", details.DepartmentName ?? details.DepartmentId));
                blocks.Add(new FactsBlock([new Fact(T(language, "block.responsible"), details.DepartmentName ?? details.DepartmentId ?? "")]));
                break;
            case Aspects.LegalBasis when details.LegalBasis is { } law:
                text = T(language, "aspect.legalBasis", ("title", title), ("law", law));
                blocks.Add(new FactsBlock([new Fact(T(language, "block.legalBasis"), law)]));
                break;
            default:
                text = T(language, "aspect.unknown", ("title", title));
                break;
        }

        // Serious topics open with a considerate sentence here too.
        var opening = details.Sensitive ? SeriousOpening(details, language) + " " : "";
        var reply = new BotReply(opening + text + T(language, "aspect.more"), language, [], blocks, new Understood(Topic: details.ServiceId, Aspect: aspect));
        return new BotTurn(reply, state, Service: details);
    }

    /// <summary>Offers a hand-over to the chat's department (or triage), naming what would be shared, and waits for consent.</summary>
    private static BotTurn Offer(string language, BotState state, string reason)
    {
        var name = state.DepartmentName ?? state.DepartmentId ?? T(language, "handover.triage");
        var signIn = state.SignedIn ? "" : T(language, "handover.signInNote");
        var reply = Say(language, "handover.offer", ("department", name), ("signIn", signIn));
        var actions = new List<ChatAction> { new(ConsentYes, T(language, "action.passOn")), new(ConsentNo, T(language, "action.no")) };
        return new BotTurn(reply with { Actions = actions, Understood = new("handover-offer", state.ServiceId) }, state with { PendingEscalation = reason, UnclearTurns = 0 });
    }

    /// <summary>Languages the bot recognises but does not answer in yet: an offer, in that language, of a colleague who speaks it.</summary>
    private static BotTurn OfferInLanguage(string language, BotState state) =>
        new(new BotReply(T(language, "language.offer"), language, [new ChatAction(ConsentYes, T(language, "action.passOn")), new ChatAction(ConsentNo, T(language, "action.no"))]),
            state with { PendingEscalation = "language", UnclearTurns = 0 });

    private async Task<BotTurn> AnswerServiceAsync(string serviceId, string language, BotState state, CancellationToken ct)
    {
        var (details, refused) = await DetailsOrRefusalAsync(serviceId, language, ct);
        if (details is null)
        {
            return new BotTurn(refused!, state);
        }

        state = state with { ServiceId = details.ServiceId, DepartmentId = details.DepartmentId, DepartmentName = details.DepartmentName, UnclearTurns = 0 };

        var text = new StringBuilder();
        if (details.Sensitive)
        {
            // Serious topics (a death, social benefits, a complaint): a considerate first sentence, no Munich jokes.
            text.Append(SeriousOpening(details, language)).Append(' ');
        }

        text.Append(T(language, "service.responsible", ("title", details.Title), ("department", details.DepartmentName ?? details.DepartmentId),
            ("departmentId", details.DepartmentId)));
        if (details.Locations is { Count: > 0 } locations)
        {
            var place = locations[0];
            text.Append(' ').Append(Opening(place, language));
        }

        if (details.Documents is { Count: > 0 } documents)
        {
            text.Append(' ').Append(T(language, "service.bring"))
                .Append(' ').Append(string.Join("; ", documents)).Append('.');
        }

        if (details.Fees is { Count: > 0 } fees)
        {
            text.Append(' ').Append(T(language, "service.fees")).Append(' ').Append(string.Join("; ", fees)).Append('.');
        }

        if (details.Checklist is { Count: > 0 } checklist)
        {
            text.Append(' ').Append(T(language, "service.steps"))
                .Append(' ').Append(string.Join(" → ", checklist)).Append('.');
        }

        if (details.OnlineServiceUrl is { } url)
        {
            text.Append(' ').Append(T(language, "service.online")).Append(' ').Append(url);
        }

        var answer = new BotReply(text.ToString(), language, [], ServiceBlocks(details, language), new Understood(Topic: details.ServiceId, Aspect: "overview"));
        if (details.IndividualHandling)
        {
            // Needs a caseworker anyway: answer, then offer the hand-over right away.
            var offer = Offer(language, state, "individual-handling");
            return offer with
            {
                Reply = offer.Reply with
                {
                    Text = answer.Text + "\n\n" + offer.Reply.Text,
                    Blocks = answer.Blocks,
                    Understood = new("handover-offer", details.ServiceId, "overview"),
                },
            };
        }

        return new BotTurn(answer, state, Service: details);
    }

    /// <summary>The service's details in the chat's catalog language, or what to say when there are none (catalog away, unknown service).</summary>
    private async Task<(ServiceDetails? Details, BotReply? Refused)> DetailsOrRefusalAsync(string serviceId, string language, CancellationToken ct) =>
        await knowledge.DetailsAsync(serviceId, language == "en" ? "en" : "de", ct) switch
        {
            null => (null, Unavailable(language)),
            { Found: false } => (null, Say(language, "service.unknown")),
            var found => (found, null),
        };

    /// <summary>The service's answer as blocks: its title, who is responsible, documents, fees, the steps, where, and the online service.</summary>
    private static List<MessageBlock> ServiceBlocks(ServiceDetails details, string language)
    {
        var blocks = new List<MessageBlock>
        {
            new HeadingBlock(details.Title ?? details.ServiceId),
            new FactsBlock([new Fact(T(language, "block.responsible"), details.DepartmentName ?? details.DepartmentId ?? "")]),
        };
        if (details.Documents is { Count: > 0 } documents)
        {
            blocks.Add(new HeadingBlock(T(language, "service.bring").TrimEnd(':')));
            blocks.Add(new ListBlock(false, documents));
        }

        if (details.Fees is { Count: > 0 } fees)
        {
            blocks.Add(new HeadingBlock(T(language, "service.fees").TrimEnd(':')));
            blocks.Add(new ListBlock(false, fees));
        }

        if (details.Checklist is { Count: > 0 } checklist)
        {
            blocks.Add(new HeadingBlock(T(language, "service.steps").TrimEnd(':')));
            blocks.Add(new ListBlock(true, checklist));
        }

        if (details.Locations is { Count: > 0 } locations)
        {
            var place = locations[0];
            blocks.Add(new OpeningBlock(place.LocationId, place.OpenNow, place.OpenNow ? place.NextChange : null, place.OpenNow ? null : place.NextChange));
        }

        if (details.OnlineServiceUrl is { } url)
        {
            blocks.Add(new LinksBlock([new Link(T(language, "block.onlineService"), url, "online-service")]));
        }

        return blocks;
    }

    private static string SeriousOpening(ServiceDetails details, string language) =>
        (details.ServiceId.Contains("sterbe", StringComparison.Ordinal), details.DepartmentId) switch
        {
            (true, _) => T(language, "sensitive.death"),
            (_, "soziales") => T(language, "sensitive.social"),
            _ => T(language, "sensitive.other"),
        };

    private string Opening(LocationStatus place, string language)
    {
        var local = place.NextChange is { } change ? TimeZoneInfo.ConvertTime(change, Shared.Calendar.MunichCalendar.TimeZone) : (DateTimeOffset?)null;
        var time = local?.ToString("HH:mm", CultureInfo.InvariantCulture);
        var today = local is not null && local.Value.Date == TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Shared.Calendar.MunichCalendar.TimeZone).Date;
        var day = local?.ToString(language == "en" ? "dddd d MMMM" : "dddd, d. MMMM", CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "de-DE"));
        var key = (place.OpenNow, local is null, today) switch
        {
            (true, _, _) => "opening.openUntil",
            (false, true, _) => "opening.closed",
            (false, false, true) => "opening.closedToday",
            _ => "opening.closedUntilDay",
        };
        return T(language, key, ("place", place.Name), ("time", time), ("day", day)) + (place.AppointmentOnly ? T(language, "opening.appointmentOnly") : "");
    }

    private static BotReply Unavailable(string language) => Say(language, "catalog.unavailable");

    /// <summary>A fixed text of the text table in the chat's language (English for the languages the bot only recognises).</summary>
    internal static string T(string language, string key, params (string Name, object? Value)[] values) => TextTable.Shipped.Get(language, key, values);

    /// <summary>A reply of one fixed text.</summary>
    internal static BotReply Say(string language, string key, params (string Name, object? Value)[] values) => new(T(language, key, values), language);

    /// <summary>A reply of one fixed text with quick replies, each label a key of the text table.</summary>
    internal static BotReply Ask(string language, string key, (string Name, object? Value)[] values, params (string Id, string LabelKey)[] actions) =>
        new(T(language, key, values), language, [.. actions.Select(a => new ChatAction(a.Id, T(language, a.LabelKey)))]);

    /// <summary>"ja", "jo", "passt scho", "yes" … at the start of a message.</summary>
    internal static bool IsYes(string lower) => Yes().IsMatch(lower);

    /// <summary>"nein", "na", "no" … at the start of a message.</summary>
    internal static bool IsNo(string lower) => No().IsMatch(lower);

    [GeneratedRegex(@"^\s*(ja|jo|jawohl|yes|yep|ok|okay|passt( scho)?|gern|gerne|freilich|sure|bitte|evet|так|да|نعم)(\b|\s|$)")]
    private static partial Regex Yes();

    [GeneratedRegex(@"^\s*(nein|na|naa|no|nope|ned|lieber nicht|no thanks|hayır|ні|нет|لا)(\b|\s|$)")]
    private static partial Regex No();

    [GeneratedRegex(@"\b(mitarbeiter\w*|sachbearbeiter\w*|mensch(en)?|echte[nr]? person|eine person|human|real person|an agent|someone real|a person|" +
        @"persönlich (sprechen|reden)|wen zum redn|a mensch)\b")]
    private static partial Regex PersonWanted();

    [GeneratedRegex(@"\b(danke|dankeschön|merci|vergelt'?s gott|thanks|thank you|pfiat di|tschüss|bye|auf wiedersehen)\b")]
    private static partial Regex Thanks();

    [GeneratedRegex(@"\b(bist du|bist'?n du|bisd du|san sie|sind sie|are you|r u)\b.*\b(mensch|human|bot|roboter|robot|maschine|ki|ai|echt|real|computer)\b")]
    private static partial Regex AreYouHuman();

    [GeneratedRegex(@"\b(wie geht'?s|wie gehts|wia geht'?s|how are you|how'?s it going|how are things)\b")]
    private static partial Regex HowAreYou();

    /// <summary>A goodbye without thanks (thanks get their own answer, which says goodbye too).</summary>
    [GeneratedRegex(@"^\W*(tschüss|tschüs|tschau|ciao|bye|goodbye|bye bye|pfiat di|pfiad di|pfiat eich|auf wiedersehen|bis bald|see you|baba)\W*$")]
    private static partial Regex Goodbye();

    [GeneratedRegex(@"\b(wer bist du|was kannst du|who are you|what can you do|wer bist'n du|wos konst du)\b")]
    private static partial Regex AboutBot();

    [GeneratedRegex(@"\b(servus|hallo|grüß gott|griaß di|griass di|grüß dich|moin|hi|hello|guten (morgen|tag|abend))\b[,!.]*")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Letter();
}
