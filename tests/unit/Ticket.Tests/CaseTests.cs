using MucGov.Contracts.Ticket;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Sla;
using Xunit;

namespace MucGov.Ticket.Tests;

/// <summary>The rules of a case, on the aggregate alone: who may change it, what each change sets, records and publishes.</summary>
public sealed class CaseTests
{
    // Monday 30 November 2026, 09:00 in Munich: inside the default business hours (Monday–Friday 08:00–16:00).
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly DepartmentTerms Buergerbuero = new("buergerbuero", "Bürgerbüro", null, TimeSpan.FromHours(8), TimeSpan.FromHours(24));
    private static readonly DepartmentTerms Kfz = new("kfz", "Kfz-Zulassung", null, TimeSpan.FromHours(2), TimeSpan.FromHours(4));
    private static readonly Actor Maria = new("maria-id", "Maria Huber");
    private static readonly Actor Josef = new("josef-id", "Josef Maier");

    private static Case Opened(Guid? citizen = null, string language = "de")
    {
        var spec = new NewCase(
            CaseTypes.Enquiry, Guid.NewGuid(), Guid.NewGuid(), null, citizen, "buergerbuero", "reisepass", language, "no-answer", [],
            new Dictionary<string, string> { ["givenName"] = "Sepp" }, null, "escalation");
        var opened = Case.Open(spec, "M-2026-000001", Buergerbuero, Monday);
        opened.TakeChanges();
        return opened;
    }

    private static Case ClaimedBy(Actor actor)
    {
        var c = Opened();
        Assert.Null(c.Claim(actor, Monday));
        c.TakeChanges();
        return c;
    }

    private static void NothingChanged(Case c, string status, string? assignee)
    {
        Assert.Equal(status, c.Status);
        Assert.Equal(assignee, c.AssigneeId);
        var changes = c.TakeChanges();
        Assert.Empty(changes.History);
        Assert.Empty(changes.Messages);
        Assert.Empty(changes.Events);
        Assert.Empty(changes.QueueChanges);
    }

    [Fact]
    public void Each_change_tells_the_live_queue_of_its_department_and_a_transfer_tells_both_departments()
    {
        var spec = new NewCase(
            CaseTypes.Enquiry, Guid.NewGuid(), Guid.NewGuid(), null, null, "buergerbuero", null, "de", "no-answer", [], new Dictionary<string, string>(), null, "escalation");
        var c = Case.Open(spec, "M-2026-000007", Buergerbuero, Monday);
        Assert.Equal(("buergerbuero", QueueChanges.New, "M-2026-000007"), Single(c));

        Assert.Null(c.Claim(Maria, Monday));
        Assert.Equal(("buergerbuero", QueueChanges.Claimed, "M-2026-000007"), Single(c));
        c.CitizenWrote(Guid.NewGuid(), "Noch eine Frage", Monday, Buergerbuero, Monday);
        Assert.Equal(("buergerbuero", QueueChanges.CitizenWrote, "M-2026-000007"), Single(c));
        Assert.Null(c.Transfer(Maria, supervisor: false, Kfz, "Zulassungsfrage", Monday));
        var transfer = c.TakeChanges().QueueChanges;
        Assert.Equal(["buergerbuero", "kfz"], transfer.Select(q => q.DepartmentId).Order());
        Assert.All(transfer, q => Assert.Equal((c.Id, QueueChanges.Transferred), (q.CaseId, q.Change)));
        c.ReportBreach(Monday.AddDays(1));
        Assert.Equal(("kfz", QueueChanges.Breached, "M-2026-000007"), Single(c));

        static (string, string, string?) Single(Case c)
        {
            var change = Assert.Single(c.TakeChanges().QueueChanges);
            return (change.DepartmentId, change.Change, change.Reference);
        }
    }

    [Fact]
    public void A_new_case_waits_in_the_queue_with_the_departments_response_deadline_and_announces_itself()
    {
        var spec = new NewCase(CaseTypes.Application, Guid.NewGuid(), null, Guid.NewGuid(), null, "buergerbuero", null, "bar", "application", [], new Dictionary<string,
            string>(), [], "submission");

        var c = Case.Open(spec, "M-2026-000042", Buergerbuero, Monday);

        // Eight business hours from Monday 09:00: seven on Monday, one on Tuesday.
        Assert.Equal((CaseStatus.New, Priorities.Normal, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(1))), (c.Status, c.Priority, c.SlaDueAt!.Value));
        var changes = c.TakeChanges();
        Assert.Equal(("opened", null, CaseStatus.New), (changes.History.Single().Action, changes.History.Single().FromStatus, changes.History.Single().ToStatus));
        var opened = Assert.IsType<CaseOpened>(Assert.Single(changes.Events).Event);
        Assert.Equal((c.Id, "M-2026-000042", spec.SubmissionId, c.SlaDueAt), (opened.CaseId, opened.Reference, opened.SubmissionId, opened.SlaDueAt));
    }

    [Fact]
    public void Claiming_takes_the_case_records_it_and_tells_the_chat()
    {
        var c = Opened();

        Assert.Null(c.Claim(Maria, Monday.AddMinutes(5)));

        Assert.Equal((CaseStatus.InProgress, "maria-id", "Maria Huber", Monday.AddMinutes(5)), (c.Status, c.AssigneeId, c.AssigneeName, c.UpdatedAt));
        var changes = c.TakeChanges();
        var entry = Assert.Single(changes.History);
        Assert.Equal(("claimed", "maria-id", CaseStatus.New, CaseStatus.InProgress), (entry.Action, entry.Actor, entry.FromStatus, entry.ToStatus));
        Assert.Equal("maria-id", Assert.IsType<CaseAssigned>(Assert.Single(changes.Events).Event).Assignee);
    }

    [Fact]
    public void A_held_case_cannot_be_claimed_again_and_the_refusal_names_the_holder()
    {
        var c = ClaimedBy(Maria);

        var byJosef = c.Claim(Josef, Monday);
        var byMaria = c.Claim(Maria, Monday);

        Assert.Equal((CaseRefusalKind.HeldByOther, "Maria Huber holds this case."), (byJosef!.Kind, byJosef.Reason));
        Assert.Equal("You already hold this case.", byMaria!.Reason);
        NothingChanged(c, CaseStatus.InProgress, "maria-id");
    }

    [Fact]
    public void Only_the_holder_or_a_supervisor_releases_a_case()
    {
        var c = ClaimedBy(Maria);

        Assert.Equal(CaseRefusalKind.HeldByOther, c.Release(Josef, supervisor: false, Monday)!.Kind);
        NothingChanged(c, CaseStatus.InProgress, "maria-id");

        Assert.Null(c.Release(Josef, supervisor: true, Monday));
        Assert.Equal((CaseStatus.New, null, null), (c.Status, c.AssigneeId, c.AssigneeName));
        Assert.Equal("was held by Maria Huber", Assert.Single(c.TakeChanges().History).Detail);
    }

    [Fact]
    public void Releasing_an_unclaimed_case_is_refused_by_the_state_machine()
    {
        var c = Opened();

        Assert.Equal(CaseRefusalKind.NotPossible, c.Release(Maria, supervisor: true, Monday)!.Kind);
        NothingChanged(c, CaseStatus.New, null);
    }

    [Fact]
    public void A_public_reply_comes_from_the_holder_only()
    {
        var c = ClaimedBy(Maria);

        var refused = c.Reply(Josef, "Hallo", Buergerbuero, Monday, out var reply);

        Assert.Equal(CaseRefusalKind.HeldByOther, refused!.Kind);
        Assert.Null(reply);
        NothingChanged(c, CaseStatus.InProgress, "maria-id");
    }

    [Fact]
    public void A_reply_sets_the_first_response_and_the_follow_up_deadline_and_reaches_the_chat_with_the_department_name()
    {
        var c = ClaimedBy(Maria);
        var at = Monday.AddHours(1);

        Assert.Null(c.Reply(Maria, "  Bitte bringen Sie Ihren Ausweis mit.  ", Buergerbuero, at, out var reply));

        Assert.Equal((at, Buergerbuero.FollowUpDue(at), CaseStatus.InProgress), (c.FirstResponseAt!.Value, c.SlaDueAt!.Value, c.Status));
        var changes = c.TakeChanges();
        Assert.Same(reply, Assert.Single(changes.Messages));
        Assert.Equal(("Bitte bringen Sie Ihren Ausweis mit.", false, Authors.Caseworker), (reply!.Text, reply.Internal, reply.Author));
        var posted = Assert.IsType<CaseMessagePosted>(Assert.Single(changes.Events).Event);
        Assert.Equal((reply.Id, "Bürgerbüro", false, "M-2026-000001"), (posted.CaseMessageId, posted.DepartmentName, posted.RequestsInfo, posted.Reference));
    }

    [Fact]
    public void Replying_to_a_new_case_needs_a_claim_first()
    {
        var c = Opened();

        var refused = c.Reply(Maria, "Hallo", Buergerbuero, Monday, out _);

        Assert.Equal((CaseRefusalKind.NotPossible, "Claim the case first."), (refused!.Kind, refused.Reason));
        NothingChanged(c, CaseStatus.New, null);
    }

    [Fact]
    public void Asking_the_citizen_stops_the_clock_until_the_answer_which_starts_a_fresh_response_deadline()
    {
        var c = ClaimedBy(Maria);

        Assert.Null(c.RequestInfo(Maria, "Welche Staatsangehörigkeit haben Sie?", Buergerbuero, Monday));
        Assert.Equal((CaseStatus.WaitingForCitizen, (DateTimeOffset?)null), (c.Status, c.SlaDueAt));
        Assert.True(Assert.IsType<CaseMessagePosted>(Assert.Single(c.TakeChanges().Events).Event).RequestsInfo);

        var answeredAt = Monday.AddHours(2);
        c.CitizenWrote(Guid.NewGuid(), "Deutsch", answeredAt.AddSeconds(-1), Buergerbuero, answeredAt);

        Assert.Equal((CaseStatus.InProgress, Buergerbuero.ResponseDue(answeredAt)), (c.Status, c.SlaDueAt!.Value));
        var changes = c.TakeChanges();
        Assert.Equal(("citizen-answered", "citizen"), (changes.History.Single().Action, changes.History.Single().Actor));
        Assert.Equal((Authors.Citizen, "Deutsch"), (changes.Messages.Single().Author, changes.Messages.Single().Text));
        Assert.Empty(changes.Events);
    }

    [Fact]
    public void A_citizens_message_outside_a_question_is_recorded_without_moving_the_deadline()
    {
        var c = ClaimedBy(Maria);
        var due = c.SlaDueAt;

        c.CitizenWrote(Guid.NewGuid(), "Noch eine Frage", Monday, Buergerbuero, Monday.AddHours(3));

        Assert.Equal((CaseStatus.InProgress, due), (c.Status, c.SlaDueAt));
        Assert.Equal("citizen-wrote", c.TakeChanges().History.Single().Action);
    }

    [Fact]
    public void A_transfer_moves_the_case_unclaimed_with_the_new_departments_deadline_and_a_fresh_breach_report()
    {
        var c = ClaimedBy(Maria);
        c.ReportBreach(Monday);
        c.TakeChanges();

        Assert.Null(c.Transfer(Maria, supervisor: false, Kfz, "Zulassungsfrage", Monday));

        Assert.Equal(("kfz", CaseStatus.New, null, Kfz.ResponseDue(Monday), (DateTimeOffset?)null), (c.DepartmentId, c.Status, c.AssigneeId, c.SlaDueAt!.Value,
            c.SlaBreachReportedFor));
        var changes = c.TakeChanges();
        Assert.Equal("from buergerbuero to kfz: Zulassungsfrage", changes.History.Single().Detail);
        var moved = Assert.IsType<CaseTransferred>(Assert.Single(changes.Events).Event);
        Assert.Equal(("buergerbuero", "kfz", "Kfz-Zulassung"), (moved.FromDepartmentId, moved.ToDepartmentId, moved.ToDepartmentName));
    }

    [Fact]
    public void A_transfer_to_the_same_department_or_of_someone_elses_case_is_refused()
    {
        var c = ClaimedBy(Maria);

        Assert.Equal(CaseRefusalKind.AlreadyThere, c.Transfer(Maria, supervisor: true, Buergerbuero, "x", Monday)!.Kind);
        Assert.Equal(CaseRefusalKind.HeldByOther, c.Transfer(Josef, supervisor: false, Kfz, "x", Monday)!.Kind);
        NothingChanged(c, CaseStatus.InProgress, "maria-id");
        Assert.Equal("buergerbuero", c.DepartmentId);
    }

    [Fact]
    public void A_resolved_case_is_final_for_staff_but_still_takes_notes_and_the_citizens_messages()
    {
        var c = ClaimedBy(Maria);
        Assert.Null(c.Resolve(Maria, "  Erledigt.  ", Buergerbuero, Monday));
        Assert.Equal(("Erledigt.", Monday, (DateTimeOffset?)null), (c.Resolution, c.ResolvedAt!.Value, c.SlaDueAt));
        Assert.Equal("Erledigt.", Assert.IsType<CaseResolved>(Assert.Single(c.TakeChanges().Events).Event).Resolution);

        Assert.Equal(CaseRefusalKind.NotPossible, c.Reply(Maria, "Noch was", Buergerbuero, Monday, out _)!.Kind);
        Assert.Equal(CaseRefusalKind.NotPossible, c.Resolve(Maria, "Nochmal", Buergerbuero, Monday)!.Kind);
        Assert.Equal(CaseRefusalKind.NotPossible, c.Transfer(Maria, supervisor: true, Kfz, "x", Monday)!.Kind);
        NothingChanged(c, CaseStatus.Resolved, "maria-id");

        var note = c.Note(Josef, "intern", Monday);
        c.CitizenWrote(Guid.NewGuid(), "Danke!", Monday, Buergerbuero, Monday);
        var changes = c.TakeChanges();
        Assert.True(note.Internal);
        Assert.Equal(2, changes.Messages.Count);
        Assert.Empty(changes.Events);
        Assert.Equal(CaseStatus.Resolved, c.Status);
    }

    [Fact]
    public void Erasure_closes_an_open_case_and_removes_everything_that_points_to_the_person()
    {
        var c = Opened(citizen: Guid.NewGuid());

        c.Anonymise(Guid.NewGuid(), Monday);

        Assert.Equal((CaseStatus.Resolved, Case.ClosedForErasure, null, Monday), (c.Status, c.Resolution, c.CitizenId, c.AnonymisedAt!.Value));
        Assert.Empty(c.CitizenSnapshot);
        var changes = c.TakeChanges();
        Assert.Equal(("anonymised", CaseStatus.New, CaseStatus.Resolved), (changes.History.Single().Action, changes.History.Single().FromStatus,
            changes.History.Single().ToStatus));
        Assert.Empty(changes.Events);
    }

    [Fact]
    public void A_new_case_is_found_by_its_reference_citizen_and_chat()
    {
        var spec = new NewCase(
            CaseTypes.Enquiry, Guid.NewGuid(), Guid.NewGuid(), null, Guid.NewGuid(), "buergerbuero", null, "de", "no-answer",
            [new(1, "citizen", "Mein Gartenzwerg wurde gestohlen", Monday)], new Dictionary<string, string> { ["givenName"] = "Sepp", ["familyName"] = "Huber" }, null,
            "escalation");

        var c = Case.Open(spec, "M-2026-000009", Buergerbuero, Monday);

        Assert.Equal(CaseSearch.TextOf(c.Reference, c.CitizenSnapshot, c.Transcript, c.Form), c.SearchText);
        Assert.Contains("Sepp Huber", c.SearchText, StringComparison.Ordinal);
        Assert.Contains("Gartenzwerg", c.SearchText, StringComparison.Ordinal);
    }

    [Fact]
    public void Erasure_takes_the_citizens_data_out_of_the_search_text_and_keeps_the_chat_and_the_form()
    {
        var spec = new NewCase(
            CaseTypes.Application, Guid.NewGuid(), null, Guid.NewGuid(), Guid.NewGuid(), "buergerbuero", null, "de", "application",
            [new(1, "citizen", "Bitte um Termin", Monday)], new Dictionary<string, string> { ["givenName"] = "Sepp", ["email"] = "sepp@example.org" },
            [new("reason", "Grund", "Umzug")], "submission");
        var c = Case.Open(spec, "M-2026-000010", Buergerbuero, Monday);

        c.Anonymise(Guid.NewGuid(), Monday);

        Assert.Equal("M-2026-000010\n\nBitte um Termin\nUmzug", c.SearchText);
    }

    [Fact]
    public void Erasure_keeps_the_resolution_of_a_case_already_resolved()
    {
        var c = ClaimedBy(Maria);
        c.Resolve(Maria, "Pass ist abholbereit.", Buergerbuero, Monday);

        c.Anonymise(Guid.NewGuid(), Monday.AddDays(1));

        Assert.Equal(("Pass ist abholbereit.", Monday), (c.Resolution, c.ResolvedAt!.Value));
    }

    [Fact]
    public void A_breach_raises_the_priority_and_is_reported_for_its_deadline()
    {
        var c = Opened();
        var due = c.SlaDueAt;

        c.ReportBreach(Monday.AddDays(1));

        Assert.Equal((Priorities.High, due), (c.Priority, c.SlaBreachReportedFor));
        var breached = Assert.IsType<CaseSlaBreached>(Assert.Single(c.TakeChanges().Events).Event);
        Assert.Equal(due, breached.SlaDueAt);
    }

    [Fact]
    public void What_the_department_tells_a_signed_in_citizen_goes_to_their_Postfach_in_the_case_language()
    {
        var citizen = Guid.NewGuid();
        var c = Opened(citizen, language: "tr");
        Assert.Null(c.Claim(Maria, Monday));
        Assert.Null(c.RequestInfo(Maria, "Hangi ülkenin vatandaşısınız?", Buergerbuero, Monday));
        c.CitizenWrote(Guid.NewGuid(), "Türkiye", Monday.AddMinutes(5), Buergerbuero, Monday.AddMinutes(5));
        Assert.Null(c.Reply(Maria, "Teşekkürler.", Buergerbuero, Monday.AddMinutes(10), out var reply));
        Assert.Null(c.Transfer(Maria, supervisor: false, Kfz, "Zulassungsfrage", Monday.AddMinutes(20)));
        Assert.Null(c.Claim(Josef, Monday.AddMinutes(30)));
        Assert.Null(c.Resolve(Josef, "Erledigt.", Kfz, Monday.AddMinutes(40)));

        var letters = c.TakeChanges().Events.Select(e => e.Event).OfType<PostfachMessageSubmitted>().ToList();

        Assert.Equal([PostfachKinds.RequestInfo, PostfachKinds.Reply, PostfachKinds.Transfer, PostfachKinds.Resolution], letters.Select(l => l.Kind));
        Assert.All(letters, l => Assert.Equal((citizen, c.Id, "M-2026-000001", "tr"), (l.CitizenId, l.CaseId, l.Reference, l.Language)));
        Assert.Equal(reply!.Id, letters[1].PostfachMessageId);
        Assert.Equal("M-2026-000001 numaralı başvurunuza yanıt", letters[1].Subject);
        Assert.Equal(("buergerbuero", "kfz"), (letters[1].DepartmentId, letters[3].DepartmentId));
        Assert.Contains("Kfz-Zulassung", letters[2].Body, StringComparison.Ordinal);
        Assert.Equal(letters.Count, letters.Select(l => l.PostfachMessageId).Distinct().Count());
    }

    [Fact]
    public void Anonymous_chats_and_internal_notes_put_nothing_into_a_Postfach()
    {
        var anonymous = ClaimedBy(Maria);
        Assert.Null(anonymous.Reply(Maria, "Hallo", Buergerbuero, Monday, out _));
        Assert.Null(anonymous.Resolve(Maria, "Erledigt.", Buergerbuero, Monday));
        Assert.DoesNotContain(anonymous.TakeChanges().Events, e => e.Event is PostfachMessageSubmitted);

        var signedIn = Opened(Guid.NewGuid());
        signedIn.Note(Maria, "intern", Monday);
        Assert.Null(signedIn.Claim(Maria, Monday));
        Assert.DoesNotContain(signedIn.TakeChanges().Events, e => e.Event is PostfachMessageSubmitted);
    }

    [Theory]
    [InlineData("bar", "Antwort zu Ihrem Anliegen M-1")]
    [InlineData("hr", "Reply to your request M-1")]
    [InlineData("ar", "رد على طلبكم M-1")]
    public void Postfach_subjects_fall_back_like_every_text(string language, string subject) =>
        Assert.Equal(subject, PostfachLetters.Text(PostfachKinds.Reply, language, ("reference", "M-1")));

    public static TheoryData<string> LetterLanguages => [.. PostfachLetters.Languages];

    [Theory]
    [MemberData(nameof(LetterLanguages))]
    public void Every_Postfach_letter_language_has_every_text(string language) => Assert.Empty(PostfachLetters.MissingKeys(language));
}
