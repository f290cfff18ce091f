namespace MucGov.Testing;

/// <summary>Where the repository is: the folder above the test's binaries that holds <c>MucGov.sln</c>.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "MucGov.sln")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException("MucGov.sln not found above the test's binaries.");
        }

        return dir.FullName;
    }
}
