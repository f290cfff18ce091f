using System.Diagnostics;
using System.Text;
using Npgsql;

namespace MucGov.Testing;

/// <summary>
/// Runs a program to its end, or starts one in the background with its output appended to a log, as <c>./mucgov</c>
/// does: as a service user when the tests run as root (PostgreSQL and RabbitMQ refuse root), as the caller otherwise.
/// </summary>
public static class Programs
{
    private static readonly bool IsRoot = Environment.UserName == "root";

    /// <summary>Runs <paramref name="file"/> as <paramref name="user"/> and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string? user, string file, IEnumerable<string> arguments,
        IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var (code, output, errors) = await RunApartAsync(user, file, arguments, environment, timeout);
        return (code, output + errors);
    }

    /// <summary>Runs <paramref name="file"/> and returns what it wrote to standard output; fails with its errors when it does not succeed.</summary>
    public static async Task<string> OutputAsync(string file, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var (code, output, errors) = await RunApartAsync(null, file, arguments, null, timeout);
        return code == 0 ? output : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} ended with {code}: {errors}");
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunApartAsync(string? user, string file, IEnumerable<string> arguments,
        IDictionary<string, string>? environment, TimeSpan? timeout)
    {
        var start = StartInfo(user, file, arguments, environment);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not end in time.");
        }

        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Runs <paramref name="file"/> and fails with its output when it does not succeed.</summary>
    public static async Task<string> RunCheckedAsync(string? user, string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var (code, output) = await RunAsync(user, file, arguments, environment, timeout);
        return code == 0 ? output : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} ended with {code}: {output}");
    }

    /// <summary>Starts <paramref name="file"/> in the background (its process is the one returned), its output appended to <paramref name="log"/>.</summary>
    public static Process Spawn(string? user, string file, IEnumerable<string> arguments, string log, IDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var command = new StringBuilder("exec ");
        foreach (var part in Command(user, file, arguments))
        {
            command.Append(Quote(part)).Append(' ');
        }

        command.Append(">>").Append(Quote(log)).Append(" 2>&1 </dev/null");
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command.ToString());
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
    }

    /// <summary>Deletes a test's temporary folder; one a server is still writing its last line into goes with the machine.</summary>
    public static void DeleteFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Still being written: the temporary folder goes with the machine.
        }
    }

    /// <summary>Hands <paramref name="path"/> (recursively) to <paramref name="user"/> when running as root.</summary>
    public static async Task GiveAsync(string path, string user)
    {
        if (IsRoot)
        {
            await RunCheckedAsync(null, "chown", ["-R", $"{user}:{user}", path]);
        }
    }

    private static ProcessStartInfo StartInfo(string? user, string file, IEnumerable<string> arguments, IDictionary<string, string>? environment)
    {
        var command = Command(user, file, arguments).ToList();
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static IEnumerable<string> Command(string? user, string file, IEnumerable<string> arguments) =>
        user is null || !IsRoot
            ? [file, .. arguments]
            : ["setpriv", $"--reuid={user}", $"--regid={user}", "--init-groups", file, .. arguments];

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>
/// A PostgreSQL server of a test's own (own folder, port and socket), which the test may crash and start again.
/// Local logins are trusted: it listens on loopback only and lives as long as the test.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private const string User = "postgres";
    private readonly string folder;
    private readonly string bin;

    private OwnPostgres(string folder, string bin)
    {
        this.folder = folder;
        this.bin = bin;
        Port = Ports.Free();
    }

    public int Port { get; }

    private string Data => Path.Combine(folder, "data");

    /// <summary>Creates the cluster under <paramref name="folder"/> and starts it.</summary>
    public static async Task<OwnPostgres> StartAsync(string folder)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")))
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (./mucgov test installs it).");
        }

        Directory.CreateDirectory(Path.Combine(folder, "run"));
        var server = new OwnPostgres(folder, bin);
        await Programs.GiveAsync(folder, User);
        await Programs.RunCheckedAsync(User, Path.Combine(bin, "initdb"),
            ["-D", server.Data, "-U", User, "--auth-local=trust", "--auth-host=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the server (again) and waits until it takes connections.</summary>
    public Task StartAsync() => Programs.RunCheckedAsync(User, Path.Combine(bin, "pg_ctl"),
    [
        "-D", Data, "-l", Path.Combine(folder, "postgres.log"), "-w", "-t", "60", "-o",
        $"-p {Port} -c listen_addresses=127.0.0.1 -k {Path.Combine(folder, "run")} -c max_connections=300 -c fsync=off -c full_page_writes=off",
        "start",
    ]);

    /// <summary>Stops the server as a crash would (no checkpoint; it recovers from its log at the next start).</summary>
    public Task CrashAsync() => Programs.RunCheckedAsync(User, Path.Combine(bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"]);

    /// <summary>A connection string to <paramref name="database"/>; the test's own queries open unpooled connections (a crash leaves no stale ones).</summary>
    public string ConnectionString(string database, bool pooling = false) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = database, Username = User, Pooling = pooling }.ConnectionString;

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a query returning one number.</summary>
    public async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query returning rows of two columns.</summary>
    public async Task<List<(T1, T2)>> RowsAsync<T1, T2>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(T1, T2)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetFieldValue<T1>(0), reader.GetFieldValue<T2>(1)));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await Programs.RunAsync(User, Path.Combine(bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"]);
        Programs.DeleteFolder(folder);
    }
}

/// <summary>
/// A RabbitMQ node of a test's own: its own node name, ports, epmd and data folder (with the management API), which
/// the test may stop and start again. Its durable queues and persistent messages survive a restart.
/// </summary>
public sealed class OwnRabbitMq : IAsyncDisposable
{
    private const string User = "rabbitmq";
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private readonly string folder;
    private Process? epmd;
    private Process? node;

    private OwnRabbitMq(string folder)
    {
        this.folder = folder;
        Node = $"mucgov-own-{Guid.NewGuid().ToString("N")[..8]}@localhost";
        (AmqpPort, DistributionPort, ManagementPort, EpmdPort) = (Ports.Free(), Ports.Free(), Ports.Free(), Ports.Free());
    }

    public string Node { get; }
    public int AmqpPort { get; }
    public int DistributionPort { get; }
    public int ManagementPort { get; }
    public int EpmdPort { get; }

    /// <summary>The guest login (loopback only) administers the node.</summary>
    public const string Login = "guest";

    public Uri Management => new($"http://127.0.0.1:{ManagementPort}/");

    public static async Task<OwnRabbitMq> StartAsync(string folder)
    {
        if (!File.Exists(Server))
        {
            throw new InvalidOperationException("RabbitMQ is not installed (./mucgov test installs it).");
        }

        Directory.CreateDirectory(Path.Combine(folder, "mnesia"));
        Directory.CreateDirectory(Path.Combine(folder, "log"));
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[rabbitmq_management].");
        var rabbit = new OwnRabbitMq(folder);
        await Programs.GiveAsync(folder, User);
        rabbit.epmd = Programs.Spawn(User, "epmd", [], Path.Combine(folder, "epmd.log"), rabbit.Environment());
        await rabbit.StartAsync();
        return rabbit;
    }

    /// <summary>Starts the node (again) and waits until its management API answers.</summary>
    public async Task StartAsync()
    {
        node = Programs.Spawn(User, Server, [], Path.Combine(folder, "rabbitmq.log"), Environment(), folder);
        await Eventually.HoldsAsync(async () =>
        {
            if (node.HasExited)
            {
                throw new InvalidOperationException($"RabbitMQ exited: {Tail(Path.Combine(folder, "rabbitmq.log"))}");
            }

            return await Api.AnswersAsync();
        }, "RabbitMQ answers", TimeSpan.FromSeconds(90));
    }

    /// <summary>
    /// Stops the node as Kubernetes stops a pod: <c>SIGTERM</c>, which the server script turns into RabbitMQ's graceful
    /// shutdown, then waits until it is gone (a node that does not stop within 30 s is killed).
    /// </summary>
    public async Task StopAsync()
    {
        if (node is null || node.HasExited)
        {
            return;
        }

        await Programs.RunCheckedAsync(null, "kill", ["-TERM", node.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await node.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The management API with the guest login (loopback only), which administers the node.</summary>
    public RabbitManagement Api => new(Management, Login, Login);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (epmd is { HasExited: false })
        {
            epmd.Kill(entireProcessTree: true);
        }

        Programs.DeleteFolder(folder);
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["HOME"] = folder,
        ["RABBITMQ_NODENAME"] = Node,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["ERL_EPMD_PORT"] = EpmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
        ["RABBITMQ_SERVER_START_ARGS"] = $"-rabbitmq_management listener [{{port,{ManagementPort}}},{{ip,\"127.0.0.1\"}}]",
    };

    internal static string Tail(string log) => File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(30)) : "(no log)";
}
