using System.Globalization;
using System.Text.RegularExpressions;
using MucGov.Contracts.Knowledge;
using MucGov.Conversation.Chats;
using MucGov.Shared.Procedures;

namespace MucGov.Conversation.Bot;

/// <summary>A procedure being filled in a chat (kept with the conversation, so the citizen can leave and come back).</summary>
public sealed class ProcedureDraft
{
    public required string ServiceId { get; init; }
    public required string ServiceTitle { get; init; }
    public required string DepartmentId { get; init; }
    public required ProcedureDefinition Procedure { get; init; }

    /// <summary><c>offered</c>, <c>prefill-consent</c>, <c>asking</c> or <c>confirming</c>.</summary>
    public string Stage { get; set; } = ProcedureStages.Offered;

    /// <summary>The field asked last.</summary>
    public string? Asking { get; set; }

    public Dictionary<string, string> Values { get; init; } = [];

    /// <summary>Fields taken from the Bürgerkonto (with consent).</summary>
    public List<string> Prefilled { get; init; } = [];

    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Language of the catalog texts in <see cref="Procedure"/>: the chat's (<c>de</c> for Bavarian); the submission's labels are German always.</summary>
    public string FormLanguage { get; init; } = "de";

    /// <summary>A document the city issues at once (a certificate), rather than an application a department decides.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IssuesDocument => Procedure.Result == "document";

    /// <summary>
    /// Fields a document certifies: those the catalog fills from the Bürgerkonto. They come from the account record
    /// only (the ticket service reads them there itself); the citizen can neither type nor correct them.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<ProcedureFieldDefinition> Certified => IssuesDocument ? Procedure.Fields.Where(f => f.PrefillFrom is not null) : [];
}

public static class ProcedureStages
{
    public const string Offered = "offered";
    public const string PrefillConsent = "prefill-consent";
    public const string Asking = "asking";
    public const string Confirming = "confirming";
}

/// <summary>What the chat must do after a dialogue turn, besides showing the reply.</summary>
public enum ProcedureStep
{
    /// <summary>Nothing more: the reply asks the next question.</summary>
    None,

    /// <summary>Fetch the consented Bürgerkonto fields and call <see cref="ProcedureDialogue.Prefill"/>.</summary>
    FetchProfile,

    /// <summary>The citizen confirmed: check the trust level and submit.</summary>
    Submit,

    /// <summary>The draft is gone (cancelled or declined).</summary>
    Dropped,
}

/// <summary>One turn of a procedure: the reply, the draft after it (null when gone), and what to do next.</summary>
public sealed record ProcedureTurn(BotReply Reply, ProcedureDraft? Draft, ProcedureStep Step = ProcedureStep.None);

/// <summary>
/// The form engine in the chat: offers a procedure, asks consent once for the fields it would take from the
/// Bürgerkonto, asks only for what is missing — one question at a time, each answer checked by the field's rule and
/// asked again with a hint — takes corrections ("no, the address is …"), shows a summary and asks for confirmation.
/// Pure logic: the chat supplies the profile and does the submitting.
/// </summary>
public static partial class ProcedureDialogue
{
    public const string Start = "procedure:start";
    public const string Decline = "procedure:no";
    public const string PrefillYes = "prefill:yes";
    public const string PrefillNo = "prefill:no";
    public const string SubmitAction = "procedure:submit";
    public const string CancelAction = "procedure:cancel";

    /// <summary>Does the citizen want to have it done (not just know about it)?</summary>
    public static bool WantsToDoIt(string text) => DoIt().IsMatch(text.ToLowerInvariant());

    public static ProcedureTurn Offer(ServiceDetails service, string language, DateTimeOffset now)
    {
        var draft = new ProcedureDraft
        {
            ServiceId = service.ServiceId, ServiceTitle = service.Title ?? service.ServiceId, DepartmentId = service.DepartmentId ?? Mingabot.Triage,
            Procedure = service.Procedure!, StartedAt = now, FormLanguage = language is "de" or "bar" ? "de" : language,
        };
        return new(Mingabot.Ask(language, "procedure.offer", [("service", draft.ServiceTitle)],
            (Start, "procedure.action.start"), (Decline, "procedure.action.decline")), draft);
    }

    /// <summary>The offer once more, after a question about the service was answered.</summary>
    public static BotReply RepeatOffer(ProcedureDraft draft, string language) =>
        Mingabot.Ask(language, "procedure.offer", [("service", draft.ServiceTitle)], (Start, "procedure.action.start"), (Decline, "procedure.action.decline"));

    public static ProcedureTurn Continue(ProcedureDraft draft, string text, string? actionId, bool signedIn, string language, DateOnly today)
    {
        var lower = text.Trim().ToLowerInvariant();
        if (actionId == CancelAction || actionId is null && Cancel().IsMatch(lower))
        {
            return new(Mingabot.Say(language, "procedure.dropped"), null, ProcedureStep.Dropped);
        }

        switch (draft.Stage)
        {
            case ProcedureStages.Offered:
                if (actionId == Decline || actionId is null && Mingabot.IsNo(lower))
                {
                    return new(Mingabot.Say(language, "procedure.declined"), null, ProcedureStep.Dropped);
                }

                if (actionId != Start && !Affirmative(lower))
                {
                    return new(Mingabot.Say(language, "procedure.startNow"), draft);
                }

                if (!signedIn)
                {
                    return new(Mingabot.Say(language, "procedure.signInFirst"), draft);
                }

                var prefill = draft.Procedure.Fields.Where(f => f.PrefillFrom is not null).Select(f => f.Label).ToList();
                if (prefill.Count > 0 && draft.IssuesDocument)
                {
                    draft.Stage = ProcedureStages.PrefillConsent;
                    var list = string.Join(", ", prefill);
                    return new(Mingabot.Ask(language, "procedure.prefill.certificate", [("fields", list)],
                        (PrefillYes, "procedure.prefill.certificate.yes"), (PrefillNo, "procedure.prefill.certificate.no")), draft);
                }

                if (prefill.Count > 0)
                {
                    draft.Stage = ProcedureStages.PrefillConsent;
                    var list = string.Join(", ", prefill);
                    return new(Mingabot.Ask(language, "procedure.prefill.form", [("fields", list)],
                        (PrefillYes, "procedure.prefill.form.yes"), (PrefillNo, "procedure.prefill.form.no")), draft);
                }

                draft.Stage = ProcedureStages.Asking;
                return Next(draft, language, null);
            case ProcedureStages.PrefillConsent:
                if (actionId == PrefillYes || actionId is null && Affirmative(lower))
                {
                    return new(Mingabot.Say(language, "procedure.fetching"), draft, ProcedureStep.FetchProfile);
                }

                if (draft.IssuesDocument)
                {
                    return actionId == PrefillNo || actionId is null && Mingabot.IsNo(lower)
                        ? new(Mingabot.Say(language, "procedure.certificateNeedsAccount"), null, ProcedureStep.Dropped)
                        : new(Mingabot.Say(language, "procedure.prefill.ask"), draft);
                }

                draft.Stage = ProcedureStages.Asking;
                return Next(draft, language, null);
            case ProcedureStages.Confirming when actionId == SubmitAction || actionId is null && Affirmative(lower):
                return new(Mingabot.Say(language, "procedure.submitting"), draft, ProcedureStep.Submit);
        }

        if (Correction(draft, text) is { } correction)
        {
            var (field, value) = correction;
            if (draft.Certified.Contains(field))
            {
                return new(Mingabot.Ask(language, "procedure.certifiedField", [("field", field.Label)], SubmitOrCancel), draft);
            }

            // A value typed over one from the Bürgerkonto is the citizen's statement now, and marked as typed for the caseworker.
            draft.Prefilled.Remove(field.Name);
            return Answer(draft, field, value, language, today);
        }

        if (draft.Stage == ProcedureStages.Confirming)
        {
            return Summary(draft, language);
        }

        var asked = draft.Procedure.Fields.FirstOrDefault(f => f.Name == draft.Asking) ?? draft.Procedure.Fields.First(f => !draft.Values.ContainsKey(f.Name));
        return Answer(draft, asked, text, language, today);
    }

    /// <summary>
    /// Takes the consented Bürgerkonto fields that pass the field's rule, then asks for the rest. A document needs
    /// every field it certifies from the account: without the account's answer (<paramref name="profile"/> null) the
    /// citizen may try again; without one of the fields the document cannot be issued here.
    /// </summary>
    public static ProcedureTurn Prefill(ProcedureDraft draft, IReadOnlyDictionary<string, string>? profile, string language, DateOnly today)
    {
        if (draft.IssuesDocument && profile is null)
        {
            return new(Mingabot.Say(language, "procedure.accountUnreachable"), draft);
        }

        foreach (var field in draft.Procedure.Fields.Where(f => f.PrefillFrom is not null))
        {
            if (profile is not null && profile.TryGetValue(field.PrefillFrom!, out var value)
                && FieldRule.Parse(field.Type, field.Validation, out _)?.Check(value, today) is { Valid: true } checkedValue)
            {
                draft.Values[field.Name] = checkedValue.Value!;
                draft.Prefilled.Add(field.Name);
            }
        }

        var missing = draft.Certified.Where(f => !draft.Prefilled.Contains(f.Name)).Select(f => f.Label).ToList();
        if (missing.Count > 0)
        {
            var list = string.Join(", ", missing);
            return new(Mingabot.Say(language, "procedure.accountMissing", ("fields", list)), null, ProcedureStep.Dropped);
        }

        draft.Stage = ProcedureStages.Asking;
        return Next(draft, language, null);
    }

    /// <summary>The confirmed fields in form order, with their labels.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Labels(ProcedureDraft draft) =>
        [.. draft.Procedure.Fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Label))];

    private static ProcedureTurn Answer(ProcedureDraft draft, ProcedureFieldDefinition field, string text, string language, DateOnly today)
    {
        var rule = FieldRule.Parse(field.Type, field.Validation, out _);
        var checkedAnswer = rule?.Check(ChoiceNamed(rule, field.Prompt, text), today) ?? FieldAnswer.Ok(text.Trim());
        if (!checkedAnswer.Valid)
        {
            draft.Asking = field.Name;
            var hint = Mingabot.Say(language, "procedure.invalid." + checkedAnswer.Problem, [.. checkedAnswer.Values.Select(v => (v.Name, (object?)v.Value))]).Text;
            return new(new BotReply($"{hint} {field.Prompt}", language), draft);
        }

        draft.Values[field.Name] = checkedAnswer.Value!;
        return Next(draft, language, field.Label);
    }

    /// <summary>
    /// A choice answered with the word the field's prompt gives for it in the chat's language — the catalog's prompts
    /// name each choice with its translation ("Arbeitgeber – işveren") — as that choice; any other answer as typed.
    /// </summary>
    internal static string ChoiceNamed(FieldRule rule, string prompt, string answer)
    {
        var said = answer.Trim();
        foreach (var choice in rule.Choices)
        {
            var named = Regex.Match(prompt, Regex.Escape(choice) + @"\s*[–—-]\s*([^,،;()]+)");
            if (named.Success && string.Equals(named.Groups[1].Value.Trim(), said, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        return answer;
    }

    private static ProcedureTurn Next(ProcedureDraft draft, string language, string? noted)
    {
        var missing = draft.Procedure.Fields.FirstOrDefault(f => !draft.Values.ContainsKey(f.Name));
        if (missing is null)
        {
            return Summary(draft, language);
        }

        draft.Stage = ProcedureStages.Asking;
        draft.Asking = missing.Name;
        var thanks = noted is null ? "" : Mingabot.T(language, "procedure.noted");
        return new(new BotReply(thanks + missing.Prompt, language), draft);
    }

    private static ProcedureTurn Summary(ProcedureDraft draft, string language)
    {
        draft.Stage = ProcedureStages.Confirming;
        draft.Asking = null;
        var lines = string.Join("\n", draft.Procedure.Fields.Select(f => $"{f.Label}: {draft.Values.GetValueOrDefault(f.Name, "–")}"));
        return new(Mingabot.Ask(language, "procedure.summary", [("lines", lines), ("field", draft.Procedure.Fields[0].Label)], SubmitOrCancel), draft);
    }

    /// <summary>The quick replies of a summary: submit or cancel.</summary>
    private static readonly (string Id, string LabelKey)[] SubmitOrCancel = [(SubmitAction, "procedure.action.submit"), (CancelAction, "procedure.action.cancel")];

    /// <summary>"nein, die Anschrift ist …", "no, the address is …", "na, d'Adress is …": the field by its label or name.</summary>
    private static (ProcedureFieldDefinition Field, string Value)? Correction(ProcedureDraft draft, string text)
    {
        var match = CorrectionPattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var subject = match.Groups["field"].Value.Trim().ToLowerInvariant();
        var field = draft.Procedure.Fields.FirstOrDefault(f =>
            subject.Contains(f.Label.ToLowerInvariant(), StringComparison.Ordinal) || subject.Contains(f.Name.ToLowerInvariant(), StringComparison.Ordinal));
        return field is null ? null : (field, match.Groups["value"].Value.Trim());
    }

    [GeneratedRegex(@"\b(brauch\w*|benötig\w*|beantrag\w*|anmeld\w*|anmelden|bestell\w*|need\w*|apply|request|register|book|order|mog|mecht|kriag\w*|hätt gern|möcht\w*|" +
        @"will|wui|woin|wollen|krieg\w*|bekomm\w*|can i get|get rid|want\w*|like to|loswerden|weg ham|weghaben)\b" +
        @"|\b(хочу|хочемо|потрібн\w*|треба|оформ\w*|замов\w*|отрима\w*|подати|нужн\w*|надо|закаж\w*|заказ\w*|получ\w*|подать|хотим|" +
        @"позбут\w*|позбав\w*|викинути|вивезти|забрати|избав\w*|выкинуть|вывезти|забрать)\b" +
        @"|\b(att[ıi]r\w*|ald[ıi]r\w*|yapt[ıi]r\w*|istiyor\w*|alabilir\w*|almak|ba[şs]vur\w*|kurtul\w*|laz[ıi]m)\b" +
        @"|" + ArabicWords.Start + @"(بدي|بدنا|أريد|اريد|عايز|عاوز|محتاج|بحتاج|احجز\w*|نعمل\w*|اطلب\w*|أطلب\w*|أحجز\w*|" +
        @"أتخلص|اتخلص|نتخلص|آخد\w*|آخذ\w*|أحصل\w*|احصل\w*|ياخد\w*|ياخذ\w*|تاخذ\w*|تاخد\w*)" + ArabicWords.End)]
    private static partial Regex DoIt();

    /// <summary>
    /// Whether a typed message answers the offer to do the procedure here (yes, no, "weiter", "abbrechen"); anything else
    /// is a question for the bot, after which the offer is repeated.
    /// </summary>
    public static bool AnswersOffer(string lower) => Affirmative(lower) || Mingabot.IsNo(lower) || Cancel().IsMatch(lower);

    /// <summary>A yes, or "go on" after signing in or raising the trust level.</summary>
    private static bool Affirmative(string lower) => Mingabot.IsYes(lower) || GoOn().IsMatch(lower);

    [GeneratedRegex(@"^\s*(weiter|continue|los|go on|devam|далі|продовжити|продовжуємо|дальше|продолжить|продолжаем|تابع|كمل|كمّل|متابعة)(\b|\s|$)")]
    private static partial Regex GoOn();

    [GeneratedRegex(@"^\s*(abbrechen|abbruch|cancel|stop|obrecha|vergiss es|forget it|iptal|vazge[çc]\w*|bo[şs] ?ver|скасувати|скасуй|відміна|відмінити|забудь|отменить|" +
        @"отмена|отмени|забудь|" +
        @"إلغاء|الغاء|ألغي|الغي|انسى|إنسى)(\b|\s|$)")]
    private static partial Regex Cancel();

    [GeneratedRegex(@"^\s*(nein|no|na)[,!.]?\s+(?<field>.+?)\s+(ist|is|lautet|should be)\s+(?<value>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CorrectionPattern();
}
