using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MucGov.Gateway.Data;

namespace MucGov.Gateway.Bff;

/// <summary>A browser session: the sign-in ticket with its tokens, encrypted, in the gateway's database.</summary>
public sealed class BffSession
{
    public required string Id { get; init; }

    /// <summary>The serialized ticket, encrypted with the shared Data Protection keys.</summary>
    public required byte[] Ticket { get; set; }

    public Guid? Subject { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Keeps sign-in tickets (and so the tokens) server-side: the browser's cookie holds only the session id, and any
/// gateway replica can serve any session.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    private readonly IDataProtector protector = protection.CreateProtector("mucgov.gateway.sessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        // The session id is the sign-in's own random id, so the token refresh can find and update the session in place.
        var id = ticket.Principal.FindFirst(BffAuthentication.SessionIdClaim)?.Value ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await RenewAsync(id, ticket);
        return id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var now = clock.GetUtcNow();
        var bytes = Seal(ticket);
        var expires = ticket.Properties.ExpiresUtc ?? now.AddHours(8);
        var subject = Guid.TryParse(ticket.Principal.FindFirst("sub")?.Value, out var sub) ? sub : (Guid?)null;
        var row = await db.Sessions.FindAsync(key);
        if (row is null)
        {
            db.Sessions.Add(new BffSession { Id = key, Ticket = bytes, Subject = subject, ExpiresAt = expires, UpdatedAt = now });
        }
        else
        {
            row.Ticket = bytes;
            row.ExpiresAt = expires;
            row.UpdatedAt = now;
        }

        await db.SaveChangesAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        return Open(await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == key));
    }

    /// <summary>
    /// Changes a session while holding its row lock, so that across every gateway replica one change of a session runs
    /// at a time (the token refresh: a second replica waits, then sees the refreshed tokens). <paramref name="change"/>
    /// gets the stored ticket and returns it unchanged, a new ticket to store, or null to end the session; the result is
    /// what the session holds afterwards (null: no session).
    /// </summary>
    public async Task<AuthenticationTicket?> ChangeLockedAsync(string key, Func<AuthenticationTicket, Task<AuthenticationTicket?>> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Sessions.FromSql($"SELECT * FROM bff_sessions WHERE id = {key} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (Open(row) is not { } ticket)
        {
            return null;
        }

        var changed = await change(ticket);
        if (changed is null)
        {
            db.Sessions.Remove(row!);
        }
        else if (!ReferenceEquals(changed, ticket))
        {
            row!.Ticket = Seal(changed);
            row.ExpiresAt = changed.Properties.ExpiresUtc ?? row.ExpiresAt;
            row.UpdatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return changed;
    }

    private byte[] Seal(AuthenticationTicket ticket) => protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Open(BffSession? row)
    {
        if (row is null || row.ExpiresAt < clock.GetUtcNow())
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(row.Ticket));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A key that was revoked or lost: the session is gone, the user signs in again.
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().Sessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }
}

/// <summary>Lets the cookie handler keep its tickets in <see cref="DatabaseTicketStore"/>.</summary>
internal sealed class UseDatabaseTicketStore(DatabaseTicketStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == BffAuthentication.CookieScheme)
        {
            options.SessionStore = store;
        }
    }
}

/// <summary>Deletes sessions that expired (idle too long) every hour, so tokens do not linger in the database.</summary>
public sealed class ExpiredSessionCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ExpiredSessionCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var now = clock.GetUtcNow();
                await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().Sessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Deleting expired sessions failed; trying again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
