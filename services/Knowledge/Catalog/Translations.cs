using MucGov.Shared.Languages;

namespace MucGov.Knowledge.Catalog;

/// <summary>The texts of one catalog entity that are translated, by field, and its synonyms.</summary>
public sealed record TranslatableParts(string Kind, string Id, IReadOnlyList<(string Field, LocalizedText Text)> Texts, Synonyms? Synonyms,
    IReadOnlyDictionary<string, TranslationStatus>? Statuses)
{
    /// <summary>The fields that have German text and none in <paramref name="language"/>.</summary>
    public IReadOnlyList<string> MissingIn(string language) => [.. Texts.Where(t => t.Text.Has(SupportedLanguages.German) && !t.Text.Has(language)).Select(t => t.Field)];

    /// <summary>Whether any text is translated into <paramref name="language"/>.</summary>
    public bool HasAny(string language) => Texts.Any(t => t.Text.Has(language));

    /// <summary>What this entity says in <paramref name="language"/> and in German (its original), to see whether a translation or its original changed.</summary>
    public string Fingerprint(string language) =>
        string.Join('\u001f', Texts.Select(t => $"{t.Field}={t.Text.De}\u001e{t.Text.GetValueOrDefault(language)}")
            .Concat((Synonyms?.GetValueOrDefault(language) ?? []).Select(s => $"~{s}")));

    /// <summary>
    /// <c>missing</c> when a text has no <paramref name="language"/> version, otherwise the translation's status
    /// (<c>draft</c> unless an editor reviewed it).
    /// </summary>
    public string StatusIn(string language) =>
        MissingIn(language).Count > 0 ? Translations.Missing : Statuses?.GetValueOrDefault(language)?.Status ?? TranslationStatus.Draft;
}

/// <summary>
/// Translation status of the catalog. German is the original and binding; every other language is a translation that
/// starts as <c>draft</c> (whoever wrote it: a developer, an import, an editor's PUT) and becomes <c>reviewed</c> only by
/// an editor's review call, which is audited. A reviewed translation stays reviewed while its texts stay the same.
/// </summary>
public static class Translations
{
    public const string Missing = "missing";

    /// <summary>The kinds of entities that carry texts.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["service", "life-situation", "location", "department"];

    /// <summary>The languages German texts are translated into: every supported one but German and its voices.</summary>
    public static IReadOnlyList<string> Targets { get; } =
        [.. SupportedLanguages.All.Where(l => l.Code != SupportedLanguages.German && l.VoiceOf != SupportedLanguages.German).Select(l => l.Code)];

    public static TranslatableParts Parts(ServiceEntry s)
    {
        var texts = new List<(string, LocalizedText)> { ("title", s.Title), ("summary", s.Summary) };
        if (s.Description is { } description && description.Has(SupportedLanguages.German))
        {
            texts.Add(("description", description));
        }

        texts.AddRange(s.Documents.Select((d, i) => ($"documents[{i}]", d)));
        texts.AddRange(s.Fees.Select((f, i) => ($"fees[{i}]", f)));
        if (s.ProcessingTime is { } time)
        {
            texts.Add(("processingTime", time));
        }

        texts.AddRange(s.Checklist.Select((c, i) => ($"checklist[{i}]", c)));
        if (s.Procedure is { } procedure)
        {
            texts.Add(("procedure.confirmation", procedure.Confirmation));
            foreach (var field in procedure.Fields)
            {
                texts.Add(($"procedure.fields.{field.Name}.label", field.Label));
                texts.Add(($"procedure.fields.{field.Name}.prompt", field.Prompt));
            }
        }

        return new("service", s.Id, texts, s.Synonyms, s.Translations);
    }

    public static TranslatableParts Parts(LifeSituationEntry l)
    {
        var texts = new List<(string, LocalizedText)> { ("title", l.Title), ("summary", l.Summary) };
        for (var i = 0; i < l.Steps.Count; i++)
        {
            if (l.Steps[i].Note is { } note)
            {
                texts.Add(($"steps[{i}].note", note));
            }

            if (l.Steps[i].Condition is { } condition)
            {
                texts.Add(($"steps[{i}].condition.question", condition.Question));
            }
        }

        return new("life-situation", l.Id, texts, l.Synonyms, l.Translations);
    }

    public static TranslatableParts Parts(LocationEntry l)
    {
        var texts = new List<(string, LocalizedText)> { ("name", l.Name) };
        if (l.PublicTransport is { } transport)
        {
            texts.Add(("publicTransport", transport));
        }

        texts.AddRange((l.Exceptions ?? []).Where(e => e.Note is not null).Select(e => ($"exceptions.{e.Date:yyyy-MM-dd}.note", e.Note!)));
        return new("location", l.Id, texts, null, l.Translations);
    }

    public static TranslatableParts Parts(DepartmentEntry d) => new("department", d.Id, [("name", d.Name)], null, d.Translations);

    /// <summary>
    /// The statuses an entity keeps when it is written: for each language it has text in, <c>reviewed</c> only where the
    /// stored entity was reviewed and its texts in that language are unchanged, otherwise <c>draft</c> — whatever the
    /// written entity claims. Null when nothing is translated.
    /// </summary>
    public static IReadOnlyDictionary<string, TranslationStatus>? Settle(TranslatableParts written, TranslatableParts? stored)
    {
        var settled = new Dictionary<string, TranslationStatus>(StringComparer.Ordinal);
        foreach (var language in Targets.Where(written.HasAny))
        {
            var kept = stored?.Statuses?.GetValueOrDefault(language);
            settled[language] = kept is { Status: TranslationStatus.Reviewed } && stored!.Fingerprint(language) == written.Fingerprint(language)
                ? kept
                : TranslationStatus.Drafted;
        }

        return settled.Count == 0 ? null : settled;
    }

    public static ServiceEntry Settled(ServiceEntry written, ServiceEntry? stored) =>
        written with { Translations = Settle(Parts(written), stored is null ? null : Parts(stored)) };

    public static LifeSituationEntry Settled(LifeSituationEntry written, LifeSituationEntry? stored) =>
        written with { Translations = Settle(Parts(written), stored is null ? null : Parts(stored)) };

    public static LocationEntry Settled(LocationEntry written, LocationEntry? stored) =>
        written with { Translations = Settle(Parts(written), stored is null ? null : Parts(stored)) };

    public static DepartmentEntry Settled(DepartmentEntry written, DepartmentEntry? stored) =>
        written with { Translations = Settle(Parts(written), stored is null ? null : Parts(stored)) };

    /// <summary>The same entity's statuses with <paramref name="language"/> reviewed by <paramref name="reviewer"/>.</summary>
    public static IReadOnlyDictionary<string, TranslationStatus> Reviewed(IReadOnlyDictionary<string, TranslationStatus>? statuses, string language,
        string reviewer, DateTimeOffset at) =>
        new Dictionary<string, TranslationStatus>(statuses ?? new Dictionary<string, TranslationStatus>(), StringComparer.Ordinal)
        {
            [language] = new(TranslationStatus.Reviewed, reviewer, at),
        };
}
