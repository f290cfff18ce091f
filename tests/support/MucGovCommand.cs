namespace MucGov.Testing;

/// <summary>This repository's <c>./mucgov</c>, run as an operator runs it.</summary>
public static class MucGovCommand
{
    /// <summary><c>./mucgov errors list|replay QUEUE</c> against a broker's management API (as for a cluster's broker).</summary>
    public static Task<(int ExitCode, string Output)> ErrorsAsync(string action, string queue, Uri management, string virtualHost, string user, string password) =>
        Programs.RunAsync(null, "bash",
            [Path.Combine(Repository.Root, "mucgov"), "errors", action, queue, "--api", new Uri(management, "api").ToString(), "--vhost", virtualHost, "--user", user],
            new Dictionary<string, string> { ["MUCGOV_RABBIT_PASSWORD"] = password }, TimeSpan.FromMinutes(5));
}
