using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MucGov.Shared.Data;

/// <summary>One-value SQL statements (a sequence, a locking read, a counter) run on the DbContext's own connection and transaction.</summary>
public static class ScalarQuery
{
    /// <summary>
    /// Runs <paramref name="sql"/> with named <paramref name="parameters"/> (<c>@name</c>) in the context's current
    /// transaction, if any, and returns the first column of the first row (default when there is none).
    /// </summary>
    public static async Task<T?> ScalarAsync<T>(this DbContext db, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter(name, value));
            }

            return await command.ExecuteScalarAsync(ct) is T result ? result : default;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
