using System.Collections.Concurrent;
using System.Threading.Channels;
using MucGov.Contracts.Ticket;
using MucGov.Shared.ServiceDefaults;

namespace MucGov.Ticket.Queue;

/// <summary>
/// This replica's open console streams, each with the departments it watches. Told of every change by
/// <see cref="Consumers.QueueChangedConsumer"/> (one auto-delete queue per replica on the fan-out), so a caseworker's
/// stream on any replica sees a case opened, claimed or transferred on any other.
/// </summary>
public sealed class QueueEvents
{
    /// <summary>Changes one stream may have waiting; a console that does not read loses the oldest and reloads on the next.</summary>
    private const int Backlog = 256;

    private readonly ConcurrentDictionary<Subscription, byte> streams = new();

    /// <summary>How many streams are open on this replica for one caseworker.</summary>
    public int OpenFor(string subject) => streams.Keys.Count(s => s.Subject == subject);

    public Subscription Subscribe(string subject, IReadOnlySet<string> departments)
    {
        var subscription = new Subscription(this, subject, departments);
        streams.TryAdd(subscription, 0);
        return subscription;
    }

    public void Notify(QueueChanged change)
    {
        foreach (var stream in streams.Keys.Where(s => s.Departments.Contains(change.DepartmentId)))
        {
            stream.Changes.Writer.TryWrite(change);
        }
    }

    /// <summary>One open stream; disposing it unsubscribes.</summary>
    public sealed class Subscription(QueueEvents owner, string subject, IReadOnlySet<string> departments) : IDisposable
    {
        public string Subject { get; } = subject;

        public IReadOnlySet<string> Departments { get; } = departments;

        internal Channel<QueueChanged> Changes { get; } =
            Channel.CreateBounded<QueueChanged>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        /// <summary>The next change, or null when <paramref name="timeout"/> passed first.</summary>
        public async Task<QueueChanged?> NextAsync(TimeSpan timeout, CancellationToken ct) => (await Changes.Reader.ReadOrTimeoutAsync(timeout, ct)).Item;

        public void Dispose() => owner.streams.TryRemove(this, out _);
    }
}
