using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Testing;
using Npgsql;
using Xunit;

namespace MucGov.IntegrationTests.Hosting;

public sealed class ServiceHostingTests(Isolated isolated) : IClassFixture<Isolated>
{
    public static TheoryData<string> AllApps => [.. Apps.All];

    public static TheoryData<string> Services => [.. Apps.Services];

    [Fact]
    public void The_app_table_names_each_app_of_the_solution_once_with_its_own_port()
    {
        var root = new DirectoryInfo(Repository.Root);
        var solution = File.ReadAllText(Path.Combine(root.FullName, "MucGov.sln"));
        var appProjects = Directory.GetFiles(Path.Combine(root.FullName, "services"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root.FullName, "gateway"), "*.csproj"))
            .Select(p => Path.GetRelativePath(root.FullName, p).Replace('\\', '/')[..^".csproj".Length]);

        Assert.Equal(appProjects.Order(), Apps.Table.Select(a => a.Project).Order());
        Assert.All(Apps.Table, a => Assert.Contains(a.Project.Replace('/', '\\') + ".csproj", solution, StringComparison.Ordinal));
        Assert.Equal(Apps.Table.Count, Apps.Table.Select(a => a.Port).Distinct().Count());
        Assert.Equal(Apps.Table.Count, Apps.Table.Select(a => a.Name).Distinct().Count());
        Assert.Equal("gateway", Apps.All[^1]);
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("identity")]
    public async Task The_key_ring_is_encrypted_in_the_database_with_the_configured_certificate_and_still_unprotects(string name)
    {
        var folder = Directory.CreateTempSubdirectory("mucgov-dp-").FullName;
        try
        {
            using var rsa = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=MucGov key ring test", rsa,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddYears(1));
            var path = Path.Combine(folder, "certificate.pfx");
            await File.WriteAllBytesAsync(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "test-password"));

            await using var app = await Apps.StartFreshAsync(isolated, name, extra: new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = path,
                ["DataProtection:CertificatePassword"] = "test-password",
            });
            var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
            var secret = protector.Protect("Servus");
            await using var scope = app.Services.CreateAsyncScope();
            var keys = name == "gateway"
                ? await scope.ServiceProvider.GetRequiredService<MucGov.Gateway.Data.GatewayDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync()
                : await scope.ServiceProvider.GetRequiredService<MucGov.Identity.Data.AccountDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();

            // Read back from the database, as another replica reads it: the stored key decrypts with the certificate.
            var stored = app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>().GetAllKeys();

            Assert.NotEmpty(keys);
            Assert.All(keys, xml => Assert.Contains("EncryptedData", xml, StringComparison.Ordinal));
            Assert.All(keys, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
            Assert.All(stored, key => Assert.NotNull(key.Descriptor));
            Assert.Equal("Servus", protector.Unprotect(secret));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(AllApps))]
    public async Task App_starts_with_the_bench_mode_settings_of_the_app_table(string name)
    {
        var bench = Apps.Row(name).BenchSettings ?? new Dictionary<string, string>();

        // Options are validated at start: a bench value out of an option's range would stop the app here.
        await using var app = await Apps.StartFreshAsync(isolated, name, extra: bench.ToDictionary(s => s.Key, s => (string?)s.Value));
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AllApps))]
    public async Task App_migrates_its_database_and_answers_liveness_readiness_metrics_and_openapi(string name)
    {
        await using var app = await Apps.StartFreshAsync(isolated, name);
        using var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        var checks = report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);
        if (Apps.Row(name).Messaging)
        {
            Assert.Contains("broker", checks.Keys);
        }

        if (Apps.Row(name).ManagementPort is null)
        {
            var metrics = await client.GetStringAsync("/metrics");
            Assert.Contains("# TYPE", metrics, StringComparison.Ordinal);
            Assert.Contains("http_server_request_duration", metrics, StringComparison.Ordinal);
        }
        else
        {
            // Only on the management port (see the gateway tests).
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        }

        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.StartsWith("3.", openApi.GetProperty("openapi").GetString(), StringComparison.Ordinal);

        var connectionString = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>().GetConnectionString(Apps.Row(name).ConnectionString)!;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var history = new NpgsqlCommand("SELECT count(*) FROM __ef_migrations_history", connection);
        Assert.True((long)(await history.ExecuteScalarAsync())! >= 1);
    }

    [Theory]
    [MemberData(nameof(AllApps))]
    public async Task App_whose_database_is_unreachable_is_live_but_not_ready(string name)
    {
        var settings = Apps.Settings(isolated, name, "Host=127.0.0.1;Port=9;Database=none;Username=none;Password=none;Timeout=2", name == "gateway" ? null : "/");
        settings["Database:MigrateOnStartup"] = "false";
        await using var app = Apps.Start(name, settings);
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Service_stays_ready_while_the_broker_is_unreachable_and_reports_it_degraded()
    {
        await using var app = await Apps.StartFreshAsync(isolated, "ticket", extra: new Dictionary<string, string?> { ["RabbitMq:Port"] = "9" });
        using var client = app.CreateClient();

        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        var broker = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "broker");
        Assert.NotEqual("Healthy", broker.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Unknown_route_is_a_problem_json_404_naming_the_service(string name)
    {
        await using var app = await Apps.StartFreshAsync(isolated, name);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await Apps.ProblemAsync(response);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal(name, problem.GetProperty("service").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task A_sane_correlation_id_is_echoed_and_an_unsafe_one_is_replaced()
    {
        await using var app = await Apps.StartFreshAsync(isolated, "knowledge");
        using var client = app.CreateClient();

        using var sane = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Correlation-ID", "case-4711.retry_2" } } };
        var saneResponse = await client.SendAsync(sane);
        using var unsafeRequest = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Correlation-ID", "<script>alert(1)</script>" } } };
        var unsafeResponse = await client.SendAsync(unsafeRequest);

        Assert.Equal("case-4711.retry_2", Assert.Single(saneResponse.Headers.GetValues("X-Correlation-ID")));
        var replaced = Assert.Single(unsafeResponse.Headers.GetValues("X-Correlation-ID"));
        Assert.Matches("^[0-9a-f]{32}$", replaced);
    }

    [Fact]
    public async Task Migrate_command_applies_migrations_and_exits_without_serving()
    {
        var database = await isolated.NewDatabaseAsync("migrate");
        var output = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../services/Ticket/bin", Configuration, "net10.0"));
        Assert.True(File.Exists(Path.Combine(output, "MucGov.Ticket.dll")), $"The ticket service is built at {output}");
        var start = new ProcessStartInfo("dotnet", ["MucGov.Ticket.dll", "migrate"])
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ConnectionStrings__Ticket"] = database, ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" },
        };

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stdout} {await stderr}");
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var outbox = new NpgsqlCommand("SELECT count(*) FROM outbox_messages", connection);
        Assert.Equal(0L, await outbox.ExecuteScalarAsync());
        await using var history = new NpgsqlCommand("SELECT count(*) FROM __ef_migrations_history", connection);
        Assert.True((long)(await history.ExecuteScalarAsync())! >= 1);
    }

    [Fact]
    public async Task The_gateway_run_from_its_build_output_as_mucgov_up_runs_it_serves_every_page()
    {
        var address = new Uri($"http://127.0.0.1:{Ports.Free()}/");
        var settings = Apps.Settings(isolated, "gateway", await isolated.NewDatabaseAsync("gateway-output"), null)
            .Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
        settings["ASPNETCORE_ENVIRONMENT"] = "Development";
        settings["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        var log = Path.Combine(Path.GetTempPath(), $"mucgov-gateway-output-{Guid.NewGuid():N}.log");
        var gateway = new AppProcess("gateway", ProcessPlatform.Dll(Apps.Row("gateway")), address, settings, log);
        gateway.Start();
        try
        {
            await gateway.WaitReadyAsync();
            using var client = new HttpClient { BaseAddress = address };
            foreach (var page in new[] { "/", "/barrierefreiheit", "/leichte-sprache", "/app.css" })
            {
                using var response = await client.GetAsync(page);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{gateway.Tail()}");
            }

            Assert.Contains("<main", await client.GetStringAsync("/barrierefreiheit"), StringComparison.Ordinal);
        }
        finally
        {
            await gateway.KillAsync();
            File.Delete(log);
        }
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
