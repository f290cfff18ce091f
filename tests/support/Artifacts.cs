namespace MucGov.Testing;

/// <summary>What a test leaves for the reader of a run: files in <c>$MUCGOV_TEST_ARTIFACTS</c> (set by <c>./mucgov test</c>).</summary>
public static class Artifacts
{
    /// <summary>The run's artifact folder, or null outside <c>./mucgov test</c>.</summary>
    public static string? Folder => Environment.GetEnvironmentVariable("MUCGOV_TEST_ARTIFACTS") is { Length: > 0 } folder ? folder : null;

    /// <summary>A measured score, in the test output and as <c>NAME-scores.txt</c>, which <c>./mucgov test</c> prints before its summary line.</summary>
    public static async Task ReportScoreAsync(string name, string line)
    {
        Xunit.TestContext.Current.TestOutputHelper?.WriteLine(line);
        if (Folder is { } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, $"{name}-scores.txt"), line + "\n");
        }
    }
}
