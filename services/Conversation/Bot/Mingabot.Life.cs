using MucGov.Contracts.Knowledge;
using MucGov.Conversation.Chats;

namespace MucGov.Conversation.Bot;

/// <summary>Life situations: the checklist, walking it step by step, and narrowing it to what applies to the citizen.</summary>
public sealed partial class Mingabot
{
    public const string Checklist = "checklist";
    public const string Step = "step";

    /// <summary>A life situation's checklist (after a death with condolence first); the chat walks it from here.</summary>
    private async Task<BotTurn> ChecklistAsync(string id, string language, DialogueState state, bool condolence, CancellationToken ct)
    {
        var (life, refused) = await LifeOrRefusalAsync(id, language, ct);
        if (life?.Steps is not { Count: > 0 } steps)
        {
            return new BotTurn(refused ?? Say(language, "unclear"), state);
        }

        var title = life.Title ?? id;
        var lines = steps.Select(s => s.Title + Deadline(s.Deadline, language, " – ") + (s.ConditionKey is null ? "" : T(language, "life.conditional"))).ToList();
        var opening = condolence ? T(language, "sensitive.condolence") + "\n\n" : life.Sensitive ? T(language, "sensitive.death") + " " : "";
        var text = opening + T(language, "life.checklist", ("title", title), ("count", steps.Count)) + "\n"
            + string.Join("\n", lines.Select((line, i) => $"{i + 1}. {line}")) + "\n\n" + T(language, "life.walkHint");
        var reply = new BotReply(text, language, [], [new HeadingBlock(title), new ListBlock(true, lines)],
            new Understood(condolence ? "condolence" : null, "life:" + id, Checklist));
        var walk = state.Life is { } earlier && earlier.Id == id ? earlier with { Step = 0 } : new LifeWalk(id);
        return new BotTurn(reply, state with
        {
            Topic = new Topic(TopicKinds.LifeSituation, id),
            Aspect = Checklist,
            Life = walk with { StepService = steps[0].ServiceId, Services = [.. steps.Select(s => s.ServiceId).Distinct()] },
            Nearby = [.. steps.Select(s => s.ServiceId).Distinct()],
            UnclearTurns = 0,
            Sensitive = state.Sensitive || life.Sensitive,
        });
    }

    /// <summary>
    /// A message about the checklist being walked: "weiter", "Schritt 3", "was davon gilt für mich?", or facts that
    /// decide steps ("wir haben einen Hund, aber kein Auto"). Null when the message is about something else.
    /// </summary>
    private async Task<BotTurn?> WalkAsync(string lower, string? aspect, LifeWalk walk, string language, DialogueState state, CancellationToken ct)
    {
        if (Understanding.StepNumber(lower) is { } number && Understanding.IsShort(lower))
        {
            return await StepAsync(walk, number, language, state, ct);
        }

        if (Understanding.WantsNextStep(lower))
        {
            return await StepAsync(walk, walk.Step + 1, language, state, ct);
        }

        // The checklist is only fetched for a message about its conditions, not for every turn while it is remembered.
        var asksWhich = Understanding.AsksWhichApply(lower);
        if (!asksWhich && (aspect is not null || !Understanding.MentionsFacts(lower)))
        {
            return null;
        }

        var (life, refused) = await LifeOrRefusalAsync(walk.Id, language, ct);
        if (life?.Steps is not { Count: > 0 } steps)
        {
            return refused is null ? null : new BotTurn(refused, state);
        }

        if (asksWhich)
        {
            var questions = steps.Where(s => s.ConditionQuestion is not null).Select(s => s.ConditionQuestion!).Distinct().ToList();
            var text = questions.Count == 0
                ? T(language, "life.allApply", ("title", life.Title))
                : T(language, "life.askConditions") + "\n" + string.Join("\n", questions.Select(q => "– " + q));
            var blocks = questions.Count == 0 ? null : new List<MessageBlock> { new ListBlock(false, questions) };
            return new BotTurn(new BotReply(text, language, [], blocks, new Understood("ask-condition", "life:" + walk.Id)),
                state with { Life = walk with { ConditionsAsked = true } });
        }

        // Facts only from a statement ("wir haben einen Hund"), not from a question about an aspect ("was kostet die Abmeldung vom Auto?").
        var facts = Understanding.Facts(lower, steps.Where(s => s.ConditionKey is not null).Select(s => s.ConditionKey!));
        return facts.Count == 0 ? null : Narrowed(life, steps, walk, facts, language, state);
    }

    /// <summary>What applies to the citizen given what they said: the conditional steps that apply, and which fall away.</summary>
    private static BotTurn Narrowed(
        LifeSituationDetails life, IReadOnlyList<LifeSituationStepInfo> steps, LifeWalk walk, IReadOnlyDictionary<string, bool> said, string language, DialogueState state)
    {
        var facts = new Dictionary<string, bool>(walk.Facts, StringComparer.Ordinal);
        foreach (var (key, holds) in said)
        {
            facts[key] = holds;
        }

        var applying = steps.Where(s => s.ConditionKey is { } key && facts.GetValueOrDefault(key)).ToList();
        var dropped = steps.Where(s => s.ConditionKey is { } key && facts.TryGetValue(key, out var holds) && !holds).Select(s => s.Title).Distinct().ToList();
        var text = applying.Count > 0
            ? T(language, "life.applies") + "\n" + string.Join("\n", applying.Select(s => "– " + s.Title + (s.Note is { } note ? ": " + note : "")))
            : T(language, "life.appliesNone", ("first", steps.First(s => s.ConditionKey is null).Title));
        if (dropped.Count > 0)
        {
            text += "\n" + T(language, "life.dropped", ("steps", string.Join(", ", dropped)));
        }

        // The step the citizen just told about comes first ("I also have a Canadian licence" → the licence, not an earlier fact's step).
        var focus = applying.FirstOrDefault(s => said.GetValueOrDefault(s.ConditionKey!)) ?? applying.FirstOrDefault() ?? steps.First(s => s.ConditionKey is null);
        var blocks = new List<MessageBlock> { new ListBlock(false, [.. (applying.Count > 0 ? applying : [focus]).Select(s => s.Title)]) };
        return new BotTurn(new BotReply(text, language, [], blocks, new Understood("facts", focus.ServiceId)), state with
        {
            Topic = new Topic(TopicKinds.Service, focus.ServiceId),
            Aspect = Aspects.Overview,
            Life = walk with { Facts = facts, ConditionsAsked = true },
        });
    }

    /// <summary>One step of the checklist: its service, what to mind, its deadline, and whom it concerns.</summary>
    private async Task<BotTurn> StepAsync(LifeWalk walk, int number, string language, DialogueState state, CancellationToken ct)
    {
        var (life, refused) = await LifeOrRefusalAsync(walk.Id, language, ct);
        if (life?.Steps is not { Count: > 0 } steps)
        {
            return new BotTurn(refused ?? Say(language, "unclear"), state);
        }

        var title = life.Title ?? walk.Id;
        if (number > steps.Count)
        {
            return new BotTurn(Say(language, "life.done", ("title", title), ("count", steps.Count)) with
            {
                Understood = new(Topic: "life:" + walk.Id, Aspect: Step, Step: steps.Count),
            }, state with { Topic = new Topic(TopicKinds.LifeSituation, walk.Id) });
        }

        var step = steps[number - 1];
        var text = T(language, "life.step", ("number", number), ("count", steps.Count), ("title", step.Title))
            + (step.Note is { } note ? " " + note : "")
            + Deadline(step.Deadline, language, " ") + (step.Deadline is null ? "" : ".")
            + (step.ConditionQuestion is { } question ? " " + T(language, "life.stepCondition", ("question", question)) : "")
            + "\n\n" + T(language, number < steps.Count ? "life.nextHint" : "life.lastStep");
        var blocks = new List<MessageBlock> { new HeadingBlock($"{number}. {step.Title}") };
        if (step.Deadline is { } deadline)
        {
            blocks.Add(new FactsBlock([new Fact(T(language, "block.deadline"), Deadline(deadline, language, "").Trim())]));
        }

        return new BotTurn(new BotReply(text, language, [], blocks, new Understood(Topic: "life:" + walk.Id, Aspect: Step, Step: number)), state with
        {
            Topic = new Topic(TopicKinds.LifeSituation, walk.Id),
            Aspect = Step,
            Life = walk with { Step = number, StepService = step.ServiceId },
            UnclearTurns = 0,
        });
    }

    /// <summary>"Frist: 2 Wochen nach dem Einzug (§ 17 Abs. 1 BMG)." — a deadline from its data; empty when there is none.</summary>
    private static string Deadline(StepDeadlineInfo? deadline, string language, string separator) => deadline is null
        ? ""
        : separator + T(language, "life.deadline", ("count", Count(deadline.Count, language)),
            ("unit", T(language, $"life.unit.{deadline.Unit}{(deadline.Count == 1 ? ".one" : "")}")), ("event", T(language, $"life.event.{deadline.From}")))
            + (deadline.LegalBasis is { } law ? $" ({law})" : "");

    /// <summary>Small numbers in words in English text ("two weeks"), as figures otherwise.</summary>
    private static string Count(int count, string language) =>
        language == "en" && count is >= 1 and <= 12
            ? ((string[])["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"])[count]
            : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(LifeSituationDetails? Life, BotReply? Refused)> LifeOrRefusalAsync(string id, string language, CancellationToken ct) =>
        await knowledge.LifeSituationAsync(id, language, ct) switch
        {
            null => (null, Unavailable(language)),
            { Found: false } => (null, Say(language, "unclear")),
            var found => (found, null),
        };
}
