using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MucGov.Shared.Data;

/// <summary>Values kept whole in one <c>jsonb</c> column (a transcript, a snapshot, a catalog entry).</summary>
public static class JsonColumns
{
    /// <summary>
    /// Stores the property as <c>jsonb</c>, serialized with <paramref name="options"/> (web defaults when absent), and
    /// compares values by their JSON, so changes inside the value are saved too.
    /// </summary>
    public static PropertyBuilder<TValue> HasJsonb<TValue>(this PropertyBuilder<TValue> property, JsonSerializerOptions? options = null)
        where TValue : class?
    {
        var json = options ?? JsonSerializerOptions.Web;
        return property
            .HasColumnType("jsonb")
            .HasConversion(
                value => JsonSerializer.Serialize(value, json),
                text => JsonSerializer.Deserialize<TValue>(text, json)!,
                new ValueComparer<TValue>(
                    (a, b) => JsonSerializer.Serialize(a, json) == JsonSerializer.Serialize(b, json),
                    value => JsonSerializer.Serialize(value, json).GetHashCode(StringComparison.Ordinal),
                    value => JsonSerializer.Deserialize<TValue>(JsonSerializer.Serialize(value, json), json)!));
    }
}
