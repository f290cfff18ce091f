using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MucGov.Shared.Data;

/// <summary>What a failed save says about the data.</summary>
public static class DataErrors
{
    /// <summary>The save broke a unique index: the thing exists already (or another request stored it a moment before).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
