using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Conversation;
using MucGov.Shared.Messaging;
using MucGov.Shared.Messaging.Outbox;
using Xunit;

namespace MucGov.Shared.Tests;

public sealed class OutboxTests
{
    private sealed class Db(DbContextOptions<Db> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
    }

    // Adding to the outbox opens no connection: a connection string to nowhere is enough.
    private static Db NewDb() => new(new DbContextOptionsBuilder<Db>().UseNpgsql("Host=127.0.0.1;Port=9;Database=none").UseSnakeCaseNamingConvention().Options);

    [Fact]
    public void Added_message_is_stored_as_its_type_name_and_json_and_is_due_at_once()
    {
        using var db = NewDb();
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(1)));
        var escalation = new ConversationEscalated(Guid.NewGuid(), Guid.NewGuid(), null, "anmeldung", "buergerbuero", "de");

        var id = db.AddToOutbox(escalation, clock);

        var row = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity;
        Assert.Equal(id, row.Id);
        Assert.Equal("MucGov.Contracts.Conversation.ConversationEscalated, MucGov.Shared.Contracts", row.MessageType);
        Assert.Equal(clock.GetUtcNow(), row.CreatedAt);
        Assert.Equal(row.CreatedAt, row.NextAttemptAt);
        Assert.Null(row.SentAt);
        var roundTrip = JsonSerializer.Deserialize<ConversationEscalated>(row.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Equal(escalation.EscalationId, roundTrip!.EscalationId);
        Assert.Equal("buergerbuero", roundTrip.DepartmentId);
    }

    [Fact]
    public void Message_ids_grow_with_time_so_rows_sort_in_write_order()
    {
        using var db = NewDb();
        var clock = new FixedClock(DateTimeOffset.UnixEpoch.AddYears(56));

        var first = db.AddToOutbox(new ConversationMessageAppended(Guid.NewGuid(), 1), clock);
        clock.Advance(TimeSpan.FromMilliseconds(5));
        var second = db.AddToOutbox(new ConversationMessageAppended(Guid.NewGuid(), 2), clock);

        Assert.True(first.CompareTo(second) < 0);
    }

    [Fact]
    public void Added_message_carries_the_trace_of_the_operation_that_wrote_it()
    {
        using var db = NewDb();
        using var activity = new Activity("escalate").SetIdFormat(ActivityIdFormat.W3C).Start();
        activity.AddBaggage("correlation.id", "req-1");

        db.AddToOutbox(new ConversationMessageAppended(Guid.NewGuid(), 1));

        var row = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity;
        Assert.Equal(activity.Id, row.TraceParent);
        Assert.Equal("req-1", row.CorrelationId);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(8, 128)]
    public void Retry_delay_doubles_with_each_attempt(int attempts, double expectedSeconds)
    {
        var delay = OutboxDispatcher<DbContext>.RetryDelay(attempts, TimeSpan.FromHours(1));

        // ±20 % jitter so that replicas that failed together do not retry together.
        Assert.InRange(delay.TotalSeconds, expectedSeconds * 0.8, expectedSeconds * 1.2);
    }

    [Fact]
    public void Retry_delay_never_exceeds_the_maximum()
    {
        var max = TimeSpan.FromMinutes(5);

        var delays = Enumerable.Range(1, 100).Select(attempts => OutboxDispatcher<DbContext>.RetryDelay(attempts, max));

        Assert.All(delays, d => Assert.True(d <= max, $"{d} > {max}"));
        Assert.True(OutboxDispatcher<DbContext>.RetryDelay(30, max) >= max * 0.8);
    }

    [Fact]
    public async Task Signal_wakes_a_waiting_dispatcher_before_its_poll_interval()
    {
        var signal = new OutboxSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);

        signal.Notify();

        await waiting.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Many_signals_before_a_wait_collapse_into_one_round()
    {
        var signal = new OutboxSignal();
        signal.Notify();
        signal.Notify();
        signal.Notify();

        await signal.WaitAsync(TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);
        var second = signal.WaitAsync(TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);

        Assert.False(second.IsCompleted);
        signal.Notify();
        await second.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset current = now;

        public override DateTimeOffset GetUtcNow() => current;

        public void Advance(TimeSpan by) => current += by;
    }
}
