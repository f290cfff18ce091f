using System.Diagnostics;
using System.Text.Json;
using MucGov.Demo;
using Spectre.Console;

// ./mucgov demo [--gateway URL] [--logins FILE] [--mailbox URL]: plays the whole story against the running platform
// (--mailbox: the SMTP test server's HTTP API, where the platform's mails arrive).
// ./mucgov token USER [SCOPES] [--gateway URL] [--logins FILE]: signs a demo account in and prints its access token.
var gateway = new Uri(Option("--gateway") ?? "http://127.0.0.1:5000/");
var loginsFile = Option("--logins") ?? Path.Combine(".mucgov", "demo-logins.json");
var mailbox = new Uri(Option("--mailbox") ?? "http://127.0.0.1:5080/");
if (!File.Exists(loginsFile))
{
    await Console.Error.WriteLineAsync($"No demo logins at {loginsFile}. Start the platform first: ./mucgov up");
    return 2;
}

var logins = JsonSerializer.Deserialize<List<DemoLogin>>(await File.ReadAllTextAsync(loginsFile), JsonSerializerOptions.Web) ?? [];
if (args.FirstOrDefault() == "token")
{
    var stepsFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(loginsFile))!, "totp-steps.json");
    return await TokenCommand.RunAsync(gateway, logins, [.. args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal))], stepsFile);
}

AnsiConsole.Write(new Rule("[bold]MucGov – the whole story through the gateway[/]").LeftJustified());
AnsiConsole.MarkupLine($"Gateway: [blue]{Markup.Escape(gateway.ToString())}[/]");
try
{
    await new Story(gateway, logins, new ConsoleOutput(), mailbox).RunAsync();
    AnsiConsole.MarkupLine("[green bold]The story passed.[/]");
    return 0;
}
catch (Exception ex) when (ex is StoryFailed or HttpRequestException or TaskCanceledException)
{
    AnsiConsole.MarkupLine($"[red bold]The story failed:[/] {Markup.Escape(ex.Message)}");
    return 1;
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

/// <summary>Each step on one line with its result and time.</summary>
internal sealed class ConsoleOutput : IStoryOutput
{
    private int step;

    public async Task StepAsync(string title, Func<Task<string>> action)
    {
        step++;
        var watch = Stopwatch.StartNew();
        AnsiConsole.MarkupLine($"[bold]{step,2}.[/] {Markup.Escape(title)}");
        try
        {
            var result = await action();
            AnsiConsole.MarkupLine($"    [green]✓[/] [grey]{Markup.Escape(Shorten(result))} ({watch.ElapsedMilliseconds} ms)[/]");
        }
        catch
        {
            AnsiConsole.MarkupLine("    [red]✗[/]");
            throw;
        }
    }

    private static string Shorten(string text) => text.Length <= 160 ? text.ReplaceLineEndings(" ") : text[..157].ReplaceLineEndings(" ") + "…";
}
