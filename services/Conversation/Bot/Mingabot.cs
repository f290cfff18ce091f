using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MucGov.Contracts.Knowledge;
using MucGov.Conversation.Chats;
using MucGov.Conversation.Texts;
using MucGov.Shared.Languages;

namespace MucGov.Conversation.Bot;

/// <summary>One reply of the bot: the complete text, its quick replies, its structured blocks, and what it understood.</summary>
public sealed record BotReply(string Text, string Language, IReadOnlyList<ChatAction> Actions, IReadOnlyList<MessageBlock>? Blocks = null, Understood? Understood = null)
{
    public BotReply(string text, string language) : this(text, language, []) { }
}

/// <summary>
/// The bot's turn: its reply, the chat's new state, after consent the hand-over to make, the service it answered from, and
/// the citizen's language (which a reply in English to a language the bot does not speak keeps for the chat and a case).
/// </summary>
public sealed record BotTurn(BotReply Reply, DialogueState State, Escalation? Escalate = null, bool Declined = false, ServiceDetails? Service = null,
    string? ChatLanguage = null);

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
    public const string LifeActionPrefix = "life:";

    /// <summary>The life situation of a death in the family, for condolence.</summary>
    public const string Bereaved = "death";

    /// <summary>Below a confident best, candidates scoring at least this share of the best one's score are too close to choose between: the bot asks.</summary>
    public const double Close = 0.8;

    /// <summary>A hit near the conversation (<see cref="DialogueState.Nearby"/>) scoring at least this share of the best one's is taken.</summary>
    public const double NearbyShare = 0.6;

    /// <summary>From this confidence a short statement of need is answered unless another hit ties.</summary>
    public const double Sure = 0.65;

    /// <summary>Below <see cref="Sure"/>, a short statement of need is asked about when another hit scores this close.</summary>
    public const double NearlyTied = 0.85;

    /// <summary>Even a confident best is asked about when another scores this close (the same words match both).</summary>
    public const double Tied = 0.97;

    /// <summary>From this confidence a life situation is shown when the citizen asks what all to do.</summary>
    public const double LifeWithChecklistWish = 0.2;
    public const string ConsentYes = "consent:yes";
    public const string ConsentNo = "consent:no";

    /// <summary>The triage department for anything unclear.</summary>
    public const string Triage = "buergerservice";

    /// <summary>The Bürgerkonto fields shared with a department when the citizen consents.</summary>
    public static readonly IReadOnlyList<string> SharedFields = ["givenName", "familyName", "email", "phone", "address"];

    /// <summary>The greeting of a new chat, by name when the citizen is signed in.</summary>
    public static BotReply Welcome(string? name, string language)
    {
        var lang = SupportedLanguages.IsSupported(language) ? language : SupportedLanguages.German;
        return new(name is null ? T(lang, "welcome.anonymous") : T(lang, "welcome.named", ("name", name)), lang);
    }

    /// <summary>The bot's reply alone (for a chat without history).</summary>
    public async Task<BotReply> ReplyAsync(string text, string? actionId, CancellationToken ct) =>
        (await TurnAsync(text, actionId, DialogueState.Empty, signedIn: false, "de", ct)).Reply;

    /// <summary>
    /// One turn: understand the message against what the chat remembers, answer, and return the new state. It remembers
    /// the intent, and that a sensitive topic came up (a sensitive service, distress, a death).
    /// </summary>
    public async Task<BotTurn> TurnAsync(string text, string? actionId, DialogueState state, bool signedIn, string chatLanguage, CancellationToken ct)
    {
        // The chat's language holds once the citizen picked it or the chat is under way.
        var detected = Language.Detect(text, chatLanguage, holds: state.LanguageChosen || state.LastIntent is not null);
        // A language the bot recognises but does not speak gets the English content, and a sentence in it saying so.
        var language = SupportedLanguages.IsSupported(detected) ? detected : SupportedLanguages.English;
        if (language != detected && actionId is null && Glossary.Shipped.ToEnglish(detected, text) is { } english)
        {
            // Its office words in English ("izgubio sam putovnicu" → "lost passport"), to find the English content.
            text = english;
        }

        var lower = text.ToLowerInvariant();
        var turn = Notices(await DecideAsync(text, lower, actionId, language, state, signedIn, ct), language, detected);
        var sensitive = turn.State.Sensitive || turn.Service?.Sensitive == true || Understanding.Distress(lower) || Understanding.Bereavement(lower);
        return turn with { State = turn.State with { LastIntent = turn.Reply.Understood?.Intent, Sensitive = sensitive }, ChatLanguage = detected };
    }

    private async Task<BotTurn> DecideAsync(string text, string lower, string? actionId, string language, DialogueState state, bool signedIn, CancellationToken ct)
    {
        // The candidates of a "which of these?" count for this answer only.
        var candidates = state.Candidates;
        state = state with { Candidates = [] };
        if (actionId is null && Understanding.SwitchesTopic(lower) && Understanding.WithoutSwitch(lower) is { Length: > 0 } rest)
        {
            // "Andere Frage: Gewerbeanmeldung, was kostet die?": about something new, whatever the chat was about.
            (text, lower) = (rest, rest);
            state = state with { Topic = null, Aspect = null, Nearby = [] };
        }

        if (state.PendingEscalation is { } reason)
        {
            if (actionId == ConsentYes || actionId is null && IsYes(lower))
            {
                if (!signedIn)
                {
                    return new BotTurn(Say(language, "handover.signInFirst"), state);
                }

                var department = state.Department ?? new DepartmentRef(Triage, null);
                return new BotTurn(
                    Say(language, "handover.passedOn", ("department", department.Name ?? department.Id)),
                    state with { PendingEscalation = null },
                    new Escalation(department.Id, state.FollowUpService, reason, SharedFields));
            }

            if (actionId == ConsentNo || actionId is null && No().IsMatch(lower))
            {
                return new BotTurn(Say(language, "handover.declined"), state with { PendingEscalation = null }, Declined: true);
            }

            if (actionId is null && WantsPerson(lower))
            {
                // "Can I talk to someone in person?" while the offer stands: the offer again, not an answer about going in person.
                return Offer(language, state, signedIn, reason);
            }

            if (actionId is null && Aspects.Of(lower) is { } pendingAspect && await FollowUpTopicAsync(pendingAspect, lower, language, state, ct) is { } topic)
            {
                // A question about the service while the offer stands: answer it, then ask again.
                var answer = await AspectAsync(topic, pendingAspect, language, state, ct, Understanding.Day(lower, Today()), Understanding.Hour(lower));
                var again = Offer(language, answer.State, signedIn, reason);
                return again with
                {
                    Reply = again.Reply with { Text = answer.Reply.Text + "\n\n" + again.Reply.Text, Blocks = answer.Reply.Blocks, Understood = answer.Reply.Understood },
                    Service = answer.Service,
                };
            }

            state = state with { PendingEscalation = null };
        }

        // Small talk never leads to a hand-over: "Bist du ein Mensch?" is a question about the bot, not a wish for a person.
        if (actionId is null && Understanding.SmallTalk(lower, state) is { } smallTalk)
        {
            return SmallTalk(smallTalk, lower, language, state);
        }

        if (WantsPerson(lower))
        {
            // "Können Sie mich mit jemandem vom Standesamt verbinden?": the offer names the department of the service meant.
            return Offer(language, await NamedServiceAsync(text, language, state, ct), signedIn, "asked-for-person");
        }

        if (actionId is not null && actionId.StartsWith(ServiceActionPrefix, StringComparison.Ordinal))
        {
            return await AnswerServiceAsync(actionId[ServiceActionPrefix.Length..], language, state, signedIn, ct);
        }

        if (actionId is not null && actionId.StartsWith(LifeActionPrefix, StringComparison.Ordinal))
        {
            return await ChecklistAsync(actionId[LifeActionPrefix.Length..], language, state, condolence: false, ct);
        }

        var aspect = Aspects.Of(lower);
        if (aspect is null && Understanding.IsEllipsis(lower) && state.Aspect is { } earlier && Aspects.Answerable.Contains(earlier))
        {
            // "und ein neuer Führerschein?" after the fees of the ID card: the same aspect, of whatever the message names.
            aspect = earlier;
        }

        if (state.Life is { } walk && actionId is null && await WalkAsync(lower, aspect, walk, language, state, ct) is { } walked)
        {
            return walked;
        }

        if (actionId is null && state.Life is null && Understanding.WantsNextStep(lower))
        {
            // "weiter" with no checklist to walk: nothing to go on with.
            return new BotTurn(Say(language, "life.nothingToWalk") with { Understood = new("unclear") }, state);
        }

        // Sensitive topics come first: whoever writes that their father died gets condolence and the checklist for a death.
        if (Understanding.Bereavement(lower))
        {
            return await ChecklistAsync(Bereaved, language, state, condolence: true, ct);
        }

        if (aspect is null && state.Aspect is Aspects.OpeningHours or Aspects.Where && Understanding.IsShort(lower) && Understanding.Day(lower, Today()) is not null)
        {
            // "und morgn?" after the opening hours: the same question for another day.
            aspect = Aspects.OpeningHours;
        }

        if (actionId is null && aspect is Aspects.Where or Aspects.OpeningHours && state.Topic is { Kind: TopicKinds.Location } place && Aspects.IsFollowUp(lower))
        {
            return await PlaceAsync(place.Id, aspect, language, state, Understanding.Day(lower, Today()), ct, Understanding.Hour(lower));
        }

        if (actionId is null && aspect is not null && state.FollowUpService is { } current
            && (Aspects.IsFollowUp(lower) || aspect == Aspects.Related || aspect is Aspects.Documents or Aspects.Fees && Aspects.IsCondition(lower)))
        {
            return await AspectAsync(current, aspect, language, state, ct, Understanding.Day(lower, Today()), Understanding.Hour(lower));
        }

        if (actionId is null && aspect is null && state.FollowUpService is { } asked && Aspects.IsCondition(lower))
        {
            // "Was passiert, wenn die abläuft, bevor ich dran bin?": about the chat's topic; its answer names what applies.
            return await AnswerServiceAsync(asked, language, state, signedIn, ct);
        }

        var question = Greeting().Replace(lower, " ").Trim();
        if (question.Length == 0 || !Letter().IsMatch(question))
        {
            return new BotTurn(Welcome(null, language) with { Understood = new(Understanding.Intents.Greeting) }, state);
        }

        if (actionId is null && Understanding.UnclearLetter(lower) && !Understanding.WantsChecklist(lower))
        {
            // A letter from an office the citizen does not understand: ask what it is about (or who sent it); a second
            // turn without a service offers a person.
            return Unclear(language, state, signedIn, "unclear.letter");
        }

        if (actionId is null && aspect is not null and not Aspects.Where and not Aspects.OpeningHours && state.FollowUpService is null && Aspects.IsFollowUp(lower))
        {
            // "Was kostet das?" with nothing to refer to: the words of an aspect are no question about a service
            // ("cost" would find the school transport costs). Where and when open may still name a place ("wo ist das KVR").
            return Unclear(language, state, signedIn);
        }

        var search = await knowledge.SearchAsync(aspect is null ? text : Aspects.Without(aspect, lower), language, ct);
        if (search is null)
        {
            return new BotTurn(Unavailable(language), state);
        }

        var services = Prefer(search.Hits.Where(h => h.Kind == HitKinds.Service).ToList(), state.Nearby, out var preferred, aspect is null ? null : state.FollowUpService);
        var best = services.Count > 0 ? services[0].Confidence : 0;
        // A life situation answers the wish for a checklist ("was muss ich alles erledigen?"), never a question about one aspect.
        if (aspect is null or Aspects.Documents && Understanding.WantsChecklist(lower) && search.Hits.FirstOrDefault(h => h.Kind == HitKinds.LifeSituation) is { } life
            && life.Confidence >= LifeWithChecklistWish && (Understanding.WantsEverything(lower) || life.Confidence >= best))
        {
            return await ChecklistAsync(life.ServiceId, language, state, condolence: false, ct);
        }

        // A place named by what people call it, asked where it is or when it is open.
        if (aspect is Aspects.Where or Aspects.OpeningHours or null && search.Hits.FirstOrDefault(h => h.Kind == HitKinds.Location) is { } named
            && named.Confidence >= Confident && (aspect is not null || best < Confident && Understanding.IsShort(lower)))
        {
            return await PlaceAsync(named.ServiceId, aspect ?? Aspects.Where, language, state, Understanding.Day(lower, Today()), ct, Understanding.Hour(lower));
        }

        if (Understanding.WantsChecklist(lower) && state.Life is { } shown && best < Confident)
        {
            return await ChecklistAsync(shown.Id, language, state, condolence: false, ct);
        }

        if (aspect is not null && state.FollowUpService is { } topic2 && (preferred is null || preferred == topic2)
            && (best < Confident || services.Take(3).Any(h => h.ServiceId == topic2)))
        {
            // More words than a bare follow-up, but no clearly different service: still about the chat's topic.
            return await AspectAsync(topic2, aspect, language, state, ct, Understanding.Day(lower, Today()), Understanding.Hour(lower));
        }

        if (candidates.Count > 0 && services.FirstOrDefault(h => candidates.Contains(h.ServiceId)) is { } chosen)
        {
            // The answer to "which of these?": "den für Anwohner" picks the resident parking permit.
            return aspect is not null && aspect != Aspects.Related
                ? await AspectAsync(chosen.ServiceId, aspect, language, state, ct, Understanding.Day(lower, Today()), Understanding.Hour(lower))
                : await AnswerServiceAsync(chosen.ServiceId, language, state, signedIn, ct);
        }

        if (services.Count == 0 || best < Unsure || best < Confident && state.UnclearTurns >= 1)
        {
            return Unclear(language, state, signedIn);
        }

        // "Which of these?" only when candidates are genuinely close: scored nearly as high as the best (a confident best
        // only by a hair), up to three of them.
        // A short statement of need naming one thing that two services share ("Ich brauch einen Parkausweis") is asked
        // about even above the confident line, unless the best is clearly sure; a question ("Wo bekomme ich einen
        // Reisepass?") is answered.
        var bareNeed = aspect is null && Understanding.IsShort(lower) && Understanding.StatesNeed(lower) && best < Sure;
        var tie = best >= Confident ? (bareNeed ? NearlyTied : Tied) : Close;
        var close = services.Where(h => h.Relative >= tie).Take(3).ToList();
        if (close.Count >= 2)
        {
            var actions = close.Select(h => new ChatAction(ServiceActionPrefix + h.ServiceId, h.Title)).ToList();
            var ask = Say(language, "clarify.which") with { Understood = new("clarify") };
            return new BotTurn(ask with { Actions = actions }, state with { UnclearTurns = state.UnclearTurns + 1, Candidates = [.. close.Select(h => h.ServiceId)] });
        }

        if (aspect is not null && aspect != Aspects.Related)
        {
            return await AspectAsync(services[0].ServiceId, aspect, language, state, ct, Understanding.Day(lower, Today()), Understanding.Hour(lower));
        }

        return await AnswerServiceAsync(services[0].ServiceId, language, state, signedIn, ct);
    }

    /// <summary>"Didn't get that" — and on the second turn in a row without an answer, the offer of a person.</summary>
    private static BotTurn Unclear(string language, DialogueState state, bool signedIn, string key = "unclear")
    {
        var unclear = state with { UnclearTurns = state.UnclearTurns + 1 };
        return unclear.UnclearTurns >= 2
            ? Offer(language, unclear, signedIn, "low-confidence")
            : new BotTurn(Say(language, key) with { Understood = new("unclear") }, unclear);
    }

    /// <summary>
    /// The hits with one near the conversation first, made confident, when it scores at least <see cref="NearbyShare"/> of
    /// the best and the question has some evidence at all; the others then stay below a tie. Unchanged otherwise. For a
    /// question about an aspect, the chat's <paramref name="topic"/> itself comes first among those near.
    /// </summary>
    public static List<KnowledgeHit> Prefer(List<KnowledgeHit> services, IReadOnlyList<string> nearby, out string? preferred, string? topic = null)
    {
        preferred = null;
        var qualifying = services.Where(h => h.Relative >= NearbyShare && (nearby.Contains(h.ServiceId) || h.ServiceId == topic)).ToList();
        if (services.Count == 0 || services[0].Confidence < Unsure
            || (qualifying.FirstOrDefault(h => h.ServiceId == topic) ?? qualifying.FirstOrDefault()) is not { } near)
        {
            return services;
        }

        preferred = near.ServiceId;
        return [near with { Confidence = Math.Max(near.Confidence, Confident), Relative = 1 },
            .. services.Where(h => h != near).Select(h => h with { Relative = Math.Min(h.Relative, Close) })];
    }

    /// <summary>
    /// The service an aspect question is about while an offer stands: the chat's, unless the message clearly names
    /// another one (a confident search hit).
    /// </summary>
    private async Task<string?> FollowUpTopicAsync(string aspect, string lower, string language, DialogueState state, CancellationToken ct)
    {
        var current = state.FollowUpService;
        if (Aspects.IsFollowUp(lower))
        {
            return current;
        }

        // Without a topic yet ("es geht um meine Einbürgerung …" after asking for a person), a plausible hit will do.
        var search = await knowledge.SearchAsync(Aspects.Without(aspect, lower), language, ct);
        var top = search?.Hits.FirstOrDefault(h => h.Kind == HitKinds.Service);
        return top is not null && top.ServiceId != current && top.Confidence >= (current is null ? Unsure : Confident)
            && search!.Hits.Where(h => h.Kind == HitKinds.Service).All(h => h.ServiceId != current) ? top.ServiceId : current;
    }

    /// <summary>
    /// The chat's state with the service a message names as its topic (its department then receives a hand-over); the
    /// state as it was when the message names none clearly, or only vaguely while the chat has a topic.
    /// </summary>
    private async Task<DialogueState> NamedServiceAsync(string text, string language, DialogueState state, CancellationToken ct)
    {
        var search = await knowledge.SearchAsync(text, language, ct);
        var top = search?.Hits.FirstOrDefault(h => h.Kind == HitKinds.Service);
        if (top is null || top.Confidence < Unsure || state.FollowUpService is not null && top.Confidence < Confident)
        {
            return state;
        }

        var details = await knowledge.DetailsAsync(top.ServiceId, language, ct);
        return details is { Found: true } ? About(state, details, Aspects.Overview) : state;
    }

    private DateOnly Today() => DateOnly.FromDateTime(Shared.Calendar.MunichCalendar.ToLocal(clock.GetUtcNow()));

    /// <summary>
    /// The answer to one aspect of a service (its fees, documents, processing time, …): short and precise, with the
    /// offer of more. "And for my child?" answers the related service for children.
    /// </summary>
    public async Task<BotTurn> AspectAsync(string serviceId, string aspect, string language, DialogueState state, CancellationToken ct, DateOnly? day = null, int hour = 10)
    {
        // Opening hours on a given day: the status at ten in the morning of that day (today: now).
        var at = aspect == Aspects.OpeningHours ? OpeningInstant(day, hour) : null;
        var (details, refused) = await DetailsOrRefusalAsync(serviceId, language, ct, at);
        if (hour == Understanding.ClosingHour && at is not null && details?.Locations is [{ OpenNow: false }, ..])
        {
            // Asked until when it is open on a day it is closed in the afternoon: the morning's hours.
            at = OpeningInstant(day);
            (details, refused) = await DetailsOrRefusalAsync(serviceId, language, ct, at);
        }
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

            var related = await AnswerServiceAsync(child.ServiceId, language, state, signedIn: false, ct);
            return related with { Reply = related.Reply with { Understood = new(Topic: child.ServiceId, Aspect: aspect) } };
        }

        state = About(state, details, aspect);
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
                text = Where(place, language);
                blocks.Add(new FactsBlock([new Fact(T(language, "block.address"), place.Address)]));
                blocks.Add(OpeningOf(place));
                break;
            case Aspects.OpeningHours when place is not null && at is { } then:
                text = OpeningOn(place, language, then);
                blocks.Add(OpeningOf(place));
                break;
            case Aspects.OpeningHours when place is not null:
                text = Opening(place, language);
                blocks.Add(OpeningOf(place));
                break;
            case Aspects.Responsible:
                text = T(language, "aspect.responsible", ("title", title), ("department", details.DepartmentName ?? details.DepartmentId));
                blocks.Add(new FactsBlock([new Fact(T(language, "block.responsible"), details.DepartmentName ?? details.DepartmentId ?? "")]));
                break;
            case Aspects.Deadline when details.Deadline is { } deadline:
                text = T(language, "aspect.deadline", ("title", title), ("deadline", Deadline(deadline, language, "").Trim()));
                blocks.Add(new FactsBlock([new Fact(T(language, "block.deadline"), Deadline(deadline, language, "").Trim())]));
                break;
            case Aspects.Deadline when details.ProcessingTime is { } time:
                // No legal deadline: what it takes is what the citizen needs to plan with.
                text = T(language, "aspect.processingTime", ("title", title), ("time", time));
                blocks.Add(new FactsBlock([new Fact(T(language, "block.processingTime"), time)]));
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
    private static BotTurn Offer(string language, DialogueState state, bool signedIn, string reason)
    {
        var name = state.Department is { } department ? department.Name ?? department.Id : T(language, "handover.triage");
        var signIn = signedIn ? "" : T(language, "handover.signInNote");
        var reply = Say(language, "handover.offer", ("department", name), ("signIn", signIn));
        var actions = new List<ChatAction> { new(ConsentYes, T(language, "action.passOn")), new(ConsentNo, T(language, "action.no")) };
        return new BotTurn(reply with { Actions = actions, Understood = new("handover-offer", state.Topic?.Name) }, state with { PendingEscalation = reason, UnclearTurns = 0 });
    }

    /// <summary>The state once the bot answered about a service: its topic, the aspect, its department for a hand-over.</summary>
    private static DialogueState About(DialogueState state, ServiceDetails details, string aspect) => state with
    {
        Topic = new Topic(TopicKinds.Service, details.ServiceId),
        Aspect = aspect,
        Department = details.DepartmentId is { } id ? new DepartmentRef(id, details.DepartmentName) : state.Department,
        Nearby = [.. new[] { details.ServiceId }.Concat(details.Related?.Select(r => r.ServiceId) ?? []).Concat(state.Life?.Services ?? []).Distinct()],
        UnclearTurns = 0,
    };

    /// <summary>
    /// What the answer says about its language: for a language the bot only recognises, once per chat a sentence in it
    /// that the answer is in English (and, where the responsible department has a colleague who speaks it, the offer to
    /// pass the question on); for catalog texts the citizen's language lacks, a sentence that the German or English text
    /// follows; for a translation not reviewed yet, once per chat that the German text is binding.
    /// </summary>
    private static BotTurn Notices(BotTurn turn, string language, string detected)
    {
        var (reply, state) = (turn.Reply, turn.State);
        var before = new List<string>();
        var after = new List<string>();
        var actions = reply.Actions;
        if (detected != language && state.OtherLanguageNoticed != detected)
        {
            before.Add(T(detected, "language.inEnglish"));
            state = state with { OtherLanguageNoticed = detected };
            if (turn.Service is { DepartmentLanguages: { } spoken } offered && spoken.Contains(detected) && actions.Count == 0 && turn.Escalate is null)
            {
                after.Add(T(detected, "language.colleague", ("department", offered.DepartmentName ?? offered.DepartmentId)));
                actions = [new ChatAction(ConsentYes, T(language, "action.passOn")), new ChatAction(ConsentNo, T(language, "action.no"))];
                state = state with { PendingEscalation = "language" };
            }
        }

        if (turn.Service is { TextLanguage: { } shown } details && detected == language && shown != language && SupportedLanguages.Find(language)?.VoiceOf != shown)
        {
            after.Add(T(language, $"translation.missing.{shown}"));
        }
        else if (turn.Service is { Translation: "draft" } && !state.DraftNoticed)
        {
            after.Add(T(language, "translation.draft"));
            state = state with { DraftNoticed = true };
        }

        if (before.Count == 0 && after.Count == 0)
        {
            return turn;
        }

        var text = string.Join("\n\n", [.. before, reply.Text, .. after]);
        return turn with { Reply = reply with { Text = text, Actions = actions }, State = state };
    }

    private async Task<BotTurn> AnswerServiceAsync(string serviceId, string language, DialogueState state, bool signedIn, CancellationToken ct)
    {
        var (details, refused) = await DetailsOrRefusalAsync(serviceId, language, ct);
        if (details is null)
        {
            return new BotTurn(refused!, state);
        }

        state = About(state, details, Aspects.Overview);

        var text = new StringBuilder();
        if (details.Sensitive)
        {
            // Serious topics (a death, social benefits, a complaint): a considerate first sentence, no Munich jokes.
            text.Append(SeriousOpening(details, language)).Append(' ');
        }

        text.Append(T(language, "service.responsible", ("title", details.Title), ("department", details.DepartmentName ?? details.DepartmentId)));
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
            var offer = Offer(language, state, signedIn, "individual-handling");
            return offer with
            {
                Reply = offer.Reply with
                {
                    Text = answer.Text + "\n\n" + offer.Reply.Text,
                    Blocks = answer.Blocks,
                    Understood = new("handover-offer", details.ServiceId, "overview"),
                },
                Service = details,
            };
        }

        return new BotTurn(answer, state, Service: details);
    }

    /// <summary>The service's details in the chat's catalog language, or what to say when there are none (catalog away, unknown service).</summary>
    private async Task<(ServiceDetails? Details, BotReply? Refused)> DetailsOrRefusalAsync(string serviceId, string language, CancellationToken ct, DateTimeOffset? at = null) =>
        await knowledge.DetailsAsync(serviceId, language, ct, at) switch
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
            blocks.Add(OpeningOf(place));
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
        var day = local?.ToString(language == "en" ? "dddd d MMMM" : "dddd, d. MMMM", Culture(language));
        var key = (place.OpenNow, local is null, today) switch
        {
            (true, _, _) => "opening.openUntil",
            (false, true, _) => "opening.closed",
            (false, false, true) => "opening.closedToday",
            _ => "opening.closedUntilDay",
        };
        return T(language, key, ("place", place.Name), ("time", time), ("day", day)) + (place.AppointmentOnly ? T(language, "opening.appointmentOnly") : "");
    }

    /// <summary>A place's opening status as a block: open until, or closed until.</summary>
    private static OpeningBlock OpeningOf(LocationStatus place) =>
        new(place.LocationId, place.OpenNow, place.OpenNow ? place.NextChange : null, place.OpenNow ? null : place.NextChange);

    /// <summary>Where a place is, how to get there by public transport, and whether it can be reached without steps.</summary>
    private static string Where(LocationStatus place, string language) =>
        T(language, "aspect.where", ("place", place.Name), ("address", place.Address))
        + (place.PublicTransport is { } transport ? T(language, "aspect.where.transport", ("transport", transport)) : "")
        + T(language, place.StepFreeAccess switch { true => "aspect.where.stepFree", false => "aspect.where.steps", null => "aspect.where.stepFreeUnknown" });

    /// <summary>The instant to ask a place's opening status for: the hour asked (ten by default) of the day asked; null for now (no day, or that time has passed).</summary>
    private DateTimeOffset? OpeningInstant(DateOnly? day, int hour = 10) =>
        day is { } asked && Shared.Calendar.MunichCalendar.ToInstant(asked, new TimeOnly(hour, 0)) is var at && at > clock.GetUtcNow() ? at : null;

    /// <summary>A place the citizen names ("wo ist das KVR?", "hat das Fundbüro morgen offen?"): where it is, or its opening hours.</summary>
    private async Task<BotTurn> PlaceAsync(string locationId, string aspect, string language, DialogueState state, DateOnly? day, CancellationToken ct, int hour = 10)
    {
        var at = aspect == Aspects.OpeningHours ? OpeningInstant(day, hour) : null;
        var found = await knowledge.LocationAsync(locationId, language, ct, at);
        if (hour == Understanding.ClosingHour && at is not null && found?.Status is { OpenNow: false })
        {
            // Asked until when it is open on a day it is closed in the afternoon: the morning's hours.
            at = OpeningInstant(day);
            found = await knowledge.LocationAsync(locationId, language, ct, at);
        }
        if (found?.Status is not { } place)
        {
            return new BotTurn(found is null ? Unavailable(language) : Say(language, "unclear"), state);
        }

        var text = aspect == Aspects.OpeningHours ? at is { } then ? OpeningOn(place, language, then) : Opening(place, language) : Where(place, language);
        var blocks = new List<MessageBlock>
        {
            new HeadingBlock(place.Name),
            new FactsBlock([new Fact(T(language, "block.address"), place.Address)]),
            OpeningOf(place),
        };
        var topic = new Topic(TopicKinds.Location, place.LocationId);
        return new BotTurn(new BotReply(text + T(language, "aspect.more"), language, [], blocks, new Understood(Topic: topic.Name, Aspect: aspect)),
            state with { Topic = topic, Aspect = aspect, UnclearTurns = 0 });
    }

    /// <summary>Whether a place is open at ten on the day asked about, and until when (or from when).</summary>
    private static string OpeningOn(LocationStatus place, string language, DateTimeOffset at)
    {
        var culture = Culture(language);
        var day = TimeZoneInfo.ConvertTime(at, Shared.Calendar.MunichCalendar.TimeZone).ToString("dddd", culture);
        var local = place.NextChange is { } change ? TimeZoneInfo.ConvertTime(change, Shared.Calendar.MunichCalendar.TimeZone) : (DateTimeOffset?)null;
        var sameDay = local is not null && local.Value.Date == TimeZoneInfo.ConvertTime(at, Shared.Calendar.MunichCalendar.TimeZone).Date;
        var key = (place.OpenNow, sameDay) switch
        {
            (true, _) => "opening.onDay.open",
            (false, true) => "opening.onDay.later",
            _ => "opening.onDay.closed",
        };
        return T(language, key, ("place", place.Name), ("day", day), ("time", local?.ToString("HH:mm", CultureInfo.InvariantCulture)))
            + (place.AppointmentOnly ? T(language, "opening.appointmentOnly") : "");
    }

    private static BotReply Unavailable(string language) => Say(language, "catalog.unavailable");

    /// <summary>A fixed text of the text table in the chat's language (English for the languages the bot only recognises).</summary>
    /// <summary>How dates are written for a reader of <paramref name="language"/> (its culture in the one language list; German otherwise).</summary>
    internal static CultureInfo Culture(string language) =>
        CultureInfo.GetCultureInfo((SupportedLanguages.Find(language) ?? SupportedLanguages.Find(SupportedLanguages.German)!).Culture);

    internal static string T(string language, string key, params (string Name, object? Value)[] values) => TextTable.Shipped.Get(language, key, values);

    /// <summary>A reply of one fixed text.</summary>
    internal static BotReply Say(string language, string key, params (string Name, object? Value)[] values) => new(T(language, key, values), language);

    /// <summary>A reply of one fixed text with quick replies, each label a key of the text table.</summary>
    internal static BotReply Ask(string language, string key, (string Name, object? Value)[] values, params (string Id, string LabelKey)[] actions) =>
        new(T(language, key, values), language, [.. actions.Select(a => new ChatAction(a.Id, T(language, a.LabelKey)))]);

    /// <summary>"ja", "jo", "passt scho", "yes" … at the start of a message.</summary>
    public static bool IsYes(string lower) =>
        Yes().IsMatch(lower) && !(WeakYes().Match(lower) is { Success: true } weak && Understanding.IsOnlyThanks(lower[weak.Length..]));

    /// <summary>The wish to talk to a person ("mit einem Menschen reden", "поговорить с сотрудником", "بدي احكي مع موظف").</summary>
    public static bool WantsPerson(string lower) => PersonWanted().IsMatch(lower);

    /// <summary>"nein", "na", "no" … at the start of a message.</summary>
    internal static bool IsNo(string lower) => No().IsMatch(lower);

    [GeneratedRegex(@"^\s*(ja|jo|jawohl|yes|yep|ok|okay|passt( scho)?|gern|gerne|freilich|sure|bitte|evet|так|да|نعم|tamam|olur|tabii|tabi|elbette|hadi|" +
        @"ba[şs]layal[ıi]m|kabul|" +
        @"добре|гаразд|звісно|звичайно|авжеж|давай\w*|хорошо|ладно|конечно|отлично|чудово|окей|ок|согласен|згоден|згодна|" +
        @"تمام|ماشي|أكيد|اكيد|طيب|يلا|أيوه|ايوه|ايوا|أيوا|اه|آه|زين|حاضر|موافق|موافقة|بالتأكيد|اوكي|أوكي)(\b|\s|$|[،,!.])")]
    private static partial Regex Yes();

    [GeneratedRegex(@"^\s*(nein|na|naa|no|nope|ned|lieber nicht|no thanks|hayır|hayir|gerek yok|istemiyorum|ні|нет|لا|не треба|не потрібно|не надо|не нужно|краще ні|" +
        @"лучше не|لأ|مش لازم|ما بدي|" +
        @"لا شكرا|مو لازم)(\b|\s|$|[،,!.])")]
    private static partial Regex No();

    [GeneratedRegex(@"\b(mitarbeiter\w*|sachbearbeiter\w*|mensch(en|n)?|echte[nr]? person|eine person|human|real person|an agent|someone real|a person|" +
        @"persönlich (sprechen|reden)|wen zum redn|a mensch|mit jemand\w*|jemand\w* (sprechen|reden|besprechen)|talk to (someone|somebody|anyone|a human)|" +
        @"anyone i can (actually )?(talk|speak) to|speak (to|with) (someone|somebody|a person)|someone (i|to) (can )?talk to)\b" +
        @"|\b(biri(si)?yle (konu[şs]|g[öo]r[üu][şs])\w*|g[öo]revli\w* (ile |biriyle )?(konu[şs]|g[öo]r[üu][şs])\w*|yetkili\w* (ile )?(konu[şs]|g[öo]r[üu][şs])\w*|" +
        @"ger[çc]ek bir insan\w*|bir insanla\w*|memurla (konu[şs]|g[öo]r[üu][şs])\w*|temsilci\w*)\b" +
        @"|\b(з (живою )?людиною|з (живим )?(працівником|співробітником|консультантом|спеціалістом)|поговорити з ким(ось|-небудь)|живий (працівник|співробітник)|" +
        @"с (живым )?(человеком|сотрудником|оператором|специалистом|консультантом)|поговорить с кем(-то|-нибудь)|живой (сотрудник|оператор)|" +
        @"поговорити з \w+ (із|з) \w+|поговорить с \w+ из \w+|з ким(ось|-небудь) (\w+ )?поговорити|с кем(-то|-нибудь) (\w+ )?поговорить)\b" +
        @"|" + ArabicWords.Start + @"(موظف|موظفة|شخص حقيقي|حدا حقيقي|إنسان حقيقي|انسان حقيقي|احكي مع (حدا|موظف|شخص)|أحكي مع (حدا|موظف|شخص)|أتكلم مع (موظف|حدا|شخص)|" +
        @"اتكلم مع (موظف|حدا|شخص)|تحولني|حولني|تحوّلني)" + ArabicWords.End)]
    private static partial Regex PersonWanted();

    [GeneratedRegex(@"\b(servus|hallo|grüß gott|griaß di|griass di|grüß dich|moin|hi|hello|guten (morgen|tag|abend)|привіт|вітаю|добрий день|доброго дня|привет|" +
        @"здравствуйте|добрый день|доброе утро|добрий вечір|добрый вечер)\b[,!.]*" +
        @"|" + ArabicWords.Start + @"(مرحبا|مرحبًا|مرحباً|السلام عليكم|أهلا|اهلا|أهلين|هاي|صباح الخير|مساء الخير)" + ArabicWords.End + @"[,!.،]*")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Letter();

    /// <summary>"ok", "tamam", "добре" …: a yes that, followed by thanks alone ("ok, danke"), is thanks, not the start of something.</summary>
    [GeneratedRegex(@"^\W*(ok|okay|gut|passt|tamam|olur|peki|добре|гаразд|хорошо|ладно|ок|طيب|تمام|ماشي)\W+")]
    private static partial Regex WeakYes();
}
