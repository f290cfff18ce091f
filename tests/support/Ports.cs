using System.Net;
using System.Net.Sockets;

namespace MucGov.Testing;

/// <summary>Loopback ports for apps whose address must be known before they start (an OIDC issuer, say).</summary>
public static class Ports
{
    /// <summary>Setting naming the Kestrel port a test host listens on.</summary>
    public const string KestrelSetting = "Testing:KestrelPort";

    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Given = [];

    /// <summary>
    /// A loopback port nobody listens on right now, below the kernel's ephemeral range: a port from that range (what
    /// binding port 0 gives) can be taken by an outgoing connection between the probe and the app's own bind.
    /// Each port is handed out once per test run.
    /// </summary>
    public static int Free()
    {
        var (first, last) = Range();
        lock (Gate)
        {
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var port = Random.Shared.Next(first, last);
                if (Given.Contains(port))
                {
                    continue;
                }

                try
                {
                    using var probe = new TcpListener(IPAddress.Loopback, port);
                    probe.Start();
                    probe.Stop();
                    Given.Add(port);
                    return port;
                }
                catch (SocketException)
                {
                    // Someone listens there: try another.
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {first} and {last}.");
    }

    // 12 000 ports below the ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range, usually 32768–60999).
    private static (int First, int Last) Range()
    {
        var lowest = 32768;
        const string file = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(file) && int.TryParse(File.ReadAllText(file).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start))
        {
            lowest = start;
        }

        return (Math.Max(lowest - 12_000, 10_000), lowest);
    }
}
