namespace MucGov.Testing;

/// <summary>Loopback ports for apps whose address must be known before they start (an OIDC issuer, say).</summary>
public static class Ports
{
    /// <summary>Setting naming the Kestrel port a test host listens on.</summary>
    public const string KestrelSetting = "Testing:KestrelPort";

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int Free()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
