namespace MucGov.Conversation.Bot;

/// <summary>
/// The edges of an Arabic word in the bot's patterns. An Arabic word may carry its clitics "and", "so", "with", "for" and
/// the article ("وبكام", "والمكتب"), so it begins after no letter with those allowed, where a Latin or Cyrillic word takes
/// the plain word boundary.
/// </summary>
internal static class ArabicWords
{
    /// <summary>Where an Arabic word begins; "for the" is written "لل" ("للكرسي"), the article's alef dropped after "ل".</summary>
    internal const string Start = @"(?<!\p{L})(?:[وفبل]?(?:ال)?|[وف]?لل)";

    /// <summary>Where an Arabic word ends.</summary>
    internal const string End = @"(?!\p{L})";
}
