using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Conversation;
using MucGov.Conversation.Bot;
using MucGov.Conversation.Data;
using MucGov.Shared.Auth;
using MucGov.Shared.Data;
using MucGov.Shared.Messaging.Outbox;
using static MucGov.Conversation.Apis.ConversationsApi;

namespace MucGov.Conversation.Chats;

/// <summary>
/// One citizen message in a chat, start to finish: while a department holds the chat it goes to the case; while a
/// procedure runs the form engine answers; otherwise Mingabot does (and may offer a procedure). The citizen's message,
/// the answer, consents, the hand-over and the events are stored in one transaction.
/// </summary>
public sealed class ChatTurns(ConversationDbContext db, Mingabot bot, IKnowledge knowledge, CitizenProfiles profiles, TimeProvider clock)
{
    /// <summary>Takes the message (already validated, the chat the caller's, not a retry, within the rate limit) and stores it with its answer.</summary>
    public async Task<NewMessages> TakeAsync(Chat chat, NewMessage body, ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct)
    {
        if (chat.EscalationId is { } escalationId)
        {
            // The chat belongs to a department now: the citizen's words go to the case, the bot stays quiet.
            return await StoreAsync(chat, body, now, Language.Detect(body.Text!, chat.Language), reply: null, escalation: null, ct,
                citizenMessage => db.AddToOutbox(new CitizenMessagePosted(chat.Id, citizenMessage.Id, escalationId, citizenMessage.Text, now), clock));
        }

        if (chat.Procedure is { } draft)
        {
            return await ContinueProcedureAsync(chat, draft, body, user, now, ct);
        }

        // The bot thinks before anything is locked: a slow knowledge service must not hold the conversation.
        var turn = await bot.TurnAsync(body.Text!, body.ActionId, chat.State, chat.CitizenId is not null, chat.Language, ct);
        turn = OfferProcedure(chat, turn, body.Text!, now);
        chat.State = turn.State;
        chat.Language = turn.ChatLanguage ?? turn.Reply.Language;
        return await StoreAsync(chat, body, now, chat.Language, turn.Reply, turn.Escalate, ct, _ =>
        {
            if (turn.Declined)
            {
                db.Consents.Add(new ConsentRecord
                {
                    Id = Guid.CreateVersion7(now), ConversationId = chat.Id, CitizenId = chat.CitizenId, DepartmentId = chat.State.Department?.Id ?? Mingabot.Triage,
                    Purpose = "escalation", Fields = [.. Mingabot.SharedFields], Granted = false, AnsweredAt = now,
                });
            }
        });
    }

    /// <summary>
    /// When the citizen wants to have a service done (not just know about it) and the catalog has a procedure for it,
    /// the bot's answer ends with the offer to do it here; the draft is kept with the chat.
    /// </summary>
    private static BotTurn OfferProcedure(Chat chat, BotTurn turn, string text, DateTimeOffset now)
    {
        // The bot's answer already came from the service's details: no second request to the knowledge service.
        if (turn.Escalate is not null || turn.State.PendingEscalation is not null || turn.Reply.Actions.Count > 0
            || turn.Service?.Procedure is null || !ProcedureDialogue.WantsToDoIt(text))
        {
            return turn;
        }

        var offer = ProcedureDialogue.Offer(turn.Service, turn.Reply.Language, now);
        chat.Procedure = offer.Draft;
        return turn with { Reply = offer.Reply with { Text = turn.Reply.Text + "\n\n" + offer.Reply.Text, Blocks = turn.Reply.Blocks, Understood = turn.Reply.Understood } };
    }

    /// <summary>
    /// A procedure in progress: the form engine answers instead of the bot. Bürgerkonto fields are fetched once, under
    /// a consent record naming the procedure; the submission goes out through the outbox with the reply, and only if
    /// the account's trust level (read from the identity service, so a fresh eID check counts) is high enough.
    /// </summary>
    private async Task<NewMessages> ContinueProcedureAsync(Chat chat, ProcedureDraft draft, NewMessage body, ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(MucGov.Shared.Calendar.MunichCalendar.ToLocal(now));
        var language = chat.Language;
        var purpose = $"procedure:{draft.Procedure.Id}";
        var lower = body.Text!.ToLowerInvariant();
        if (draft.Stage == ProcedureStages.Offered && body.ActionId is null && !ProcedureDialogue.AnswersOffer(lower))
        {
            // Neither yes nor no while the offer stands ("wos kost des?", "geht das auch mit einem Firmenwagen?"): the bot
            // answers; still about the service, the offer is repeated; about something else, the offer lapses.
            var state = chat.State with { Topic = new Topic(TopicKinds.Service, draft.ServiceId) };
            var answer = await bot.TurnAsync(body.Text!, null, state, chat.CitizenId is not null, language, ct);
            chat.State = answer.State;
            chat.Language = answer.ChatLanguage ?? answer.Reply.Language;
            var stays = answer.Reply.Understood is { } understood
                && (understood.Topic == draft.ServiceId || understood.Intent?.StartsWith("smalltalk:", StringComparison.Ordinal) == true)
                && answer.State.PendingEscalation is null;
            if (!stays)
            {
                chat.Procedure = null;
                return await StoreAsync(chat, body, now, chat.Language, answer.Reply, answer.Escalate, ct, _ => { });
            }

            var again = ProcedureDialogue.RepeatOffer(draft, answer.Reply.Language);
            var reply = answer.Reply with { Text = answer.Reply.Text + "\n\n" + again.Text, Actions = again.Actions };
            return await StoreAsync(chat, body, now, chat.Language, reply, escalation: null, ct, _ => { });
        }

        var turn = ProcedureDialogue.Continue(draft, body.Text!, body.ActionId, chat.CitizenId is not null, language, today);
        ConsentRecord? consent = null;
        ProcedureSubmitted? submission = null;
        if (turn.Step == ProcedureStep.FetchProfile && chat.CitizenId is { } citizen)
        {
            var fields = draft.Procedure.Fields.Where(f => f.PrefillFrom is not null).Select(f => f.PrefillFrom!).Distinct().ToList();
            consent = new ConsentRecord
            {
                Id = Guid.CreateVersion7(now), ConversationId = chat.Id, CitizenId = citizen, DepartmentId = draft.DepartmentId,
                Purpose = purpose, Fields = fields, Granted = true, AnsweredAt = now,
            };
            var profile = await profiles.FetchAsync(citizen, chat.Id, consent.Id, purpose, draft.DepartmentId, fields, ct);
            turn = ProcedureDialogue.Prefill(turn.Draft!, profile?.Fields, language, today);
        }
        else if (turn.Step == ProcedureStep.Submit && chat.CitizenId is { } owner)
        {
            var trust = (await profiles.FetchAsync(owner, chat.Id, Guid.CreateVersion7(now), purpose, draft.DepartmentId, [], ct))?.TrustLevel
                ?? user.FindFirst(MucGovClaims.TrustLevel)?.Value ?? "basic";
            if (!TrustLevels.AtLeast(trust, draft.Procedure.TrustLevel))
            {
                turn = new ProcedureTurn(Mingabot.Say(language, "procedure.trustLevel", ("level", draft.Procedure.TrustLevel)), draft);
            }
            else
            {
                // The city's records are German whatever the chat's language: an English form is looked up once more in German.
                var german = draft.FormLanguage == "de" ? null : await knowledge.DetailsAsync(draft.ServiceId, "de", ct);
                IReadOnlyList<KeyValuePair<string, string>> labels = german?.Procedure is { } form
                    ? [.. form.Fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Label))]
                    : ProcedureDialogue.Labels(draft);
                submission = new ProcedureSubmitted(Guid.CreateVersion7(now), chat.Id, owner, draft.ServiceId, draft.Procedure.Id, draft.Values.ToDictionary(), language, now,
                    draft.DepartmentId, draft.Procedure.Result, german?.Title ?? draft.ServiceTitle, labels,
                    await db.Consents.Where(c => c.ConversationId == chat.Id && c.Purpose == purpose)
                        .OrderByDescending(c => c.AnsweredAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct),
                    draft.Procedure.TrustLevel,
                    [.. draft.Procedure.Fields.Where(f => f.PrefillFrom is not null).Select(f => new KeyValuePair<string, string>(f.Name, f.PrefillFrom!))],
                    [.. draft.Prefilled]);
                turn = new ProcedureTurn(new BotReply(draft.Procedure.Confirmation, language), null, ProcedureStep.Dropped);
            }
        }

        chat.Procedure = turn.Draft;
        var procedureReply = turn.Reply with { Understood = turn.Reply.Understood ?? new Understood("procedure", draft.ServiceId) };
        return await StoreAsync(chat, body, now, language, procedureReply, escalation: null, ct, _ =>
        {
            if (consent is not null)
            {
                db.Consents.Add(consent);
            }

            if (submission is not null)
            {
                db.AddToOutbox(submission, clock);
            }
        });
    }

    /// <summary>Stores the citizen's message, the bot's reply and, after consent, the hand-over — one transaction.</summary>
    private async Task<NewMessages> StoreAsync(
        Chat chat, NewMessage body, DateTimeOffset now, string language, BotReply? reply, Escalation? escalation, CancellationToken ct, Action<ChatMessage> alsoPublish)
    {
        var snapshot = escalation is not null && chat.CitizenId is { } citizenId
            ? await profiles.SnapshotAsync(citizenId, chat.Id, escalation, ct)
            : (ConsentId: Guid.CreateVersion7(now), Fields: (IReadOnlyDictionary<string, string>)new Dictionary<string, string>());

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var last = await Sequence.AllocateAsync(db, chat.Id, reply is null ? 1 : 2, ct);
        var citizenMessage = new ChatMessage
        {
            Id = Guid.CreateVersion7(now), ConversationId = chat.Id, Seq = reply is null ? last : last - 1, Author = Authors.Citizen, Text = body.Text!,
            Language = language, CreatedAt = now, ClientMessageId = body.ClientMessageId,
        };
        db.Messages.Add(citizenMessage);
        ChatMessage? botMessage = null;
        if (reply is not null)
        {
            botMessage = new ChatMessage
            {
                Id = Guid.CreateVersion7(now.AddTicks(10)), ConversationId = chat.Id, Seq = last, Author = Authors.Bot, Text = reply.Text,
                Language = reply.Language, CreatedAt = now, InReplyTo = citizenMessage.Id, Actions = [.. reply.Actions], Blocks = [.. reply.Blocks ?? []],
                Understood = reply.Understood,
            };
            db.Messages.Add(botMessage);
        }

        if (escalation is not null)
        {
            var escalationId = Guid.CreateVersion7(now);
            chat.EscalationId = escalationId;
            db.Consents.Add(new ConsentRecord
            {
                Id = snapshot.ConsentId, ConversationId = chat.Id, CitizenId = chat.CitizenId, DepartmentId = escalation.DepartmentId,
                Purpose = "escalation", Fields = [.. escalation.Fields], Granted = true, AnsweredAt = now,
            });
            var transcript = await db.Messages.AsNoTracking().Where(m => m.ConversationId == chat.Id).OrderBy(m => m.Seq)
                .Select(m => new TranscriptEntry(m.Seq, m.Author, m.Text, m.CreatedAt)).ToListAsync(ct);
            transcript.Add(new TranscriptEntry(citizenMessage.Seq, citizenMessage.Author, citizenMessage.Text, now));
            db.AddToOutbox(new ConversationEscalated(escalationId, chat.Id, chat.CitizenId, escalation.ServiceId, escalation.DepartmentId, language,
                escalation.Reason, transcript, snapshot.Fields, snapshot.ConsentId, now), clock);
        }

        alsoPublish(citizenMessage);
        db.AddToOutbox(new ConversationMessageAppended(chat.Id, last), clock);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // A concurrent retry of the same message won: answer with what it stored.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (await EarlierAnswerAsync(db, chat.Id, body.ClientMessageId!, ct))!;
        }

        return new NewMessages(botMessage is null ? [View(citizenMessage)] : [View(citizenMessage), View(botMessage)]);
    }

}
