using System.Text.Json.Serialization;

namespace MucGov.Conversation.Chats;

/// <summary>
/// A structured part of a bot message, beside its complete plain <c>text</c>: pages render blocks (never HTML from
/// data); clients that do not know a type show the text. The shape is the design's: heading, list, facts, opening, links.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeadingBlock), "heading")]
[JsonDerivedType(typeof(ListBlock), "list")]
[JsonDerivedType(typeof(FactsBlock), "facts")]
[JsonDerivedType(typeof(OpeningBlock), "opening")]
[JsonDerivedType(typeof(LinksBlock), "links")]
public abstract record MessageBlock;

/// <summary>A short heading (a service's or life situation's title).</summary>
public sealed record HeadingBlock(string Text) : MessageBlock;

/// <summary>A list of lines: documents, fees, the steps of a checklist (<paramref name="Ordered"/>).</summary>
public sealed record ListBlock(bool Ordered, IReadOnlyList<string> Items) : MessageBlock;

/// <summary>Label and value pairs: fee, processing time, appointment, responsible office.</summary>
public sealed record FactsBlock(IReadOnlyList<Fact> Items) : MessageBlock;

/// <summary>One label and value.</summary>
public sealed record Fact(string Label, string Value);

/// <summary>A place's opening status at the time of the answer.</summary>
public sealed record OpeningBlock(string LocationId, bool OpenNow, DateTimeOffset? ClosesAt, DateTimeOffset? NextOpening) : MessageBlock;

/// <summary>Links: the online service, booking an appointment, more information, a document.</summary>
public sealed record LinksBlock(IReadOnlyList<Link> Items) : MessageBlock;

/// <summary>One link; <paramref name="Kind"/> is <c>online-service</c>, <c>appointment</c>, <c>info</c> or <c>document</c>.</summary>
public sealed record Link(string Label, string Href, string Kind);

/// <summary>
/// What the bot understood of the citizen's message and did, on its reply: the intent (small talk, a request for a
/// person …), the topic (a service id, <c>life:</c> + a life situation, <c>location:</c> + a place), the aspect asked
/// (fees, documents, …), the checklist step shown, and whether it told a joke. For clients that adapt to it, and for
/// the dialogue set's scorer.
/// </summary>
public sealed record Understood(string? Intent = null, string? Topic = null, string? Aspect = null, int? Step = null, bool Joke = false);
