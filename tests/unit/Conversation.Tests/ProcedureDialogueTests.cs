using System.Text.Json;
using MucGov.Contracts.Knowledge;
using MucGov.Conversation.Bot;
using MucGov.Testing;
using Xunit;

namespace MucGov.Conversation.Tests;

public sealed class ProcedureDialogueTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(1));

    private static readonly Dictionary<string, string> Anna = new()
    {
        ["givenName"] = "Anna", ["familyName"] = "Huber", ["birthDate"] = "1988-04-12", ["address"] = "Leopoldstraße 77, 80802 München", ["phone"] = "+49 89 1234567",
    };

    /// <summary>The service as the knowledge service describes it, read from the shipped sample catalog.</summary>
    private static ServiceDetails Service(string id, string language)
    {
        using var catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "services", "Knowledge", "Catalog", "Sample", "catalog.json")));
        var service = catalog.RootElement.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);
        var lang = language == "bar" ? "de" : language;
        var procedure = service.GetProperty("procedure");
        return new ServiceDetails(id, true, service.GetProperty("title").GetProperty(lang).GetString(), DepartmentId: service.GetProperty("departmentId").GetString(),
            Procedure: new ProcedureDefinition(procedure.GetProperty("id").GetString()!, procedure.GetProperty("trustLevel").GetString()!,
                procedure.GetProperty("result").GetString()!,
                procedure.GetProperty("confirmation").GetProperty(lang).GetString()!,
                [.. procedure.GetProperty("fields").EnumerateArray().Select(f => new ProcedureFieldDefinition(
                    f.GetProperty("name").GetString()!, f.GetProperty("type").GetString()!, f.GetProperty("label").GetProperty(lang).GetString()!,
                    f.GetProperty("prompt").GetProperty(lang).GetString()!, f.GetProperty("validation").GetString(), f.GetProperty("prefillFrom").GetString()))]));
    }

    private static ProcedureTurn Say(ProcedureTurn previous, string text, string? action = null, bool signedIn = true, string language = "de") =>
        ProcedureDialogue.Continue(previous.Draft!, text, action, signedIn, language, Today);

    [Fact]
    public void Meldebescheinigung_with_full_prefill_asks_only_the_purpose_then_confirms_and_submits()
    {
        var offer = ProcedureDialogue.Offer(Service("meldebescheinigung", "de"), "de", Now);
        var consent = Say(offer, "Ja, gleich erledigen", ProcedureDialogue.Start);
        var fetch = Say(consent, "Ja", ProcedureDialogue.PrefillYes);
        var purpose = ProcedureDialogue.Prefill(fetch.Draft!, Anna, "de", Today);
        var summary = Say(purpose, "arbeitgeber");
        var submit = Say(summary, "Ja");

        Assert.Contains("Meldebescheinigung", offer.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("Vorname, Familienname, Geburtsdatum, Anschrift", consent.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(ProcedureStep.FetchProfile, fetch.Step);
        Assert.StartsWith("Wofür brauchen Sie", purpose.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("Geburtsdatum: 1988-04-12", summary.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("Zweck: Arbeitgeber", summary.Reply.Text, StringComparison.Ordinal);
        Assert.Equal([ProcedureDialogue.SubmitAction, ProcedureDialogue.CancelAction], summary.Reply.Actions.Select(a => a.Id));
        Assert.Equal(ProcedureStep.Submit, submit.Step);
        Assert.Equal(["givenName", "familyName", "birthDate", "address"], submit.Draft!.Prefilled);
    }

    [Theory]
    [InlineData("tr", "işveren", "Lütfen şu seçeneklerden")]
    [InlineData("uk", "роботодавець", "Будь ласка, оберіть один")]
    [InlineData("ru", "Работодатель", "Пожалуйста, выберите один")]
    [InlineData("ar", "صاحب العمل", "يُرجى اختيار أحد")]
    public void A_choice_is_named_by_its_word_in_the_chats_language_and_a_wrong_answer_is_hinted_in_that_language(string language, string purpose, string hint)
    {
        var offer = ProcedureDialogue.Offer(Service("meldebescheinigung", language), language, Now);
        var consent = Say(offer, "✓", ProcedureDialogue.Start, language: language);
        var fetch = Say(consent, "✓", ProcedureDialogue.PrefillYes, language: language);
        var asked = ProcedureDialogue.Prefill(fetch.Draft!, Anna, language, Today);
        var wrong = Say(asked, "12345", language: language);
        var summary = Say(wrong, purpose, language: language);

        Assert.StartsWith(hint, wrong.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("Behörde, Arbeitgeber, Vermieter, Sonstiges", wrong.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("Arbeitgeber", summary.Draft!.Values["purpose"]);
        Assert.Contains(ProcedureDialogue.SubmitAction, summary.Reply.Actions.Select(a => a.Id));
    }

    [Fact]
    public void Bulky_waste_in_english_without_prefill_asks_each_field_and_asks_again_with_a_hint()
    {
        var offer = ProcedureDialogue.Offer(Service("sperrmuell", "en"), "en", Now);
        var consent = Say(offer, "yes", language: "en");
        var first = Say(consent, "No", ProcedureDialogue.PrefillNo, language: "en");
        var turn = Say(first, "Emily", language: "en");
        turn = Say(turn, "Clarke", language: "en");
        turn = Say(turn, "Türkenstraße 12, 80333 München", language: "en");
        turn = Say(turn, "+49 89 555", language: "en");
        var tooSoon = Say(turn, "27.11.2026", language: "en");
        var weekend = Say(tooSoon, "5.12.2026", language: "en");
        var date = Say(weekend, "7.12.2026", language: "en");
        var many = Say(date, "lots", language: "en");
        var items = Say(many, "3", language: "en");
        var summary = Say(items, "A sofa and two chairs", language: "en");

        Assert.StartsWith("What is your given name?", first.Reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("Please pick a date between 29.11.2026", tooSoon.Reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("Please pick a working day", weekend.Reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("Please give a number from 1 to 30", many.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(ProcedureStages.Confirming, summary.Draft!.Stage);
        Assert.Equal("2026-12-07", summary.Draft.Values["preferredDate"]);
        Assert.Contains("Number of items: 3", summary.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_of_an_application_changes_one_field_marks_it_typed_and_shows_the_summary_again()
    {
        var turn = ProcedureDialogue.Offer(Service("hundesteuer", "en"), "en", Now);
        turn = Say(turn, "yes", ProcedureDialogue.Start, language: "en");
        turn = ProcedureDialogue.Prefill(Say(turn, "yes", ProcedureDialogue.PrefillYes, language: "en").Draft!, Anna, "en", Today);
        turn = Say(Say(Say(Say(turn, "Rex", language: "en"), "Mixed breed", language: "en"), "2025-06-01", language: "en"), "1", language: "en");

        var corrected = Say(turn, "no, the address is Leopoldstraße 1, 80802 München", language: "en");

        Assert.Equal("Leopoldstraße 1, 80802 München", corrected.Draft!.Values["address"]);
        Assert.DoesNotContain("address", corrected.Draft.Prefilled);
        Assert.Equal(ProcedureStages.Confirming, corrected.Draft.Stage);
        Assert.Contains("Address: Leopoldstraße 1, 80802 München", corrected.Reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "no, the family name is Mustermann", "Family name comes from your Bürgerkonto")]
    [InlineData("de", "nein, die Anschrift ist Marienplatz 8, 80331 München", "Anschrift kommt aus Ihrem Bürgerkonto")]
    public void A_certificate_field_from_the_buergerkonto_cannot_be_corrected_in_the_chat(string language, string correction, string refusal)
    {
        var turn = ProcedureDialogue.Offer(Service("meldebescheinigung", language), language, Now);
        turn = Say(turn, "yes", ProcedureDialogue.Start, language: language);
        turn = ProcedureDialogue.Prefill(Say(turn, "yes", ProcedureDialogue.PrefillYes, language: language).Draft!, Anna, language, Today);
        turn = Say(turn, "Vermieter", language: language);

        var refused = Say(turn, correction, language: language);

        Assert.StartsWith(refusal, refused.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(("Huber", "Leopoldstraße 77, 80802 München"), (refused.Draft!.Values["familyName"], refused.Draft.Values["address"]));
        Assert.Equal(["givenName", "familyName", "birthDate", "address"], refused.Draft.Prefilled);
        Assert.Equal(ProcedureStep.Submit, Say(refused, "yes", ProcedureDialogue.SubmitAction, language: language).Step);
    }

    [Fact]
    public void A_certificate_without_consent_to_the_buergerkonto_is_not_filled_in_by_hand()
    {
        var turn = ProcedureDialogue.Offer(Service("meldebescheinigung", "de"), "de", Now);
        var consent = Say(turn, "ja", ProcedureDialogue.Start);
        var unclear = Say(consent, "hm");
        var declined = Say(unclear, "Nein, abbrechen", ProcedureDialogue.PrefillNo);

        Assert.StartsWith("Die Bescheinigung enthält die Angaben aus Ihrem Bürgerkonto", consent.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(ProcedureStages.PrefillConsent, unclear.Draft!.Stage);
        Assert.Empty(unclear.Draft.Values);
        Assert.Null(declined.Draft);
        Assert.Equal(ProcedureStep.Dropped, declined.Step);
        Assert.Contains("nicht ausstellen", declined.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_is_not_issued_when_the_buergerkonto_lacks_a_field_it_certifies_and_waits_when_the_account_does_not_answer()
    {
        var turn = ProcedureDialogue.Offer(Service("meldebescheinigung", "en"), "en", Now);
        turn = Say(turn, "yes", ProcedureDialogue.Start, language: "en");
        var fetch = Say(turn, "yes", ProcedureDialogue.PrefillYes, language: "en");

        var unreachable = ProcedureDialogue.Prefill(fetch.Draft!, null, "en", Today);
        var (stage, filled) = (unreachable.Draft!.Stage, unreachable.Draft.Values.Count);
        var noAddress = ProcedureDialogue.Prefill(unreachable.Draft, new Dictionary<string, string>(Anna) { ["address"] = "" }, "en", Today);

        Assert.StartsWith("I cannot reach your Bürgerkonto", unreachable.Reply.Text, StringComparison.Ordinal);
        Assert.Equal((ProcedureStages.PrefillConsent, 0), (stage, filled));
        Assert.StartsWith("Your Bürgerkonto has no Address", noAddress.Reply.Text, StringComparison.Ordinal);
        Assert.Null(noAddress.Draft);
    }

    [Fact]
    public void Resident_parking_refuses_a_berlin_postcode_and_normalises_the_plate()
    {
        var turn = ProcedureDialogue.Offer(Service("bewohnerparkausweis", "de"), "de", Now);
        turn = Say(turn, "ja", ProcedureDialogue.Start);
        turn = ProcedureDialogue.Prefill(Say(turn, "ja", ProcedureDialogue.PrefillYes).Draft!, Anna, "de", Today);

        var berlin = Say(turn, "10115");
        var plate = Say(berlin, "80802");
        var wrongPlate = Say(plate, "XYZ");
        var summary = Say(wrongPlate, "m ab 1234");

        Assert.StartsWith("Das ist keine Münchner Postleitzahl", berlin.Reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bitte ein Kennzeichen wie M-AB 1234", wrongPlate.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("M-AB 1234", summary.Draft!.Values["plate"]);
    }

    [Fact]
    public void Dog_registration_in_bavarian_is_recognised_and_offered()
    {
        Assert.True(ProcedureDialogue.WantsToDoIt("I mog mein Hund anmeldn"));
        Assert.True(ProcedureDialogue.WantsToDoIt("I need a Meldebescheinigung"));
        Assert.True(ProcedureDialogue.WantsToDoIt("Sperrmüll anmelden"));
        Assert.False(ProcedureDialogue.WantsToDoIt("Was kostet die Hundesteuer?"));

        var offer = ProcedureDialogue.Offer(Service("hundesteuer", "de"), "bar", Now);
        var consent = Say(offer, "jo", language: "bar");

        Assert.StartsWith("Des kon i glei do mit dir erledign", offer.Reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("Aus deim Bürgerkonto dad i des nehma", consent.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymous_citizens_are_asked_to_sign_in_and_continue_after()
    {
        var offer = ProcedureDialogue.Offer(Service("sperrmuell", "de"), "de", Now);

        var signIn = Say(offer, "ja", signedIn: false);
        var stageWhileAnonymous = signIn.Draft!.Stage;
        var after = Say(signIn, "weiter", signedIn: true);

        Assert.Contains("Bürgerkonto an", signIn.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(ProcedureStages.Offered, stageWhileAnonymous);
        Assert.Equal(ProcedureStages.PrefillConsent, after.Draft!.Stage);
    }

    [Fact]
    public void Cancel_drops_the_draft_and_a_draft_survives_leaving_and_coming_back()
    {
        var turn = ProcedureDialogue.Offer(Service("sperrmuell", "de"), "de", Now);
        turn = Say(turn, "ja");
        turn = Say(turn, "nein", ProcedureDialogue.PrefillNo);
        turn = Say(turn, "Sepp");
        var stored = JsonSerializer.Serialize(turn.Draft, JsonSerializerOptions.Web);

        var resumed = ProcedureDialogue.Continue(JsonSerializer.Deserialize<ProcedureDraft>(stored, JsonSerializerOptions.Web)!, "Brandl", null, true, "de", Today);
        var cancelled = Say(resumed, "abbrechen");

        Assert.Equal("Sepp", resumed.Draft!.Values["givenName"]);
        Assert.Equal("Brandl", resumed.Draft.Values["familyName"]);
        Assert.StartsWith("Danke. Wie lautet Ihre Anschrift", resumed.Reply.Text, StringComparison.Ordinal);
        Assert.Null(cancelled.Draft);
        Assert.Equal(ProcedureStep.Dropped, cancelled.Step);
    }

    [Theory]
    [InlineData("de", "Bello", "Labrador", "1.3.2024", "2", "Name des Hundes: Bello")]
    [InlineData("en", "Rex", "Mixed breed", "2025-06-01", "1", "Dog's name: Rex")]
    public void Dog_registration_prefills_the_owner_and_asks_for_the_dog(string language, string name, string breed, string since, string dogs, string line)
    {
        var turn = ProcedureDialogue.Offer(Service("hundesteuer", language), language, Now);
        turn = Say(turn, "ja", ProcedureDialogue.Start, language: language);
        turn = ProcedureDialogue.Prefill(Say(turn, "ja", ProcedureDialogue.PrefillYes, language: language).Draft!, Anna, language, Today);

        var future = Say(Say(Say(turn, name, language: language), breed, language: language), "1.1.2030", language: language);
        var futureRefused = !future.Draft!.Values.ContainsKey("since");
        var summary = Say(Say(future, since, language: language), dogs, language: language);

        Assert.True(futureRefused, "a date in the future is not 'kept since'");
        Assert.Equal(ProcedureStages.Confirming, summary.Draft!.Stage);
        Assert.Contains(line, summary.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(["givenName", "familyName", "address"], summary.Draft.Prefilled);
    }

    [Fact]
    public void Resident_parking_in_english_without_a_phone_in_the_account_asks_for_it_and_the_rest()
    {
        var turn = ProcedureDialogue.Offer(Service("bewohnerparkausweis", "en"), "en", Now);
        turn = Say(turn, "yes", language: "en");
        turn = ProcedureDialogue.Prefill(Say(turn, "yes", language: "en").Draft!, new Dictionary<string, string> { ["givenName"] = "Emily", ["familyName"] = "Clarke" }, "en",
            Today);

        Assert.StartsWith("What is your address in Munich", turn.Reply.Text, StringComparison.Ordinal);
        turn = Say(Say(Say(turn, "Schellingstraße 9, 80799 München", language: "en"), "80799", language: "en"), "M-EC 2026", language: "en");
        Assert.Contains("Number plate: M-EC 2026", turn.Reply.Text, StringComparison.Ordinal);
    }
}
