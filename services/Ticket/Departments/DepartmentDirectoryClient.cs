using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Contracts.Knowledge;
using MucGov.Shared.Calendar;
using MucGov.Ticket.Data;
using MucGov.Ticket.Sla;

namespace MucGov.Ticket.Departments;

/// <summary>Refreshes the cache of departments' business hours from the knowledge catalog.</summary>
public sealed partial class DepartmentDirectoryClient(
    TicketDbContext db,
    IRequestClient<GetDepartments> client,
    IOptions<SlaOptions> options,
    TimeProvider clock,
    ILogger<DepartmentDirectoryClient> logger)
{
    /// <summary>Asks the knowledge service for every department and stores what changed; false when it did not answer in time or has none yet.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        DepartmentDirectory directory;
        try
        {
            var timeout = RequestTimeout.After(ms: (int)options.Value.DirectoryTimeout.TotalMilliseconds);
            directory = (await client.GetResponse<DepartmentDirectory>(new GetDepartments(), ct, timeout)).Message;
        }
        catch (Exception ex) when (ex is RequestTimeoutException or RequestFaultException)
        {
            LogUnavailable(ex.GetType().Name);
            return false;
        }

        if (directory.Departments.Count == 0)
        {
            // The catalog is still empty (being seeded or imported): keep what we have and ask again soon.
            LogUnavailable("no departments yet");
            return false;
        }

        var cached = await db.Departments.ToDictionaryAsync(d => d.Id, ct);
        var now = clock.GetUtcNow();
        foreach (var entry in directory.Departments)
        {
            var hours = entry.BusinessHours.ToDictionary(day => day.Key, day => day.Value.Select(Interval).ToList());
            if (!cached.TryGetValue(entry.DepartmentId, out var row))
            {
                db.Departments.Add(new DepartmentCalendar { Id = entry.DepartmentId, Name = entry.Name, BusinessHours = hours, Version = entry.Version, RefreshedAt = now });
            }
            else if (entry.Version >= row.Version)
            {
                row.Name = entry.Name;
                row.BusinessHours = hours;
                row.Version = entry.Version;
                row.RefreshedAt = now;
            }
        }

        var current = directory.Departments.Select(d => d.DepartmentId).ToHashSet(StringComparer.Ordinal);
        db.Departments.RemoveRange(cached.Values.Where(d => !current.Contains(d.Id)));
        await db.SaveChangesAsync(ct);
        LogRefreshed(directory.Departments.Count, directory.Version);
        return true;
    }

    private static TimeInterval Interval(string text)
    {
        var parts = text.Split('-', 2);
        return parts.Length == 2 ? TimeInterval.Parse(parts[0], parts[1]) : throw new FormatException($"'{text}' is not an interval like 08:00-16:00.");
    }

    [LoggerMessage(LogLevel.Warning, "The knowledge service did not send the departments ({Reason}); SLA deadlines use the cached or default business hours")]
    private partial void LogUnavailable(string reason);

    [LoggerMessage(LogLevel.Information, "Business hours of {Count} departments cached (catalog version {Version})")]
    private partial void LogRefreshed(int count, long version);
}

/// <summary>Fills the cache at start (retrying until the knowledge service answers) and refreshes it now and then, in case an event was missed.</summary>
public sealed partial class DepartmentDirectoryRefresher(
    IServiceScopeFactory scopes, IOptions<SlaOptions> options, TimeProvider clock, ILogger<DepartmentDirectoryRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var refreshed = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                refreshed = await scope.ServiceProvider.GetRequiredService<DepartmentDirectoryClient>().RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database or the bus is not up yet, or another replica refreshed at the same moment: the loop retries.
                LogFailed(ex);
            }

            await Task.Delay(refreshed ? options.Value.DirectoryRefreshInterval : options.Value.DirectoryRetryInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Refreshing the departments' business hours failed; retrying")]
    private partial void LogFailed(Exception ex);
}
