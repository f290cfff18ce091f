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
using MucGov.Shared.Languages;
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

    /// <summary>A new chat's options: the language the citizen picked (one of the supported languages); otherwise the account's, the browser's or German.</summary>
    public sealed record NewConversation(string? Language = null);

    public sealed record NewMessages(IReadOnlyList<MessageView> Messages);

    internal static async Task<Results<Created<Created>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] NewConversation? body,
        ClaimsPrincipal user, HttpContext http, ConversationDbContext db, ChatLimits limits, IOptions<ChatOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (body?.Language is { } picked && !SupportedLanguages.IsSupported(picked))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["language"] = [$"One of {string.Join(", ", SupportedLanguages.Codes)}."] },
                title: "No chat was started.");
        }

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
        var (language, chosen) = body?.Language is { } wanted ? (wanted, true) : ChatLanguage(user, http.Request);
        var chat = new Chat
        {
            Id = Guid.CreateVersion7(now), CitizenId = citizen, AccessKeyHash = key is null ? null : Hash(key), Language = language, LastSeq = 1,
            CreatedAt = now, UpdatedAt = now, State = DialogueState.Empty with { LanguageChosen = chosen },
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

    /// <summary>
    /// A new chat's language when none was picked: the account's, else the browser's first supported one (both count as
    /// chosen), else German (which the first message may change).
    /// </summary>
    private static (string Language, bool Chosen) ChatLanguage(ClaimsPrincipal user, HttpRequest request)
    {
        if (user.FindFirst(MucGovClaims.Locale)?.Value is { } locale && SupportedLanguages.IsSupported(locale))
        {
            return (locale, true);
        }

        var accepted = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Value.HasValue && (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value!.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(SupportedLanguages.IsSupported);
        return accepted is null ? (SupportedLanguages.German, false) : (accepted, true);
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
        ConversationDbContext db, ChatTurns turns, IOptions<ChatOptions> options, TimeProvider clock, CancellationToken ct)
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

        var count = await db.CountMessageAsync(id, body!.ClientMessageId!, clock.GetUtcNow(), ct);
        if (count == 0)
        {
            // A retry: the first answer again, nothing stored twice (or the chat was deleted meanwhile).
            if (await EarlierAnswerAsync(db, id, body.ClientMessageId!, ct) is { } earlier)
            {
                return TypedResults.Ok(earlier);
            }

            return NotFound();
        }

        if (count > options.Value.MessagesPerMinute)
        {
            http.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Slow down",
                detail: $"At most {options.Value.MessagesPerMinute} messages a minute per conversation.");
        }

        return TypedResults.Ok(await turns.TakeAsync(chat, body, user, Now(clock), ct));
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
        await http.Response.StartEventStreamAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var batch = await db.Messages.AsNoTracking().Where(m => m.ConversationId == id && m.Seq > last).OrderBy(m => m.Seq).Take(100).ToListAsync(ct);
                foreach (var message in batch)
                {
                    await http.Response.WriteEventAsync(System.Text.Json.JsonSerializer.Serialize(View(message), System.Text.Json.JsonSerializerOptions.Web), ct,
                        id: message.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    last = message.Seq;
                }

                await http.Response.Body.FlushAsync(ct);
                if (batch.Count == 100)
                {
                    continue;
                }

                if (!await subscription.WaitAsync(options.Value.HeartbeatInterval, ct))
                {
                    await http.Response.WriteHeartbeatAsync(ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away; it resumes with Last-Event-ID.
        }
    }

    internal static async Task<NewMessages?> EarlierAnswerAsync(ConversationDbContext db, Guid id, string clientMessageId, CancellationToken ct)
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

    internal static MessageView View(ChatMessage m) => new(m.Id, m.Seq, m.Author, m.Text, m.Language, m.CreatedAt, m.Actions, m.CaseReference,
        m.Blocks.Count > 0 ? m.Blocks : null, m.Understood);
}
