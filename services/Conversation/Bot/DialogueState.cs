namespace MucGov.Conversation.Bot;

/// <summary>
/// What a chat remembers between turns, stored as one value with the chat: what it is about, the aspect last asked,
/// the life situation being walked, the department a hand-over would go to, an offer waiting for an answer, the jokes
/// told, and whether a sensitive topic came up (then no more jokes in this chat).
/// </summary>
public sealed record DialogueState
{
    /// <summary>What the chat is about now: a service, a life situation or a location.</summary>
    public Topic? Topic { get; init; }

    /// <summary>The aspect of the topic last asked about (fees, documents, …).</summary>
    public string? Aspect { get; init; }

    /// <summary>The life situation being walked through; kept while one of its steps is the topic, so "step 3" still works.</summary>
    public LifeWalk? Life { get; init; }

    /// <summary>The department a hand-over goes to (the topic's, or the one the case was passed to); triage when none.</summary>
    public DepartmentRef? Department { get; init; }

    /// <summary>The services the bot just asked the citizen to choose between; a typed answer picks among them.</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];

    /// <summary>
    /// Services close to what the chat is about: the topic, its related services, the steps of the checklist being walked.
    /// A search hit among them is taken when it scores nearly as high as the best ("was kostet der vorläufige Ausweis?"
    /// while the lost wallet's checklist is walked means the ID card, not the driving licence).
    /// </summary>
    public IReadOnlyList<string> Nearby { get; init; } = [];

    /// <summary>Citizen turns in a row without a confident answer.</summary>
    public int UnclearTurns { get; init; }

    /// <summary>The reason of an offered hand-over waiting for the citizen's consent.</summary>
    public string? PendingEscalation { get; init; }

    /// <summary>Indexes of the jokes told in this chat (none is told twice).</summary>
    public IReadOnlyList<int> JokesTold { get; init; } = [];

    /// <summary>What the bot understood last turn (<c>smalltalk:joke</c> makes "noch einer!" another joke).</summary>
    public string? LastIntent { get; init; }

    /// <summary>A sensitive topic came up (a death, debt, residence worries, distress): from then on no jokes in this chat.</summary>
    public bool Sensitive { get; init; }

    /// <summary>The state of a new chat.</summary>
    /// <summary>The citizen picked the chat's language (or the account or browser named one): short messages do not change it.</summary>
    public bool LanguageChosen { get; init; }

    /// <summary>The chat was told once that a catalog text is a translation and the German one is binding.</summary>
    public bool DraftNoticed { get; init; }

    /// <summary>The language the bot does not speak that the chat was told it answers in English (once per chat).</summary>
    public string? OtherLanguageNoticed { get; init; }

    public static readonly DialogueState Empty = new();

    /// <summary>
    /// The service a follow-up ("was kostet das?") is about: the topic's, or, while a checklist is the topic, the service of
    /// the step shown (the first one right after the checklist).
    /// </summary>
    public string? FollowUpService => Topic switch
    {
        { Kind: TopicKinds.Service } topic => topic.Id,
        { Kind: TopicKinds.LifeSituation } => Life?.StepService,
        _ => null,
    };
}

/// <summary>What a chat is about.</summary>
/// <param name="Kind">One of <see cref="TopicKinds"/>.</param>
/// <param name="Id">The catalog id of the service, life situation or location.</param>
public sealed record Topic(string Kind, string Id)
{
    /// <summary>How answers name it in <c>understood.topic</c>: the service id, <c>life:ID</c> or <c>location:ID</c>.</summary>
    public string Name => Kind switch
    {
        TopicKinds.LifeSituation => "life:" + Id,
        TopicKinds.Location => "location:" + Id,
        _ => Id,
    };
}

/// <summary>The kinds of topic.</summary>
public static class TopicKinds
{
    public const string Service = "service";
    public const string LifeSituation = "life-situation";
    public const string Location = "location";
}

/// <summary>A department by id and display name.</summary>
public sealed record DepartmentRef(string Id, string? Name);

/// <summary>
/// A walk through a life situation's checklist: the step shown last (0 = the checklist itself), what the citizen said
/// about the conditions of steps (car, dog, children …), and whether the bot asked about them.
/// </summary>
public sealed record LifeWalk(string Id, int Step = 0)
{
    /// <summary>The service of the step shown (of the first step while the checklist itself is shown).</summary>
    public string? StepService { get; init; }

    /// <summary>The services of the checklist's steps, in order.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    public IReadOnlyDictionary<string, bool> Facts { get; init; } = new Dictionary<string, bool>();

    public bool ConditionsAsked { get; init; }
}
