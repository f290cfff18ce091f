using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Testing;

namespace MucGov.IntegrationTests.Hosting;

/// <summary>A MucGov app hosted by a test, with its client.</summary>
public sealed class RunningApp(
    string name,
    IAsyncDisposable factory,
    Func<WebApplicationFactoryClientOptions, HttpClient> client,
    Func<HttpMessageHandler> handler,
    Uri address,
    IServiceProvider services) : IAsyncDisposable
{
    public string Name { get; } = name;
    public Uri Address { get; } = address;
    public IServiceProvider Services { get; } = services;
    public HttpClient CreateClient() => client(new WebApplicationFactoryClientOptions());

    /// <summary>A client that keeps cookies and does not follow redirects (for browser-like flows).</summary>
    public HttpClient CreateBrowser() => client(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A handler into the app, for libraries that bring their own HttpClient.</summary>
    public HttpMessageHandler CreateHandler() => handler();
    public ValueTask DisposeAsync() => factory.DisposeAsync();
}

/// <summary>One row of <c>apps.json</c>, the app table <c>./mucgov</c> reads too.</summary>
/// <param name="Name">The app's name (database, queues, logs).</param>
/// <param name="Port">Its local port under <c>./mucgov up</c>.</param>
/// <param name="Project">Its project, without the extension.</param>
/// <param name="ConnectionString">The name of its connection string.</param>
/// <param name="Messaging">Whether it talks over RabbitMQ.</param>
/// <param name="Secrets">Setting → name of the secret it holds.</param>
/// <param name="ManagementPort">Its local management port, the only one answering <c>/metrics</c>; null when it has none.</param>
/// <param name="BenchSettings">The settings <c>./mucgov up --bench</c> lifts its abuse limits with.</param>
/// <param name="Settings">Its settings under <c>./mucgov up</c>, with <c>{origin}</c> and <c>{url:APP}</c> to fill in.</param>
/// <param name="StateFiles">Setting → file under the state folder.</param>
public sealed record AppRow(
    string Name, int Port, string Project, string ConnectionString, bool Messaging, IReadOnlyDictionary<string, string> Secrets, int? ManagementPort = null,
    IReadOnlyDictionary<string, string>? BenchSettings = null, IReadOnlyDictionary<string, string>? Settings = null,
    IReadOnlyDictionary<string, string>? StateFiles = null);

/// <summary>Starts the services and the gateway by name, each with its own database and a virtual host.</summary>
public static class Apps
{
    /// <summary>The apps of <c>apps.json</c>, in start order.</summary>
    public static readonly IReadOnlyList<AppRow> Table = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "apps.json")))
        .RootElement.GetProperty("apps").Deserialize<List<AppRow>>(JsonSerializerOptions.Web)!;

    /// <summary>The apps that talk over RabbitMQ (the services).</summary>
    public static readonly string[] Services = [.. Table.Where(a => a.Messaging).Select(a => a.Name)];

    public static readonly string[] All = [.. Table.Select(a => a.Name)];

    /// <summary>The tests' values of the secrets the table names (a developer's come from <c>.mucgov/secrets.env</c>).</summary>
    private static readonly Dictionary<string, string> TestSecrets = new(StringComparer.Ordinal)
    {
        ["OIDC_GATEWAY_SECRET"] = GatewaySecret,
        ["OIDC_CATALOG_IMPORT_SECRET"] = CatalogImportSecret,
    };

    /// <summary>The tests' value of a secret the table names.</summary>
    public static string TestSecret(string name) => TestSecrets[name];

    public static AppRow Row(string name) => Table.SingleOrDefault(a => a.Name == name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, "Not in apps.json");

    /// <summary>Settings for <paramref name="name"/>: its connection string, migration at start, its secrets, and the broker (services only).</summary>
    public static Dictionary<string, string?> Settings(Isolated isolated, string name, string connectionString, string? virtualHost)
    {
        var row = Row(name);
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{row.ConnectionString}"] = connectionString,
            ["Database:MigrateOnStartup"] = "true",
        };
        foreach (var (key, secret) in row.Secrets)
        {
            settings[key] = TestSecrets[secret];
        }

        if (name == "identity")
        {
            foreach (var (key, value) in IdentitySettings())
            {
                settings[key] = value;
            }
        }

        if (name is "knowledge" or "conversation" or "ticket")
        {
            // Tokens are checked against an identity service only when a test presents one (see the knowledge tests).
            settings["Auth:Issuer"] = "http://localhost/";
            settings["Auth:MetadataAddress"] = "http://127.0.0.1:9/.well-known/openid-configuration";
            settings["Auth:RequireHttpsMetadata"] = "false";
        }

        if (name == "gateway")
        {
            settings["Auth:Issuer"] = "http://localhost/";
            settings["Auth:MetadataAddress"] = "http://127.0.0.1:9/.well-known/openid-configuration";
            settings["Auth:RequireHttpsMetadata"] = "false";
            settings["Bff:SecureCookies"] = "false";
        }

        if (name == "knowledge")
        {
            settings["Catalog:SeedSampleWhenEmpty"] = "true";
            // The start-time warm-up (about 8 s here) is for the first citizen after ./mucgov up; the tests' conversation waits
            // KnowledgePatience for a cold first search instead. SearchTests proves the warm-up with it switched on.
            settings["Catalog:WarmUpSearch"] = "false";
        }

        if (name == "conversation")
        {
            settings["Bot:KnowledgeTimeout"] = KnowledgePatience;
        }

        if (virtualHost is not null && row.Messaging)
        {
            foreach (var (key, value) in isolated.RabbitSettings(virtualHost))
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    /// <summary>Keys created once per test run (as a developer's are), demo accounts, secrets for the confidential clients.</summary>
    public static Dictionary<string, string?> IdentitySettings() => new()
    {
        ["Oidc:Issuer"] = "http://localhost/",
        ["Oidc:RequireHttps"] = "false",
        ["Oidc:SimulatedEid"] = "true",
        ["Oidc:Keys:DevelopmentDirectory"] = Path.Combine(Path.GetTempPath(), "mucgov-test-keys"),
        ["Oidc:Clients:mucgov-gateway:RedirectUris:0"] = "http://localhost/signin-oidc",
        ["Seed:DemoAccounts"] = "true",
        // Mail goes to the SMTP test server ./mucgov test starts; tests read it back from its API (TestMailbox).
        ["Mail:Host"] = TestMailbox.Smtp?.Host ?? "",
        ["Mail:Port"] = (TestMailbox.Smtp?.Port ?? 25).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:PollInterval"] = "00:00:00.200",
        ["Mail:DigestCheckInterval"] = "00:00:00.500",
    };

    /// <summary>Where a service reads the signing keys of the identity service under test.</summary>
    public static string MetadataOf(RunningApp identity) => new Uri(identity.Address, ".well-known/openid-configuration").ToString();

    /// <summary>
    /// How long a test's conversation app waits for knowledge (production: 3 s): the suite runs several platforms at once
    /// on two cores, and a slow search is not what those tests are about (ChatTests test the timeout itself).
    /// </summary>
    public const string KnowledgePatience = "00:00:10";

    public const string GatewaySecret = "test-gateway-secret";
    public const string CatalogImportSecret = "test-catalog-import-secret";

    public static RunningApp Start(string name, IDictionary<string, string?> settings, bool kestrel = false, Action<IServiceCollection>? services = null)
    {
        return name switch
        {
            "identity" => Wrap(name, new ServiceFactory<MucGov.Identity.Data.AccountDbContext>(settings, kestrel, services), kestrel),
            "knowledge" => Wrap(name, new ServiceFactory<MucGov.Knowledge.Data.KnowledgeDbContext>(settings, kestrel, services), kestrel),
            "conversation" => Wrap(name, new ServiceFactory<MucGov.Conversation.Data.ConversationDbContext>(settings, kestrel, services), kestrel),
            "ticket" => Wrap(name, new ServiceFactory<MucGov.Ticket.Data.TicketDbContext>(settings, kestrel, services), kestrel),
            "gateway" => Wrap(name, new ServiceFactory<MucGov.Gateway.Data.GatewayDbContext>(settings, kestrel, services), kestrel),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown app"),
        };
    }

    /// <summary>Starts <paramref name="name"/> with a fresh database (and virtual host for services).</summary>
    public static async Task<RunningApp> StartFreshAsync(
        Isolated isolated, string name, string? virtualHost = null, bool kestrel = false, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var database = await isolated.NewDatabaseAsync(name);
        var vhost = !Row(name).Messaging ? null : virtualHost ?? await isolated.NewVirtualHostAsync(name);
        var settings = Settings(isolated, name, database, vhost);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = Start(name, settings, kestrel, services);
        // Some apps finish starting in the background (the identity service registers its clients): wait until ready.
        using var client = app.CreateClient();
        var last = "";
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                using var response = await client.GetAsync("/health/ready");
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                return response.IsSuccessStatusCode;
            }, $"{name} is ready", TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException ex)
        {
            await app.DisposeAsync();
            throw new TimeoutException($"{ex.Message} Last readiness answer: {last}", ex);
        }

        return app;
    }

    private static RunningApp Wrap<T>(string name, ServiceFactory<T> factory, bool kestrel) where T : class
    {
        factory.Start();
        var address = factory.Address;
        return new RunningApp(
            name,
            factory,
            options =>
            {
                if (kestrel)
                {
                    // Real sockets: a plain client, configured as asked.
                    return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = options.AllowAutoRedirect, UseCookies = options.HandleCookies })
                    {
                        BaseAddress = address,
                    };
                }

                options.BaseAddress = address;
                return factory.CreateClient(options);
            },
            () => factory.Server.CreateHandler(),
            address,
            factory.Services);
    }

    /// <summary>Reads a problem+json body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Xunit.Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
