using System.Text.RegularExpressions;
using MucGov.Shared.Languages;

namespace MucGov.Ticket.Templates;

/// <summary>
/// A department's text template for replies ("Ihr Termin ist bestätigt …"), in one or more languages, with placeholders
/// (<see cref="Placeholders"/>) the console fills for a case. Supervisors of the department manage them; its caseworkers use them.
/// </summary>
public sealed class ReplyTemplate
{
    public Guid Id { get; set; }

    public string DepartmentId { get; set; } = "";

    /// <summary>What caseworkers pick it by; unique within the department.</summary>
    public string Name { get; set; } = "";

    /// <summary>The text per language code; German is always there (the fallback).</summary>
    public Dictionary<string, string> Texts { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Subject id of the supervisor who changed it last.</summary>
    public string UpdatedBy { get; set; } = "";

    /// <summary>Row version (PostgreSQL <c>xmin</c>): two supervisors editing at once collide instead of overwriting.</summary>
    public uint Version { get; set; }
}

/// <summary>The placeholders a template may hold, and filling them for a case.</summary>
public static partial class Placeholders
{
    /// <summary>The citizen's name as passed on with consent; left out (with the space before it) when there is none.</summary>
    public const string Name = "name";

    /// <summary>The case reference, <c>M-2026-000123</c>.</summary>
    public const string Reference = "reference";

    /// <summary>The department's display name.</summary>
    public const string Department = "department";

    /// <summary>The caseworker's own name.</summary>
    public const string Caseworker = "caseworker";

    public static readonly IReadOnlyList<string> All = [Name, Reference, Department, Caseworker];

    /// <summary>The placeholders in <paramref name="text"/> that are not one of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Unknown(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Groups["name"].Value).Where(name => !All.Contains(name)).Distinct()];

    /// <summary>The text with every placeholder filled; a missing value removes the placeholder and the space before it.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string?> values) =>
        PlaceholderPattern().Replace(text, m => values.GetValueOrDefault(m.Groups["name"].Value) is { Length: > 0 } value
            ? m.Groups["space"].Value + value
            : "");

    /// <summary>The template's text for a case in <paramref name="language"/>: that language, its fallbacks, then German.</summary>
    public static (string Language, string Text) For(ReplyTemplate template, string language)
    {
        foreach (var code in SupportedLanguages.Fallbacks(language))
        {
            if (template.Texts.TryGetValue(code, out var text))
            {
                return (code, text);
            }
        }

        var first = template.Texts.First();
        return (first.Key, first.Value);
    }

    [GeneratedRegex(@"(?<space>[ \t]?)\{(?<name>[A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex PlaceholderPattern();
}
