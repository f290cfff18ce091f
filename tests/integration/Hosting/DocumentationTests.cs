using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Contracts.Conversation;
using MucGov.IntegrationTests.Gateway;
using MucGov.IntegrationTests.Identity;
using MucGov.IntegrationTests.Ticket;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Hosting;

/// <summary>
/// One <c>```bash</c> example of the README or <c>docs/</c>: its code, the outputs its comments promise (<c># → TEXT</c>),
/// or why it is not run (an HTML comment <c>&lt;!-- not run by the documentation test: … --&gt;</c> right above it).
/// </summary>
public sealed record DocExample(string File, int Line, string Code, IReadOnlyList<string> Expected, string? NotRunBecause)
{
    private const string NotRunMarker = "<!-- not run by the documentation test:";

    /// <summary>The bash examples of one Markdown file.</summary>
    public static IEnumerable<DocExample> Read(string file, string markdown)
    {
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```bash")
            {
                continue;
            }

            var start = i;
            var code = new List<string>();
            while (++i < lines.Length && lines[i].Trim() != "```")
            {
                code.Add(lines[i]);
            }

            var above = start > 0 ? lines[start - 1].Trim() : "";
            var reason = above.StartsWith(NotRunMarker, StringComparison.Ordinal) ? above[NotRunMarker.Length..].Replace("-->", "", StringComparison.Ordinal).Trim() : null;
            var expected = code.Select(l => l.LastIndexOf("# → ", StringComparison.Ordinal) is var at and >= 0 ? l[(at + 4)..].Trim() : null)
                .OfType<string>().Where(e => e.Length > 0).ToList();
            yield return new DocExample(file, start + 1, string.Join('\n', code), expected, reason);
        }
    }
}

/// <summary>The reader of the documentation's examples, on its own.</summary>
public sealed class DocExampleReaderTests
{
    [Fact]
    public void The_reader_finds_bash_blocks_their_promised_outputs_and_the_reasons_for_not_running_one()
    {
        const string markdown = """
            # Title
            ```json
            { "not": "bash" }
            ```
            ```bash
            curl -s http://127.0.0.1:5000/x     # → "ok":true
            echo done   # just a comment
            ```
            <!-- not run by the documentation test: needs a person at a browser -->
            ```bash
            open http://127.0.0.1:5000/
            ```
            """;

        var examples = DocExample.Read("x.md", markdown).ToList();

        Assert.Equal(2, examples.Count);
        Assert.Equal((5, "\"ok\":true", null), (examples[0].Line, Assert.Single(examples[0].Expected), examples[0].NotRunBecause));
        Assert.Contains("echo done", examples[0].Code, StringComparison.Ordinal);
        Assert.Equal("needs a person at a browser", examples[1].NotRunBecause);
    }
}

/// <summary>
/// Every command of the README and <c>docs/</c> runs as written, against a platform the test starts: each bash example
/// (unless it says why not) runs in <c>bash -euo pipefail</c> with the documented addresses pointed at that platform,
/// <c>./mucgov token</c> signing the demo accounts in there, and <c>curl</c> failing on an HTTP error unless the
/// example shows the status itself (<c>-i</c>, <c>-w</c>). What the comments promise (<c># → TEXT</c>) must be in
/// the output.
/// </summary>
public sealed class DocumentationTests(DocumentationTests.Platform platform) : IClassFixture<DocumentationTests.Platform>
{
    /// <summary>The web platform, two cases of Anna Huber in the Bürgerbüro's queue, and a folder to run the examples in.</summary>
    public sealed class Platform : IAsyncLifetime
    {
        public WebPlatform Web { get; } = new();

        public string Folder { get; } = Directory.CreateTempSubdirectory("mucgov-docs-").FullName;

        public async ValueTask InitializeAsync()
        {
            await Web.InitializeAsync();
            var identity = Web.Apps["identity"];
            var logins = new List<object>();
            foreach (var (username, kind) in new[] { ("anna.huber", "citizen"), ("cw.buergerbuero", "staff"), ("sv.buergerbuero", "staff"), ("editor.knowledge", "staff") })
            {
                logins.Add(new
                {
                    username, password = IdentityFixture.PasswordOf(username), kind, name = username, departments = Array.Empty<string>(),
                    totpSecret = await IdentityFixture.TotpSecretAsync(identity, username),
                });
            }

            await File.WriteAllTextAsync(Path.Combine(Folder, "demo-logins.json"), JsonSerializer.Serialize(logins, JsonSerializerOptions.Web));
            Directory.CreateDirectory(Path.Combine(Folder, ".mucgov"));
            await File.WriteAllTextAsync(Path.Combine(Folder, ".mucgov", "secrets.env"), $"OIDC_CATALOG_IMPORT_SECRET={Apps.CatalogImportSecret}\n");
            var shim = Path.Combine(Folder, "mucgov");
            await File.WriteAllTextAsync(shim, $"#!/usr/bin/env bash\nexec '{Path.Combine(Repository.Root, "mucgov")}' \"$@\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            // Two enquiries of Anna Huber for the Bürgerbüro, as the conversation service hands them over.
            var anna = await IdentityFixture.CitizenIdAsync(identity, "anna.huber");
            var bus = Web.Apps["conversation"].Services.GetRequiredService<IPublishEndpoint>();
            await bus.Publish(TicketFixture.Escalation("buergerbuero", citizen: anna));
            await bus.Publish(TicketFixture.Escalation("buergerbuero", citizen: anna));
            // Read from the ticket service's database: a staff sign-in here would use up the authenticator code the examples type next.
            await Eventually.HoldsAsync(
                async () =>
                {
                    await using var scope = Web.Apps["ticket"].Services.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<MucGov.Ticket.Data.TicketDbContext>();
                    return await db.Cases.CountAsync(c => c.CitizenId == anna && c.DepartmentId == "buergerbuero") == 2
                        && await db.Departments.AnyAsync(d => d.Id == "standesamt");
                },
                "both cases wait in the Bürgerbüro's queue, and the ticket service knows the department a case is passed to", TimeSpan.FromSeconds(60));
        }

        public async ValueTask DisposeAsync()
        {
            await Web.DisposeAsync();
            Directory.Delete(Folder, recursive: true);
        }

        /// <summary>The documented local addresses (<c>apps.json</c> ports) → the apps of this platform.</summary>
        public string PointAtPlatform(string code)
        {
            foreach (var row in Apps.Table.OrderByDescending(r => r.Port.ToString(System.Globalization.CultureInfo.InvariantCulture).Length))
            {
                var address = row.Name == "gateway" ? Web.Origin : Web.Apps[row.Name].Address;
                code = code.Replace($"http://127.0.0.1:{row.Port}", address.ToString().TrimEnd('/'), StringComparison.Ordinal);
            }

            return code;
        }
    }

    /// <summary>Makes <c>curl</c> fail on an HTTP error, unless the example prints the status itself or fails already.</summary>
    private const string Prelude = """
        set -euo pipefail
        curl() {
          local a plain=0
          for a in "$@"; do
            case "$a" in
              --fail* | -w | --write-out | --include | --head) plain=1 ;;
              --*) ;;
              -[a-zA-Z]*) [[ "$a" =~ ^-[a-zA-Z]*[iIfw][a-zA-Z]*$ ]] && plain=1 ;;
            esac
          done
          if [ "$plain" = 1 ]; then command curl "$@"; else command curl --fail-with-body "$@"; fi
        }

        """;

    public static IEnumerable<DocExample> All() =>
        new[] { Path.Combine(Repository.Root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .SelectMany(f => DocExample.Read(Path.GetRelativePath(Repository.Root, f), File.ReadAllText(f)));

    public static TheoryData<string, int> Runnable()
    {
        var data = new TheoryData<string, int>();
        foreach (var example in All().Where(e => e.NotRunBecause is null))
        {
            data.Add(example.File, example.Line);
        }

        return data;
    }

    [Fact]
    public void Every_example_that_is_not_run_says_why_and_most_examples_run()
    {
        var all = All().ToList();

        Assert.All(all.Where(e => e.NotRunBecause is not null), e => Assert.True(e.NotRunBecause!.Length > 10, $"{e.File}:{e.Line} gives no reason"));
        var run = all.Count(e => e.NotRunBecause is null);
        Assert.True(run >= 10 && run > all.Count / 2, $"only {run} of {all.Count} examples run");
        TestContext.Current.TestOutputHelper?.WriteLine($"{run} of {all.Count} bash examples run; not run: " +
            string.Join("; ", all.Where(e => e.NotRunBecause is not null).Select(e => $"{e.File}:{e.Line}")));
    }

    [Theory]
    [MemberData(nameof(Runnable))]
    public async Task The_example_runs_as_written(string file, int line)
    {
        var example = All().Single(e => e.File == file && e.Line == line);

        var (exitCode, stdout, stderr) = await RunAsync(platform.PointAtPlatform(example.Code));

        Assert.True(exitCode == 0, $"{file}:{line} exited with {exitCode}:\n{stdout}\n--- stderr ---\n{stderr}");
        foreach (var promised in example.Expected)
        {
            Assert.True(stdout.Contains(promised, StringComparison.Ordinal), $"{file}:{line} promises '{promised}', the output was:\n{stdout}");
        }
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string code)
    {
        var start = new ProcessStartInfo("bash", ["-c", Prelude + code])
        {
            WorkingDirectory = platform.Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["MUCGOV_GATEWAY"] = platform.Web.Origin.ToString();
        start.Environment["MUCGOV_LOGINS"] = Path.Combine(platform.Folder, "demo-logins.json");
        start.Environment["MUCGOV_NO_BUILD"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after 2 minutes:\n" + await stdout, await stderr);
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
