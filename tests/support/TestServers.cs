using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace MucGov.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ the integration tests run against, one pair per test process:
/// the servers <c>./mucgov test</c> started (found through <c>MUCGOV_TEST_POSTGRES</c>, <c>MUCGOV_TEST_RABBITMQ</c>,
/// <c>MUCGOV_TEST_RABBITMQ_MANAGEMENT</c>), or containers when a Docker engine answers and those are not set.
/// </summary>
public sealed class TestServers
{
    private static readonly Lazy<Task<TestServers>> Shared = new(StartAsync);

    private TestServers(string postgresAdmin, Uri rabbitAmqp, Uri rabbitManagement)
    {
        PostgresAdminConnectionString = postgresAdmin;
        RabbitAmqp = rabbitAmqp;
        RabbitManagement = rabbitManagement;
        var userInfo = rabbitAmqp.UserInfo.Split(':', 2);
        RabbitUser = Uri.UnescapeDataString(userInfo[0]);
        RabbitPassword = Uri.UnescapeDataString(userInfo.ElementAtOrDefault(1) ?? "");
    }

    /// <summary>Connection string of a login that may create databases.</summary>
    public string PostgresAdminConnectionString { get; }

    /// <summary>AMQP address with an administrator's credentials.</summary>
    public Uri RabbitAmqp { get; }

    /// <summary>Base address of the RabbitMQ management API.</summary>
    public Uri RabbitManagement { get; }

    /// <summary>RabbitMQ administrator user.</summary>
    public string RabbitUser { get; }

    /// <summary>RabbitMQ administrator password.</summary>
    public string RabbitPassword { get; }

    /// <summary>The servers of this test process, started on first use.</summary>
    public static Task<TestServers> GetAsync() => Shared.Value;

    private static async Task<TestServers> StartAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("MUCGOV_TEST_POSTGRES");
        var amqp = Environment.GetEnvironmentVariable("MUCGOV_TEST_RABBITMQ");
        var management = Environment.GetEnvironmentVariable("MUCGOV_TEST_RABBITMQ_MANAGEMENT");
        if (!string.IsNullOrEmpty(postgres) && !string.IsNullOrEmpty(amqp) && !string.IsNullOrEmpty(management))
        {
            return new TestServers(postgres, new Uri(amqp), new Uri(management));
        }

        if (!await DockerAnswersAsync())
        {
            throw new InvalidOperationException(
                "Integration tests need PostgreSQL and RabbitMQ: run them with ./mucgov test (it starts both), " +
                "or start a Docker engine for Testcontainers.");
        }

        var pg = new PostgreSqlBuilder("postgres:15-alpine").Build();
        var rabbit = new RabbitMqBuilder("rabbitmq:3.13-management-alpine").WithPortBinding(15672, true).Build();
        await Task.WhenAll(pg.StartAsync(), rabbit.StartAsync());
        var amqpUri = new UriBuilder(rabbit.GetConnectionString()) { UserName = "rabbitmq", Password = "rabbitmq" }.Uri;
        var managementUri = new Uri($"http://{rabbit.Hostname}:{rabbit.GetMappedPublicPort(15672)}");
        return new TestServers(pg.GetConnectionString(), amqpUri, managementUri);
    }

    private static async Task<bool> DockerAnswersAsync()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")))
        {
            return true;
        }

        const string socket = "/var/run/docker.sock";
        if (!File.Exists(socket))
        {
            return false;
        }

        try
        {
            using var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, ct) =>
                {
                    var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), ct);
                    return new NetworkStream(s, ownsSocket: true);
                },
            };
            using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await client.GetAsync(new Uri("http://docker/_ping"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"t_{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 35)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(PostgresAdminConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString) { Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;
    }

    /// <summary>Drops a database created by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresAdminConnectionString);
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                // A server process that is not ours (autovacuum, say) still works in it: it ends soon.
                await Task.Delay(500);
            }
        }
    }

    /// <summary>The RabbitMQ management API with the administrator's login.</summary>
    public RabbitManagement Rabbit => new(RabbitManagement, RabbitUser, RabbitPassword);

    /// <summary>Creates a RabbitMQ virtual host with a unique name the administrator may use.</summary>
    public async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var name = $"t-{prefix}-{Guid.NewGuid():N}";
        await Rabbit.CreateVirtualHostAsync(name);
        return name;
    }

    /// <summary>Deletes a virtual host with everything in it.</summary>
    public Task DeleteVirtualHostAsync(string name) => Rabbit.DeleteVirtualHostAsync(name);

    /// <summary>The number of messages in a queue of a virtual host, or null when the queue does not exist.</summary>
    public Task<int?> QueueDepthAsync(string virtualHost, string queue) => Rabbit.QueueDepthAsync(virtualHost, queue);
}
