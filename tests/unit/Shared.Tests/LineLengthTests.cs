using MucGov.Testing;
using Xunit;

namespace MucGov.Shared.Tests;

/// <summary>
/// The house rule <c>dotnet format</c> does not check: no line of code longer than 180 characters, so every file reads
/// in a review without sideways scrolling. Generated migrations are exempt; data files (JSON catalogs, question sets)
/// and prose (Markdown) are not code.
/// </summary>
public sealed class LineLengthTests
{
    public const int MaxLength = 180;

    private static readonly string[] CodeExtensions = [".cs", ".js", ".css", ".cshtml", ".sh", ".csproj", ".props", ".yaml", ".yml"];
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "TestResults", ".git", "Migrations", ".state", ".mucgov"];

    private static IEnumerable<FileInfo> CodeFiles(DirectoryInfo dir)
    {
        foreach (var file in dir.EnumerateFiles())
        {
            if (CodeExtensions.Contains(file.Extension, StringComparer.OrdinalIgnoreCase) || file.Name is "mucgov" or "run")
            {
                yield return file;
            }
        }

        foreach (var sub in dir.EnumerateDirectories().Where(d => !SkippedFolders.Contains(d.Name, StringComparer.Ordinal)))
        {
            foreach (var file in CodeFiles(sub))
            {
                yield return file;
            }
        }
    }

    /// <summary>Lines over the limit in <paramref name="text"/>, as "line: length".</summary>
    public static IEnumerable<string> LongLines(string text) =>
        text.Split('\n').Select((line, i) => (Line: i + 1, line.TrimEnd('\r').Length)).Where(l => l.Length > MaxLength).Select(l => $"{l.Line}: {l.Length}");

    [Fact]
    public void No_line_of_code_is_longer_than_180_characters()
    {
        var root = new DirectoryInfo(Repository.Root);
        var files = CodeFiles(root).ToList();
        var offenders = files
            .SelectMany(f => LongLines(File.ReadAllText(f.FullName)).Select(l => $"{Path.GetRelativePath(root.FullName, f.FullName)}:{l}"))
            .ToList();

        Assert.True(files.Count > 100, $"only {files.Count} code files found under {root.FullName}");
        Assert.True(offenders.Count == 0, $"{offenders.Count} lines over {MaxLength} characters:\n{string.Join('\n', offenders)}");
    }

    [Fact]
    public void The_check_counts_characters_not_bytes_and_finds_the_long_line()
    {
        var umlauts = new string('ü', MaxLength);
        var text = $"short\n{umlauts}\r\n{umlauts}x\n";

        Assert.Equal(["3: 181"], LongLines(text));
    }
}
