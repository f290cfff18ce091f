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

    /// <summary>Language of the catalog texts in <see cref="Procedure"/> (<c>de</c> or <c>en</c>).</summary>
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
            Procedure = service.Procedure!, StartedAt = now, FormLanguage = language == "en" ? "en" : "de",
        };
        return new(Mingabot.Say(language,
            $"Das kann ich gleich hier mit Ihnen erledigen: {draft.ServiceTitle}. Sollen wir anfangen?",
            $"I can do that with you right here: {draft.ServiceTitle}. Shall we start?",
            $"Des kon i glei do mit dir erledign: {draft.ServiceTitle}. Pack ma's o?",
            (Start, language == "en" ? "Yes, let's do it" : language == "bar" ? "Jo, pack ma's" : "Ja, gleich erledigen"),
            (Decline, language == "en" ? "No, thanks" : language == "bar" ? "Na, passt scho" : "Nein, danke")), draft);
    }

    public static ProcedureTurn Continue(ProcedureDraft draft, string text, string? actionId, bool signedIn, string language, DateOnly today)
    {
        var lower = text.Trim().ToLowerInvariant();
        if (actionId == CancelAction || actionId is null && Cancel().IsMatch(lower))
        {
            return new(Mingabot.Say(language, "In Ordnung, ich habe den Antrag verworfen.", "All right, I have dropped the application.", "Passt, i hob den Antrag verworfn."),
                null, ProcedureStep.Dropped);
        }

        switch (draft.Stage)
        {
            case ProcedureStages.Offered:
                if (actionId == Decline || actionId is null && Mingabot.IsNo(lower))
                {
                    return new(Mingabot.Say(language, "Gut, dann nicht. Fragen Sie mich gern etwas anderes.", "Fine, then not. Feel free to ask me something else.",
                        "Passt, dann ned. Frog mi gern wos anders."), null, ProcedureStep.Dropped);
                }

                if (actionId != Start && !Affirmative(lower))
                {
                    return new(Mingabot.Say(language, "Sollen wir den Antrag jetzt ausfüllen? (ja/nein)", "Shall we fill in the application now? (yes/no)",
                        "Soi ma den Antrag jetz ausfüin? (jo/na)"), draft);
                }

                if (!signedIn)
                {
                    return new(Mingabot.Say(language,
                        "Dafür melden Sie sich bitte zuerst mit Ihrem Bürgerkonto an. Danach schreiben Sie hier einfach „weiter“.",
                        "Please sign in with your Bürgerkonto first. Then just write \"continue\" here.",
                        "Dafia meld di bittschön zerst mit deim Bürgerkonto o. Dann schreibst do hoid „weiter“."), draft);
                }

                var prefill = draft.Procedure.Fields.Where(f => f.PrefillFrom is not null).Select(f => f.Label).ToList();
                if (prefill.Count > 0 && draft.IssuesDocument)
                {
                    draft.Stage = ProcedureStages.PrefillConsent;
                    var list = string.Join(", ", prefill);
                    return new(Mingabot.Say(language,
                        $"Die Bescheinigung enthält die Angaben aus Ihrem Bürgerkonto: {list}. Darf ich sie dafür verwenden?",
                        $"The certificate carries the details of your Bürgerkonto: {list}. May I use them for it?",
                        $"De Bescheinigung kriagt de Angabn aus deim Bürgerkonto: {list}. Derf i de dafia hernehma?",
                        (PrefillYes, language == "en" ? "Yes, use them" : language == "bar" ? "Jo, nimm's" : "Ja, verwenden"),
                        (PrefillNo, language == "en" ? "No, cancel" : language == "bar" ? "Na, lass as" : "Nein, abbrechen")), draft);
                }

                if (prefill.Count > 0)
                {
                    draft.Stage = ProcedureStages.PrefillConsent;
                    var list = string.Join(", ", prefill);
                    return new(Mingabot.Say(language,
                        $"Aus Ihrem Bürgerkonto würde ich übernehmen: {list}. Einverstanden?",
                        $"From your Bürgerkonto I would take: {list}. Is that all right?",
                        $"Aus deim Bürgerkonto dad i des nehma: {list}. Passt des?",
                        (PrefillYes, language == "en" ? "Yes, take them" : language == "bar" ? "Jo, nimm's" : "Ja, übernehmen"),
                        (PrefillNo, language == "en" ? "No, I'll type them" : language == "bar" ? "Na, i schreib's söiba" : "Nein, ich gebe sie selbst ein")), draft);
                }

                draft.Stage = ProcedureStages.Asking;
                return Next(draft, language, null);
            case ProcedureStages.PrefillConsent:
                if (actionId == PrefillYes || actionId is null && Affirmative(lower))
                {
                    return new(Mingabot.Say(language, "Einen Moment, ich hole die Daten.", "One moment, I'm fetching the data.", "Oan Moment."), draft, ProcedureStep.FetchProfile);
                }

                if (draft.IssuesDocument)
                {
                    return actionId == PrefillNo || actionId is null && Mingabot.IsNo(lower)
                        ? new(Mingabot.Say(language,
                            "Verstanden. Ohne die Angaben aus Ihrem Bürgerkonto kann ich die Bescheinigung nicht ausstellen: Sie bescheinigt, was dort geprüft hinterlegt ist. " +
                                "Im Bürgerbüro erhalten Sie sie auch mit Termin.",
                            "Understood. Without the details of your Bürgerkonto I cannot issue the certificate: it certifies what is on record there. The Bürgerbüro issues it " +
                                "too, by appointment.",
                            "Passt. Ohne de Angabn aus deim Bürgerkonto kon i de Bescheinigung ned ausstelln: de bescheinigt, wos do higschriem is. Im Bürgerbüro kriagst as " +
                                "aa, mit Termin."), null, ProcedureStep.Dropped)
                        : new(Mingabot.Say(language, "Darf ich die Angaben aus Ihrem Bürgerkonto verwenden? (ja/nein)", "May I use the details of your Bürgerkonto? (yes/no)",
                            "Derf i de Angabn aus deim Bürgerkonto hernehma? (jo/na)"), draft);
                }

                draft.Stage = ProcedureStages.Asking;
                return Next(draft, language, null);
            case ProcedureStages.Confirming when actionId == SubmitAction || actionId is null && Affirmative(lower):
                return new(Mingabot.Say(language, "Ich schicke den Antrag ab.", "Submitting the application.", "I schick den Antrag ab."), draft, ProcedureStep.Submit);
        }

        if (Correction(draft, text) is { } correction)
        {
            var (field, value) = correction;
            if (draft.Certified.Contains(field))
            {
                return new(Mingabot.Say(language,
                    $"{field.Label} kommt aus Ihrem Bürgerkonto und steht so auf der Bescheinigung; hier kann ich das nicht ändern. Stimmt es nicht, ändern Sie es bitte dort " +
                        "(eine neue Anschrift über die Ummeldung). Soll ich die Bescheinigung so ausstellen?",
                    $"{field.Label} comes from your Bürgerkonto and is certified as it stands there; I cannot change it here. If it is wrong, please have it changed there (a " +
                        "new address through re-registration). Shall I issue the certificate as it is?",
                    $"{field.Label} kimmt aus deim Bürgerkonto und steht so auf da Bescheinigung; do kon i des ned ändern. Stimmt's ned, ändersd as bittschön dort. Soi i de " +
                        "Bescheinigung so ausstelln?",
                    SubmitOrCancel(language)), draft);
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
            return new(Mingabot.Say(language,
                "Ich erreiche Ihr Bürgerkonto gerade nicht. Versuchen Sie es bitte gleich noch einmal – schreiben Sie einfach „ja“.",
                "I cannot reach your Bürgerkonto right now. Please try again in a moment: just write \"yes\".",
                "I dareich dei Bürgerkonto grad ned. Probier's glei no amoi – schreib einfach „jo“."), draft);
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
            return new(Mingabot.Say(language,
                $"In Ihrem Bürgerkonto fehlt: {list}. Die Bescheinigung kann nur bescheinigen, was dort geprüft hinterlegt ist; ergänzen Sie es bitte im Bürgerkonto oder " +
                    "wenden Sie sich an das Bürgerbüro.",
                $"Your Bürgerkonto has no {list}. The certificate can only certify what is on record there; please complete your Bürgerkonto or contact the Bürgerbüro.",
                $"In deim Bürgerkonto fehlt: {list}. De Bescheinigung kon bloß bescheinign, wos do higschriem is; trog's im Bürgerkonto nach oder geh zum Bürgerbüro."),
                null, ProcedureStep.Dropped);
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
        var checkedAnswer = rule?.Check(text, today) ?? FieldAnswer.Ok(text.Trim());
        if (!checkedAnswer.Valid)
        {
            draft.Asking = field.Name;
            var hint = language == "en" ? checkedAnswer.HintEn : checkedAnswer.HintDe;
            return new(new BotReply($"{hint} {field.Prompt}", language), draft);
        }

        draft.Values[field.Name] = checkedAnswer.Value!;
        return Next(draft, language, field.Label);
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
        var thanks = noted is null ? "" : language == "en" ? "Noted. " : language == "bar" ? "Passt. " : "Danke. ";
        return new(new BotReply(thanks + missing.Prompt, language), draft);
    }

    private static ProcedureTurn Summary(ProcedureDraft draft, string language)
    {
        draft.Stage = ProcedureStages.Confirming;
        draft.Asking = null;
        var lines = string.Join("\n", draft.Procedure.Fields.Select(f => $"{f.Label}: {draft.Values.GetValueOrDefault(f.Name, "–")}"));
        return new(Mingabot.Say(language,
            $"Bitte prüfen Sie Ihre Angaben:\n{lines}\nSoll ich das so abschicken? Zum Ändern schreiben Sie z. B. „nein, {draft.Procedure.Fields[0].Label} ist …“.",
            $"Please check your details:\n{lines}\nShall I submit it like this? To change something write e.g. \"no, {draft.Procedure.Fields[0].Label} is …\".",
            $"Schau bittschön no amoi drüber:\n{lines}\nSoi i des so abschicka? Zum Ändern schreibst z. B. „na, {draft.Procedure.Fields[0].Label} is …“.",
            SubmitOrCancel(language)), draft);
    }

    /// <summary>The quick replies of a summary: submit or cancel.</summary>
    private static (string Id, string Label)[] SubmitOrCancel(string language) =>
    [
        (SubmitAction, language == "en" ? "Submit" : language == "bar" ? "Abschicka" : "Abschicken"),
        (CancelAction, language == "en" ? "Cancel" : language == "bar" ? "Obrecha" : "Abbrechen"),
    ];

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

    [GeneratedRegex(@"\b(brauch\w*|benötig\w*|beantrag\w*|anmeld\w*|anmelden|bestell\w*|need|apply|request|register|book|order|mog|mecht|kriag\w*|hätt gern|möchte|will)\b")]
    private static partial Regex DoIt();

    /// <summary>A yes, or "go on" after signing in or raising the trust level.</summary>
    private static bool Affirmative(string lower) => Mingabot.IsYes(lower) || GoOn().IsMatch(lower);

    [GeneratedRegex(@"^\s*(weiter|continue|los|go on)(\b|\s|$)")]
    private static partial Regex GoOn();

    [GeneratedRegex(@"^\s*(abbrechen|abbruch|cancel|stop|obrecha|vergiss es|forget it)\b")]
    private static partial Regex Cancel();

    [GeneratedRegex(@"^\s*(nein|no|na)[,!.]?\s+(?<field>.+?)\s+(ist|is|lautet|should be)\s+(?<value>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CorrectionPattern();
}
