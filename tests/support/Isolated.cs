using Xunit;

namespace MucGov.Testing;

/// <summary>
/// A class fixture giving a test class its own databases and RabbitMQ virtual host on the shared test servers,
/// so test classes never see each other and can run in parallel. Everything is dropped when the class is done.
/// </summary>
public class Isolated : IAsyncLifetime
{
    private readonly List<string> databases = [];
    private readonly List<string> virtualHosts = [];

    /// <summary>The test servers.</summary>
    public TestServers Servers { get; private set; } = null!;

    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync() => Servers = await TestServers.GetAsync();

    /// <summary>A fresh, empty database; returns its connection string.</summary>
    public async Task<string> NewDatabaseAsync(string prefix)
    {
        var connectionString = await Servers.CreateDatabaseAsync(prefix);
        lock (databases)
        {
            databases.Add(connectionString);
        }

        return connectionString;
    }

    /// <summary>A fresh virtual host; returns its name.</summary>
    public async Task<string> NewVirtualHostAsync(string prefix)
    {
        var name = await Servers.CreateVirtualHostAsync(prefix);
        lock (virtualHosts)
        {
            virtualHosts.Add(name);
        }

        return name;
    }

    /// <summary>RabbitMQ settings (section <c>RabbitMq</c>) for a service using <paramref name="virtualHost"/>.</summary>
    public IDictionary<string, string?> RabbitSettings(string virtualHost, int? port = null) => new Dictionary<string, string?>
    {
        ["RabbitMq:Host"] = Servers.RabbitAmqp.Host,
        ["RabbitMq:Port"] = (port ?? Servers.RabbitAmqp.Port).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RabbitMq:VirtualHost"] = virtualHost,
        ["RabbitMq:Username"] = Servers.RabbitUser,
        ["RabbitMq:Password"] = Servers.RabbitPassword,
    };

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        foreach (var db in databases)
        {
            await Servers.DropDatabaseAsync(db);
        }

        foreach (var vhost in virtualHosts)
        {
            await Servers.DeleteVirtualHostAsync(vhost);
        }

        GC.SuppressFinalize(this);
    }
}
