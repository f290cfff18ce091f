using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MucGov.Testing;

/// <summary>
/// Hosts one MucGov service in the test process with the given settings on top of its <c>appsettings.json</c>
/// (environment <c>Testing</c>, so no Development defaults leak in). <typeparamref name="TMarker"/> is any type of
/// the service's assembly (services' <c>Program</c> classes share one name).
/// </summary>
public sealed class ServiceFactory<TMarker>(IDictionary<string, string?> settings, bool kestrel = false,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<TMarker>
    where TMarker : class
{
    /// <summary>Base address when hosted on Kestrel (real sockets); otherwise the in-memory test server's.</summary>
    public Uri Address => CreateClient().BaseAddress!;

    /// <summary>Starts the host (on Kestrel, a real loopback port, when asked).</summary>
    public ServiceFactory<TMarker> Start()
    {
        if (kestrel)
        {
            // A fixed port when the address must be known before start (an issuer URL); otherwise any free one.
            UseKestrel(settings.TryGetValue(Ports.KestrelSetting, out var port) && port is not null ? int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) : 0);
        }

        StartServer();
        return this;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        if (services is not null)
        {
            // After the service's own registrations, so a test can replace one (a fake clock, say).
            builder.ConfigureTestServices(services);
        }
    }
}
