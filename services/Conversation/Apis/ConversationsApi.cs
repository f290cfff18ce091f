using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Contracts.Conversation;
using MucGov.Conversation.Bot;
using MucGov.Conversation.Chats;
using MucGov.Conversation.Data;
using MucGov.Shared.Auth;
using MucGov.Shared.Messaging.Outbox;
using MucGov.Shared.ServiceDefaults;
using Npgsql;

namespace MucGov.Conversation.Apis;

/// <summary>Settings of the <c>Chat</c> section.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    [Range(1, 10000)]
    public int MaxMessageLength { get; set; } = 2000;

    [Range(1, 10_000_000)]
    public int MessagesPerMinute { get; set; } = 20;

    [Range(1, 100000)]
    public int MaxConversationsPerCitizen { get; set; } = 200;

    /// <summary>Anonymous chats one client address may start at once (the bucket's size).</summary>
    [Range(1, 10_000_000)]
    public int AnonymousChatBurst { get; set; } = 100;

    /// <summary>Anonymous chats a client address may start per second once the burst is used (the bucket's refill).</summary>
    [Range(1, 10_000_000)]
    public int AnonymousChatsPerSecond { get; set; } = 2;

    /// <summary>Live streams open at once per chat (on one replica).</summary>
    [Range(1, 10_000_000)]
    public int StreamsPerChat { get; set; } = 3;

    /// <summary>Live streams open at once per client address (on one replica).</summary>
    [Range(1, 10_000_000)]
    public int StreamsPerAddress { get; set; } = 20;

    /// <summary>Anonymous chats without a case are deleted after this long without a message.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan AnonymousChatRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Comment line sent on an idle event stream (proxies cut idle connections; YARP after 100 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:40")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// <c>/api/conversations</c>: chats with Mingabot. Anonymous chats are reached with the <c>accessKey</c> returned at
/// creation (header <c>X-Conversation-Key</c>); a signed-in citizen's chats with their token (scope <c>conversation</c>).
/// Anyone else gets 404, never data.
/// </summary>
public static class ConversationsApi
{
    public const string KeyHeader = "X-Conversation-Key";

    public static WebApplication MapConversationsApi(this WebApplication app)
    {
        // Creating, reading and posting are open to anonymous chats (they prove access with their key); listing needs a citizen.
        var chats = app.MapGroup("/api/conversations").WithTags("Conversations");
        chats.MapPost("/", CreateAsync).WithName("CreateConversation");
        chats.MapGet("/", ListAsync).WithName("ListConversations").RequireAuthorization(Policies.Chat);
        chats.MapGet("/{id:guid}", GetAsync).WithName("GetConversation");
        chats.MapPost("/{id:guid}/messages", PostAsync).WithName("PostMessage");
        chats.MapGet("/{id:guid}/events", StreamAsync).WithName("ConversationEvents").WithSummary("New messages as Server-Sent Events; resumes after Last-Event-ID");
        return app;
    }

    /// <summary>A chat message; bot messages may carry <c>blocks</c> (structured parts of the text) and <c>understood</c>.</summary>
    public sealed record MessageView(Guid Id, long Seq, string Author, string Text, string Language, DateTimeOffset CreatedAt, IReadOnlyList<ChatAction> Actions,
        string? CaseReference, IReadOnlyList<MessageBlock>? Blocks = null, Understood? Understood = null);

    public sealed record Created(Guid Id, string? AccessKey, IReadOnlyList<MessageView> Messages);

    public sealed record ConversationView(Guid Id, string Language, DateTimeOffset CreatedAt, IReadOnlyList<MessageView> Messages);

    public sealed record ConversationSummary(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? LastMessage);

    public sealed record ConversationList(IReadOnlyList<ConversationSummary> Items);

    public sealed record NewMessage(string? Text, string? ClientMessageId, string? ActionId);

    public sealed record NewMessages(IReadOnlyList<MessageView> Messages);

    internal static async Task<Results<Created<Created>, ProblemHttpResult>> CreateAsync(
        ClaimsPrincipal user, HttpContext http, ConversationDbContext db, ChatLimits limits, IOptions<ChatOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var citizen = Citizen(user);
        if (user.Identity?.IsAuthenticated == true && citizen is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: "The token does not grant the scope 'conversation'.");
        }

        if (citizen is { } owner && await db.Chats.CountAsync(c => c.CitizenId == owner, ct) >= options.Value.MaxConversationsPerCitizen)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many conversations",
                detail: $"At most {options.Value.MaxConversationsPerCitizen} conversations per citizen.");
        }

        if (citizen is null && !limits.MayStartAnonymousChat(http.Connection.RemoteIpAddress))
        {
            http.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many new chats",
                detail: $"At most {options.Value.AnonymousChatBurst} anonymous chats at once and {options.Value.AnonymousChatsPerSecond} a second from one address; sign in or " +
                    "continue an existing chat.");
        }

        var now = Now(clock);
        var key = citizen is null ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_') : null;
        var language = user.FindFirst(MucGovClaims.Locale)?.Value is "en" or "bar" ? user.FindFirst(MucGovClaims.Locale)!.Value : "de";
        var chat = new Chat
        {
            Id = Guid.CreateVersion7(now), CitizenId = citizen, AccessKeyHash = key is null ? null : Hash(key), Language = language, LastSeq = 1,
            CreatedAt = now, UpdatedAt = now
        };
        var welcome = Mingabot.Welcome(citizen is null ? null : user.FindFirst(MucGovClaims.Name)?.Value, language);
        var message = new ChatMessage
        {
            Id = Guid.CreateVersion7(now), ConversationId = chat.Id, Seq = 1, Author = Authors.Bot, Text = welcome.Text, Language = welcome.Language,
            CreatedAt = now
        };
        db.Chats.Add(chat);
        db.Messages.Add(message);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/conversations/{chat.Id}", new Created(chat.Id, key, [View(message)]));
    }

    internal static async Task<Ok<ConversationList>> ListAsync(ClaimsPrincipal user, ConversationDbContext db, CancellationToken ct)
    {
        var citizen = Citizen(user);
        var chats = await db.Chats.AsNoTracking().Where(c => c.CitizenId == citizen).OrderByDescending(c => c.UpdatedAt).Take(100)
            .Select(c => new ConversationSummary(c.Id, c.CreatedAt, c.UpdatedAt,
                db.Messages.Where(m => m.ConversationId == c.Id).OrderByDescending(m => m.Seq).Select(m => m.Text).FirstOrDefault()))
            .ToListAsync(ct);
        return TypedResults.Ok(new ConversationList(chats));
    }

    internal static async Task<Results<Ok<ConversationView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, [FromHeader(Name = KeyHeader)] string? key, ConversationDbContext db, CancellationToken ct)
    {
        var chat = await FindAsync(db, id, user, key, ct);
        if (chat is null)
        {
            return NotFound();
        }

        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.Seq).ToListAsync(ct);
        return TypedResults.Ok(new ConversationView(chat.Id, chat.Language, chat.CreatedAt, [.. messages.Select(View)]));
    }

    internal static async Task<Results<Ok<NewMessages>, ValidationProblem, ProblemHttpResult>> PostAsync(
        Guid id, NewMessage? body, ClaimsPrincipal user, [FromHeader(Name = KeyHeader)] string? key, HttpContext http,
        ConversationDbContext db, Mingabot bot, IOptions<ChatOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.Text))
        {
            errors["text"] = ["Required."];
        }
        else if (body.Text.Length > options.Value.MaxMessageLength)
        {
            errors["text"] = [$"At most {options.Value.MaxMessageLength} characters."];
        }
        else if (!TextInput.IsStorable(body.Text))
        {
            errors["text"] = [TextInput.NotStorable];
        }

        if (string.IsNullOrWhiteSpace(body?.ClientMessageId) || body.ClientMessageId.Length > 100 || !TextInput.IsStorable(body.ClientMessageId))
        {
            errors["clientMessageId"] = ["Required: the client's id of this message (at most 100 characters), so a retry is not stored twice."];
        }

        if (!TextInput.IsStorable(body?.ActionId))
        {
            errors["actionId"] = [TextInput.NotStorable];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The message was not sent.");
        }

        var chat = await FindAsync(db, id, user, key, ct);
        if (chat is null)
        {
            return NotFound();
        }

        if (await EarlierAnswerAsync(db, id, body!.ClientMessageId!, ct) is { } earlier)
        {
            return TypedResults.Ok(earlier);
        }

        if (await db.CountMessageAsync(id, clock.GetUtcNow(), ct) > options.Value.MessagesPerMinute)
        {
            http.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Slow down",
                detail: $"At most {options.Value.MessagesPerMinute} messages a minute per conversation.");
        }

        var now = Now(clock);
        if (chat.EscalationId is { } escalationId)
        {
            // The chat belongs to a department now: the citizen's words go to the case, the bot stays quiet.
            return await StoreAsync(db, chat, body, now, Language.Detect(body.Text!, chat.Language), reply: null, escalation: null, http.RequestServices, ct,
                citizenMessage => db.AddToOutbox(new CitizenMessagePosted(chat.Id, citizenMessage.Id, escalationId, citizenMessage.Text, now), clock));
        }

        if (chat.Procedure is { } draft)
        {
            return await ContinueProcedureAsync(db, chat, draft, body, user, now, http.RequestServices, ct);
        }

        // The bot thinks before anything is locked: a slow knowledge service must not hold the conversation.
        var turn = await bot.TurnAsync(body.Text!, body.ActionId, chat.State, chat.CitizenId is not null, chat.Language, ct);
        turn = OfferProcedure(chat, turn, body.Text!, now);
        chat.State = turn.State;
        chat.Language = turn.Reply.Language;
        return await StoreAsync(db, chat, body, now, turn.Reply.Language, turn.Reply, turn.Escalate, http.RequestServices, ct, _ =>
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
    private static async Task<Results<Ok<NewMessages>, ValidationProblem, ProblemHttpResult>> ContinueProcedureAsync(
        ConversationDbContext db, Chat chat, ProcedureDraft draft, NewMessage body, ClaimsPrincipal user, DateTimeOffset now, IServiceProvider services, CancellationToken ct)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var profiles = services.GetRequiredService<CitizenProfiles>();
        var today = DateOnly.FromDateTime(MucGov.Shared.Calendar.MunichCalendar.ToLocal(now));
        var language = chat.Language;
        var purpose = $"procedure:{draft.Procedure.Id}";
        var lower = body.Text!.ToLowerInvariant();
        if (draft.Stage == ProcedureStages.Offered && body.ActionId is null && !Mingabot.IsYes(lower) && !Mingabot.IsNo(lower) && !ProcedureDialogue.Cancels(lower))
        {
            // Neither yes nor no while the offer stands ("wos kost des?", "geht das auch mit einem Firmenwagen?"): the bot
            // answers; still about the service, the offer is repeated; about something else, the offer lapses.
            var state = chat.State with { Topic = new Topic(TopicKinds.Service, draft.ServiceId) };
            var answer = await services.GetRequiredService<Mingabot>().TurnAsync(body.Text!, null, state, chat.CitizenId is not null, language, ct);
            chat.State = answer.State;
            chat.Language = answer.Reply.Language;
            var stays = answer.Reply.Understood is { } understood
                && (understood.Topic == draft.ServiceId || understood.Intent?.StartsWith("smalltalk:", StringComparison.Ordinal) == true)
                && answer.State.PendingEscalation is null;
            if (!stays)
            {
                chat.Procedure = null;
                return await StoreAsync(db, chat, body, now, answer.Reply.Language, answer.Reply, answer.Escalate, services, ct, _ => { });
            }

            var again = ProcedureDialogue.RepeatOffer(draft, answer.Reply.Language);
            var reply = answer.Reply with { Text = answer.Reply.Text + "\n\n" + again.Text, Actions = again.Actions };
            return await StoreAsync(db, chat, body, now, answer.Reply.Language, reply, escalation: null, services, ct, _ => { });
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
                var german = draft.FormLanguage == "de" ? null : await services.GetRequiredService<IKnowledge>().DetailsAsync(draft.ServiceId, "de", ct);
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
        return await StoreAsync(db, chat, body, now, language, procedureReply, escalation: null, services, ct, _ =>
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
    private static async Task<Results<Ok<NewMessages>, ValidationProblem, ProblemHttpResult>> StoreAsync(
        ConversationDbContext db, Chat chat, NewMessage body, DateTimeOffset now, string language, BotReply? reply, Escalation? escalation,
        IServiceProvider services, CancellationToken ct, Action<ChatMessage> alsoPublish)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var snapshot = escalation is not null && chat.CitizenId is { } citizenId
            ? await services.GetRequiredService<CitizenProfiles>().SnapshotAsync(citizenId, chat.Id, escalation, ct)
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
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent retry of the same message won: answer with what it stored.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return TypedResults.Ok((await EarlierAnswerAsync(db, chat.Id, body.ClientMessageId!, ct))!);
        }

        return TypedResults.Ok(new NewMessages(botMessage is null ? [View(citizenMessage)] : [View(citizenMessage), View(botMessage)]));
    }

    /// <summary>
    /// The conversation's messages as Server-Sent Events (<c>id:</c> = seq, <c>data:</c> = the message), from after
    /// <c>Last-Event-ID</c>: subscribe first, then read from the database, so nothing falls between replay and live.
    /// </summary>
    internal static async Task StreamAsync(
        Guid id, ClaimsPrincipal user, [FromHeader(Name = KeyHeader)] string? key, [FromHeader(Name = "Last-Event-ID")] string? lastEventId,
        HttpContext http, ConversationDbContext db, Chats.ChatEvents events, ChatLimits limits, IOptions<ChatOptions> options, CancellationToken ct)
    {
        var chat = await FindAsync(db, id, user, key, ct);
        if (chat is null)
        {
            await NotFound().ExecuteAsync(http);
            return;
        }

        using var reservation = limits.OpenStream(id, http.Connection.RemoteIpAddress);
        if (reservation is null)
        {
            http.Response.Headers.RetryAfter = "30";
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many open streams",
                detail: $"At most {options.Value.StreamsPerChat} live streams per chat and {options.Value.StreamsPerAddress} per address; close one first.").ExecuteAsync(http);
            return;
        }

        long.TryParse(lastEventId ?? http.Request.Query["lastEventId"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var last);
        using var subscription = events.Subscribe(id);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var batch = await db.Messages.AsNoTracking().Where(m => m.ConversationId == id && m.Seq > last).OrderBy(m => m.Seq).Take(100).ToListAsync(ct);
                foreach (var message in batch)
                {
                    await http.Response.WriteAsync(
                        $"id: {message.Seq}\ndata: {System.Text.Json.JsonSerializer.Serialize(View(message), System.Text.Json.JsonSerializerOptions.Web)}\n\n", ct);
                    last = message.Seq;
                }

                await http.Response.Body.FlushAsync(ct);
                if (batch.Count == 100)
                {
                    continue;
                }

                if (!await subscription.WaitAsync(options.Value.HeartbeatInterval, ct))
                {
                    await http.Response.WriteAsync(": heartbeat\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away; it resumes with Last-Event-ID.
        }
    }

    private static async Task<NewMessages?> EarlierAnswerAsync(ConversationDbContext db, Guid id, string clientMessageId, CancellationToken ct)
    {
        var original = await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.ConversationId == id && m.ClientMessageId == clientMessageId, ct);
        if (original is null)
        {
            return null;
        }

        var replies = await db.Messages.AsNoTracking().Where(m => m.ConversationId == id && m.InReplyTo == original.Id).OrderBy(m => m.Seq).ToListAsync(ct);
        return new NewMessages([View(original), .. replies.Select(View)]);
    }

    /// <summary>
    /// The chat if the caller may see it (its citizen, or the holder of an anonymous chat's key); null otherwise. A
    /// signed-in citizen holding an anonymous chat's key takes it over: from then on it is theirs.
    /// </summary>
    private static async Task<Chat?> FindAsync(ConversationDbContext db, Guid id, ClaimsPrincipal user, string? key, CancellationToken ct)
    {
        var chat = await db.Chats.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (chat is null)
        {
            return null;
        }

        var citizen = Citizen(user);
        if (chat.CitizenId is { } owner)
        {
            return citizen == owner ? chat : null;
        }

        var keyMatches = key is not null && chat.AccessKeyHash is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(chat.AccessKeyHash));
        if (!keyMatches)
        {
            return null;
        }

        if (citizen is not null)
        {
            chat.CitizenId = citizen;
            chat.AccessKeyHash = null;
            await db.SaveChangesAsync(ct);
        }

        return chat;
    }

    /// <summary>The signed-in citizen, when the token grants the chat scope.</summary>
    private static Guid? Citizen(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.Scopes().Contains("conversation") ? user.AccountId() : null;

    /// <summary>Now, to the microsecond PostgreSQL stores, so a first answer and its replay look the same.</summary>
    private static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static ProblemHttpResult NotFound() => Problems.NotFound("There is no such conversation for you.");

    private static MessageView View(ChatMessage m) => new(m.Id, m.Seq, m.Author, m.Text, m.Language, m.CreatedAt, m.Actions, m.CaseReference,
        m.Blocks.Count > 0 ? m.Blocks : null, m.Understood);
}
