using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MucGov.Testing;

namespace MucGov.IntegrationTests.Hosting;

/// <summary>
/// One app of <c>apps.json</c> as a real process, started from its build output as <c>./mucgov up</c> starts it; the
/// test may kill it (<c>SIGKILL</c>), stop it and start it again on the same address.
/// </summary>
public sealed class AppProcess(string name, string dll, Uri address, IReadOnlyDictionary<string, string> environment, string log)
{
    private Process? process;

    public string Name { get; } = name;
    public Uri Address { get; } = address;
    public string Log { get; } = log;

    public void Start()
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException($"{Name} runs already.");
        }

        File.AppendAllText(Log, $"---- started by the test at {DateTimeOffset.UtcNow:O}\n");
        process = Programs.Spawn(null, "dotnet", [dll], Log, environment.ToDictionary(), Path.GetDirectoryName(dll));
    }

    public async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.HoldsAsync(async () =>
        {
            if (process is null || process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited during start: {Tail()}");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready");
                return response.IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, $"{Name} is ready", TimeSpan.FromSeconds(120));
    }

    /// <summary>Ends the process at once, as a crash or an out-of-memory kill would (no shutdown work).</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Stops the process as an orchestrator does (<c>SIGTERM</c>, a graceful shutdown).</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            await Programs.RunAsync(null, "kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
            }
        }
    }

    public string Tail() => File.Exists(Log) ? string.Join('\n', File.ReadLines(Log).TakeLast(40)) : "(no log)";
}

/// <summary>
/// The whole platform as <c>./mucgov up</c> runs it — every app of <c>apps.json</c> a process of its own, with the table's
/// settings — but on a PostgreSQL server and a RabbitMQ node of its own (own folder, ports, node name and epmd), so a
/// test may crash and restart any part without touching the other tests. The apps' logs are copied to the test
/// artifacts (<c>MUCGOV_TEST_ARTIFACTS</c>) when it ends.
/// </summary>
public sealed class ProcessPlatform : IAsyncDisposable
{
    public const string VirtualHost = "mucgov";
    private readonly Dictionary<string, AppProcess> apps = [];

    private ProcessPlatform(string folder, OwnPostgres postgres, OwnRabbitMq rabbit, Uri origin)
    {
        Folder = folder;
        Postgres = postgres;
        Rabbit = rabbit;
        Origin = origin;
    }

    public string Folder { get; }
    public OwnPostgres Postgres { get; }
    public OwnRabbitMq Rabbit { get; }

    /// <summary>The public origin: the gateway.</summary>
    public Uri Origin { get; }

    public AppProcess this[string name] => apps[name];

    /// <summary>The demo accounts the identity service wrote, with passwords and authenticator secrets.</summary>
    public IReadOnlyList<MucGov.Demo.DemoLogin> Logins =>
        JsonSerializer.Deserialize<List<MucGov.Demo.DemoLogin>>(File.ReadAllText(Path.Combine(Folder, "demo-logins.json")), JsonSerializerOptions.Web)!;

    /// <summary>The database of an app.</summary>
    public static string Database(string app) => $"mucgov_{app}";

    /// <summary>Every instance of one app: the app's name, then name-2, name-3 … as <c>./mucgov up --replicas</c> names them.</summary>
    public IEnumerable<AppProcess> Instances(string name) => apps.Values.Where(a => a.Name == name || a.Name.StartsWith(name + "-", StringComparison.Ordinal));

    /// <summary>
    /// Starts the servers and every app, in the table's order. <paramref name="bench"/> starts the apps with the
    /// table's bench settings (abuse limits lifted, for load); <paramref name="extra"/> adds settings per app;
    /// <paramref name="replicas"/> instances of each app run on the same databases and broker (the gateways list every
    /// instance of each service; the first gateway is the public origin).
    /// </summary>
    public static async Task<ProcessPlatform> StartAsync(bool bench, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? extra = null, int replicas = 1)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mucgov-platform-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(folder);
        var postgres = await OwnPostgres.StartAsync(Path.Combine(folder, "postgres"));
        OwnRabbitMq rabbit;
        try
        {
            rabbit = await OwnRabbitMq.StartAsync(Path.Combine(folder, "rabbitmq"));
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }

        var platform = new ProcessPlatform(folder, postgres, rabbit, new Uri($"http://127.0.0.1:{Ports.Free()}/"));
        try
        {
            await rabbit.Api.CreateVirtualHostAsync(VirtualHost);
            var addresses = Apps.Table.ToDictionary(a => a.Name, a => a.Name == "gateway" ? platform.Origin : new Uri($"http://127.0.0.1:{Ports.Free()}/"));
            var further = Enumerable.Range(2, replicas - 1).ToDictionary(k => k, _ => Apps.Table.ToDictionary(a => a.Name, _ => new Uri($"http://127.0.0.1:{Ports.Free()}/")));
            foreach (var row in Apps.Table)
            {
                await postgres.CreateDatabaseAsync(Database(row.Name));
                var settings = platform.Settings(row, addresses, bench, extra?.GetValueOrDefault(row.Name), further.Values);
                platform.apps[row.Name] = new AppProcess(row.Name, Dll(row), addresses[row.Name], settings, Path.Combine(folder, $"{row.Name}.log"));
                foreach (var (k, instance) in further)
                {
                    var own = platform.Settings(row, addresses, bench, extra?.GetValueOrDefault(row.Name), further.Values);
                    own["ASPNETCORE_URLS"] = own["ASPNETCORE_URLS"].Replace(addresses[row.Name].ToString().TrimEnd('/'), instance[row.Name].ToString().TrimEnd('/'),
                        StringComparison.Ordinal);
                    platform.apps[$"{row.Name}-{k}"] = new AppProcess($"{row.Name}-{k}", Dll(row), instance[row.Name], own, Path.Combine(folder, $"{row.Name}-{k}.log"));
                }
            }

            // All at once, as an orchestrator would: each waits for what it needs (the broker, the identity service's keys).
            // Further instances join once the first are ready (their migrations and seeding are done), as ./mucgov up does.
            foreach (var wave in platform.apps.Values.GroupBy(a => a.Name.Contains('-', StringComparison.Ordinal) ? a.Name[(a.Name.LastIndexOf('-') + 1)..] : "1"))
            {
                foreach (var app in wave)
                {
                    app.Start();
                }

                foreach (var app in wave)
                {
                    await app.WaitReadyAsync();
                }
            }

            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    private Dictionary<string, string> Settings(AppRow row, Dictionary<string, Uri> addresses, bool bench, IReadOnlyDictionary<string, string>? extra,
        IEnumerable<Dictionary<string, Uri>> further)
    {
        var origin = Origin.ToString().TrimEnd('/');
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = addresses[row.Name].ToString().TrimEnd('/'),
            [$"ConnectionStrings:{row.ConnectionString}"] = Postgres.ConnectionString(Database(row.Name), pooling: true),
        };
        if (row.ManagementPort is not null)
        {
            var management = Ports.Free();
            settings["ASPNETCORE_URLS"] += $";http://127.0.0.1:{management}";
            settings["Service:ManagementPort"] = management.ToString(CultureInfo.InvariantCulture);
        }

        if (row.Messaging)
        {
            foreach (var (key, value) in RabbitSettings())
            {
                settings[key] = value!;
            }
        }

        foreach (var (key, value) in row.Settings ?? new Dictionary<string, string>())
        {
            settings[key] = value.Replace("{origin}", origin, StringComparison.Ordinal);
            foreach (var (app, address) in addresses)
            {
                settings[key] = settings[key].Replace($"{{url:{app}}}", address.ToString().TrimEnd('/'), StringComparison.Ordinal);
            }
        }

        foreach (var (key, secret) in row.Secrets)
        {
            settings[key] = Apps.TestSecret(secret);
        }

        foreach (var (key, file) in row.StateFiles ?? new Dictionary<string, string>())
        {
            settings[key] = Path.Combine(Folder, file);
        }

        // The gateway's clusters list every instance of each service, as ./mucgov up --replicas writes them.
        var k = 2;
        foreach (var instance in row.ManagementPort is null ? [] : further)
        {
            foreach (var service in Apps.Services)
            {
                settings[$"ReverseProxy:Clusters:{service}:Destinations:replica{k}:Address"] = instance[service].ToString();
            }

            k++;
        }

        foreach (var (key, value) in (bench ? row.BenchSettings : null) ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        // As environment variables, the way ./mucgov hands settings to an app.
        return settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
    }

    /// <summary>A client of one of the platform's addresses that sends <paramref name="token"/>, as an API client does.</summary>
    public static HttpClient Bearer(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The broker settings (section <c>RabbitMq</c>) of an app on this platform.</summary>
    public Dictionary<string, string?> RabbitSettings() => new()
    {
        ["RabbitMq:Host"] = "127.0.0.1",
        ["RabbitMq:Port"] = Rabbit.AmqpPort.ToString(CultureInfo.InvariantCulture),
        ["RabbitMq:VirtualHost"] = VirtualHost,
        ["RabbitMq:Username"] = OwnRabbitMq.Login,
        ["RabbitMq:Password"] = OwnRabbitMq.Login,
    };

    /// <summary>The app's assembly in its build output, where <c>./mucgov up</c> runs it.</summary>
    public static string Dll(AppRow row)
    {
        // The configuration the tests were built in (./mucgov test builds the whole solution so).
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Debug" : "Release";
        var dll = Path.Combine(Repository.Root, Path.GetDirectoryName(row.Project)!, "bin", configuration, "net10.0", Path.GetFileName(row.Project) + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{row.Name} is not built in {configuration}: build the solution first.", dll);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps.Values.Reverse())
        {
            await app.KillAsync();
        }

        await Rabbit.DisposeAsync();
        await Postgres.DisposeAsync();
        if (Artifacts.Folder is { } artifacts)
        {
            var logs = Directory.CreateDirectory(Path.Combine(artifacts, Path.GetFileName(Folder)));
            foreach (var app in apps.Values.Where(a => File.Exists(a.Log)))
            {
                File.Copy(app.Log, Path.Combine(logs.FullName, Path.GetFileName(app.Log)), overwrite: true);
            }
        }

        Programs.DeleteFolder(Folder);
    }
}
