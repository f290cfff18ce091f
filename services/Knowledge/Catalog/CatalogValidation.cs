using System.Text.RegularExpressions;
using MucGov.Shared.Auth;
using MucGov.Shared.Languages;

namespace MucGov.Knowledge.Catalog;

/// <summary>Checks catalog entries before anything is stored.</summary>
public static partial class CatalogValidation
{
    /// <summary>Errors in the entry itself (field → messages): a 400.</summary>
    public static Dictionary<string, string[]> Shape(ServiceEntry? service)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];
        if (service is null)
        {
            Add("", "A service is required.");
            return errors;
        }

        if (service.Id is null || !Slug().IsMatch(service.Id))
        {
            Add("id", "Required: a slug of lowercase letters, digits and hyphens (2–80 characters).");
        }

        CheckText(service.Title, "title", 200, Add);
        CheckText(service.Summary, "summary", 1000, Add);
        CheckText(service.Description, "description", 5000, Add, required: false);
        if (string.IsNullOrWhiteSpace(service.DepartmentId))
        {
            Add("departmentId", "Required.");
        }

        if (service.LeikaKey is not null && !LeikaKey().IsMatch(service.LeikaKey))
        {
            Add("leikaKey", "A LeiKa key has 14 digits.");
        }

        if (service.OnlineTrustLevel is not null && !TrustLevels.All.Contains(service.OnlineTrustLevel))
        {
            Add("onlineTrustLevel", "basic, substantial or high.");
        }

        if (service.OnlineServiceUrl is not null && !(Uri.TryCreate(service.OnlineServiceUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps))
        {
            Add("onlineServiceUrl", "An absolute https address.");
        }

        CheckSynonyms(service.Synonyms, Add);
        CheckTranslations(service.Translations, Add);

        foreach (var (list, name) in new[] { (service.Documents, "documents"), (service.Fees, "fees"), (service.Checklist, "checklist") })
        {
            if (list is null || list.Count > 50)
            {
                Add(name, "A list of at most 50 entries.");
                continue;
            }

            for (var i = 0; i < list.Count; i++)
            {
                CheckText(list[i], $"{name}[{i}]", 1000, Add);
            }
        }

        if (service.LocationIds is null || service.LocationIds.Count == 0)
        {
            Add("locationIds", "At least one location.");
        }

        if (service.Procedure is { } procedure)
        {
            foreach (var (field, message) in Procedure(procedure))
            {
                Add(field, message);
            }
        }

        if (service.Related is { } related)
        {
            if (related.Count > 20)
            {
                Add("related", "At most 20 related services.");
            }

            for (var i = 0; i < Math.Min(related.Count, 20); i++)
            {
                if (related[i] is null || related[i].ServiceId is null || !Slug().IsMatch(related[i].ServiceId) || related[i].ServiceId == service.Id)
                {
                    Add($"related[{i}].serviceId", "The id of another service.");
                }

                if (related[i] is not null && !Relations.All.Contains(related[i].Relation))
                {
                    Add($"related[{i}].relation", $"One of {string.Join(", ", Relations.All)}.");
                }
            }
        }

        return errors;
    }

    /// <summary>Errors in a life situation itself (field → messages): a 400.</summary>
    public static Dictionary<string, string[]> Shape(LifeSituationEntry? situation)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];
        if (situation is null)
        {
            Add("", "A life situation is required.");
            return errors;
        }

        if (situation.Id is null || !Slug().IsMatch(situation.Id))
        {
            Add("id", "Required: a slug of lowercase letters, digits and hyphens (2–80 characters).");
        }

        CheckText(situation.Title, "title", 200, Add);
        CheckText(situation.Summary, "summary", 1000, Add);
        CheckSynonyms(situation.Synonyms, Add);
        CheckTranslations(situation.Translations, Add);

        if (situation.Steps is not { Count: > 0 and <= 20 })
        {
            Add("steps", "Between 1 and 20 steps.");
            return errors;
        }

        var questions = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        for (var i = 0; i < situation.Steps.Count; i++)
        {
            var step = situation.Steps[i];
            var path = $"steps[{i}]";
            if (step is null)
            {
                Add(path, "A step is required.");
                continue;
            }

            if (step.ServiceId is null || !Slug().IsMatch(step.ServiceId))
            {
                Add($"{path}.serviceId", "The id of a service.");
            }

            CheckText(step.Note, $"{path}.note", 1000, Add, required: false);
            if (step.Deadline is { } deadline)
            {
                if (deadline.Count is < 0 or > 365)
                {
                    Add($"{path}.deadline.count", "Between 0 and 365.");
                }

                if (!StepDeadline.Units.Contains(deadline.Unit))
                {
                    Add($"{path}.deadline.unit", $"One of {string.Join(", ", StepDeadline.Units)}.");
                }

                if (!StepDeadline.Events.Contains(deadline.From))
                {
                    Add($"{path}.deadline.from", $"One of {string.Join(", ", StepDeadline.Events)}.");
                }

                if (deadline.LegalBasis is { Length: > 200 })
                {
                    Add($"{path}.deadline.legalBasis", "At most 200 characters.");
                }
            }

            if (step.Condition is { } condition)
            {
                if (condition.Key is null || !Slug().IsMatch(condition.Key))
                {
                    Add($"{path}.condition.key", "A slug naming the fact, e.g. car, dog, children.");
                }

                CheckText(condition.Question, $"{path}.condition.question", 300, Add);
                if (condition.Key is not null && questions.TryGetValue(condition.Key, out var asked) && condition.Question is not null && asked != condition.Question)
                {
                    Add($"{path}.condition.question", $"Steps with the key '{condition.Key}' share one question (it is asked once).");
                }

                if (condition.Key is not null && condition.Question is not null)
                {
                    questions.TryAdd(condition.Key, condition.Question);
                }
            }
        }

        return errors;
    }

    /// <summary>Steps that name services the catalog does not have: a 422.</summary>
    public static Dictionary<string, string[]> References(LifeSituationEntry situation, IReadOnlySet<string> services)
    {
        var unknown = situation.Steps.Where(s => !services.Contains(s.ServiceId)).Select(s => s.ServiceId).Distinct().ToList();
        return unknown.Count == 0 ? [] : new Dictionary<string, string[]> { ["steps"] = [$"Unknown service(s): {string.Join(", ", unknown)}."] };
    }

    /// <summary>Problems of the names people use for a place or a department.</summary>
    public static IEnumerable<string> Aliases(IReadOnlyList<string>? aliases) =>
        aliases is null ? [] :
        aliases.Count > 30 ? ["at most 30 aliases"] :
        aliases.Any(a => string.IsNullOrWhiteSpace(a) || a.Length > 100) ? ["aliases must be non-empty, at most 100 characters"] : [];

    /// <summary>Problems of a procedure definition, as (field path, message).</summary>
    public static IEnumerable<(string Field, string Message)> Procedure(ProcedureEntry procedure)
    {
        if (string.IsNullOrWhiteSpace(procedure.Id) || !Slug().IsMatch(procedure.Id))
        {
            yield return ("procedure.id", "Lowercase letters, digits and dashes.");
        }

        if (!TrustLevels.All.Contains(procedure.TrustLevel))
        {
            yield return ("procedure.trustLevel", "basic, substantial or high.");
        }

        if (procedure.Result == "document" && TrustLevels.Rank(procedure.TrustLevel) < TrustLevels.Rank(TrustLevels.Substantial))
        {
            yield return ("procedure.trustLevel", "A document needs at least substantial: it certifies data of a person whose identity was checked.");
        }

        if (procedure.Result is not ("document" or "case"))
        {
            yield return ("procedure.result", "document (issued at once) or case (an application for the department).");
        }

        var confirmation = new List<string>();
        CheckText(procedure.Confirmation, "procedure.confirmation", 1000, (_, message) => confirmation.Add(message));
        foreach (var message in confirmation)
        {
            yield return ("procedure.confirmation", message);
        }

        if (procedure.Fields is not { Count: > 0 and <= 30 })
        {
            yield return ("procedure.fields", "Between 1 and 30 fields.");
            yield break;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < procedure.Fields.Count; i++)
        {
            var field = procedure.Fields[i];
            var path = $"procedure.fields[{i}]";
            if (field.Name is null || !FieldName().IsMatch(field.Name) || !names.Add(field.Name))
            {
                yield return ($"{path}.name", "A unique camelCase name.");
            }

            if (MucGov.Shared.Procedures.FieldRule.Parse(field.Type ?? "", field.Validation, out var problem) is null)
            {
                yield return ($"{path}.validation", problem!);
            }

            if (field.PrefillFrom is not null && !MucGov.Shared.Procedures.PrefillSources.All.Contains(field.PrefillFrom))
            {
                yield return ($"{path}.prefillFrom", $"One of {string.Join(", ", MucGov.Shared.Procedures.PrefillSources.All)}.");
            }

            // A document certifies the Bürgerkonto record; what the citizen adds can only be a choice the catalog offers.
            if (procedure.Result == "document" && field.PrefillFrom is null && field.Type != MucGov.Shared.Procedures.FieldTypes.Choice)
            {
                yield return ($"{path}.type", "A document's fields come from the Bürgerkonto (prefillFrom) or are a choice; free input cannot be certified.");
            }

            var texts = new List<string>();
            CheckText(field.Label, $"{path}.label", 100, (_, message) => texts.Add($"label: {message}"));
            CheckText(field.Prompt, $"{path}.prompt", 500, (_, message) => texts.Add($"prompt: {message}"));
            foreach (var message in texts)
            {
                yield return (path, message);
            }
        }
    }

    /// <summary>References to things the catalog does not have (department, locations, related services): a 422.</summary>
    public static Dictionary<string, string[]> References(
        ServiceEntry service, IReadOnlySet<string> departments, IReadOnlySet<string> locations, IReadOnlySet<string>? services = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (!departments.Contains(service.DepartmentId))
        {
            errors["departmentId"] = [$"Unknown department '{service.DepartmentId}'."];
        }

        var unknown = service.LocationIds.Where(l => !locations.Contains(l)).ToList();
        if (unknown.Count > 0)
        {
            errors["locationIds"] = [$"Unknown location(s): {string.Join(", ", unknown)}."];
        }

        var unknownRelated = (service.Related ?? []).Select(r => r.ServiceId).Where(id => services is not null && !services.Contains(id)).ToList();
        if (unknownRelated.Count > 0)
        {
            errors["related"] = [$"Unknown service(s): {string.Join(", ", unknownRelated)}."];
        }

        return errors;
    }

    private static void CheckText(LocalizedText? text, string field, int max, Action<string, string> add, bool required = true)
    {
        if (text is null)
        {
            if (required)
            {
                add(field, "Required, at least in German (de).");
            }

            return;
        }

        if (!text.Has(SupportedLanguages.German))
        {
            add(field, "Required in German (de); other languages are translations of it.");
        }
        else if (text.Keys.FirstOrDefault(l => !SupportedLanguages.IsSupported(l)) is { } unknown)
        {
            add(field, $"Unknown language '{unknown}': one of {string.Join(", ", SupportedLanguages.Codes)}.");
        }
        else if (text.Values.Any(string.IsNullOrWhiteSpace))
        {
            add(field, "A language given must have a text (leave a missing translation out).");
        }
        else if (text.Values.Any(t => t.Length > max))
        {
            add(field, $"At most {max} characters.");
        }
    }

    private static void CheckSynonyms(Synonyms? synonyms, Action<string, string> add)
    {
        if (synonyms is null || synonyms.Keys.Any(l => !SupportedLanguages.IsSupported(l))
            || synonyms.Values.Any(list => list is null || list.Count > 100 || list.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 100)))
        {
            add("synonyms", $"Lists per language ({string.Join(", ", SupportedLanguages.Codes)}) of up to 100 non-empty entries of at most 100 characters.");
        }
    }

    /// <summary>Translation statuses: one per translated language (not German, the original), draft or reviewed.</summary>
    public static void CheckTranslations(IReadOnlyDictionary<string, TranslationStatus>? translations, Action<string, string> add)
    {
        foreach (var (language, status) in translations ?? new Dictionary<string, TranslationStatus>())
        {
            if (!SupportedLanguages.IsSupported(language) || language == SupportedLanguages.German)
            {
                add("translations", $"'{language}' is not a language German texts are translated into.");
            }
            else if (status?.Status is not (TranslationStatus.Draft or TranslationStatus.Reviewed))
            {
                add($"translations.{language}", "Status draft or reviewed.");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,79}$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[0-9]{14}$")]
    private static partial Regex LeikaKey();

    [GeneratedRegex("^[a-z][a-zA-Z0-9]{0,39}$")]
    private static partial Regex FieldName();
}
