using System.Net;
using System.Net.Sockets;

namespace MucGov.Testing;

/// <summary>
/// A loopback TCP relay in front of a real server, to cut the network to it and bring it back in a test
/// (e.g. the broker "down" for one service while it stays up for others). Stopping closes the listener and every
/// relayed connection; starting listens on the same port again.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint target;
    private readonly List<TcpClient> connections = [];
    private TcpListener? listener;
    private CancellationTokenSource? running;
    private Task? accepting;

    /// <summary>Creates a relay to <paramref name="host"/>:<paramref name="port"/> on a free loopback port.</summary>
    public TcpRelay(string host, int port)
    {
        target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        Port = Ports.Free();
    }

    /// <summary>The loopback port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Starts relaying.</summary>
    public void Start()
    {
        running = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        accepting = AcceptAsync(listener, running.Token);
    }

    /// <summary>Stops relaying: refuses new connections and drops existing ones.</summary>
    public async Task StopAsync()
    {
        if (running is null)
        {
            return;
        }

        await running.CancelAsync();
        listener?.Stop();
        lock (connections)
        {
            foreach (var connection in connections)
            {
                // Reset rather than close politely: the peer must see the network vanish. A pump may be closing the
                // same connection right now; then it is gone already, which is what we want.
                try
                {
                    if (connection.Client is { Connected: true } socket)
                    {
                        socket.LingerState = new LingerOption(true, 0);
                    }
                }
                catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
                {
                }

                connection.Dispose();
            }

            connections.Clear();
        }

        try
        {
            await (accepting ?? Task.CompletedTask);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        running.Dispose();
        running = null;
    }

    private async Task AcceptAsync(TcpListener server, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var client = await server.AcceptTcpClientAsync(ct);
            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(target, ct);
            }
            catch (SocketException)
            {
                client.Dispose();
                upstream.Dispose();
                continue;
            }

            lock (connections)
            {
                connections.Add(client);
                connections.Add(upstream);
            }

            _ = PumpAsync(client, upstream, ct);
            _ = PumpAsync(upstream, client, ct);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), ct);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();
}
