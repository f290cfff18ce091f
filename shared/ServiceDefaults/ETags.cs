using System.Globalization;

namespace MucGov.Shared.ServiceDefaults;

/// <summary>ETags from a row version (PostgreSQL <c>xmin</c>) and the <c>If-Match</c> check against them, the same in every service.</summary>
public static class ETags
{
    /// <summary>The ETag of a row version: <c>"4711"</c>, quotes included.</summary>
    public static string Of(uint rowVersion) => $"\"{rowVersion.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Whether an <c>If-Match</c> allows changing the row at <paramref name="rowVersion"/>: absent (the caller did not
    /// ask), <c>*</c>, or the row's ETag.
    /// </summary>
    public static bool Allows(string? ifMatch, uint rowVersion) =>
        string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() is "*" || ifMatch.Trim() == Of(rowVersion);
}
