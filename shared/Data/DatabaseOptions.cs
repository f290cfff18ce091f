using System.ComponentModel.DataAnnotations;

namespace MucGov.Shared.Data;

/// <summary>Settings of the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Database";

    /// <summary>Apply pending migrations when the service starts (Development and tests). Production runs the <c>migrate</c> command as a Job instead.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>How long start-up waits for the database to accept connections before giving up.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Timeout of a single SQL command in seconds.</summary>
    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;
}
