namespace MucGov.Ticket.Cases;

/// <summary>One answered field of an application.</summary>
/// <param name="Name">Field name of the procedure.</param>
/// <param name="Label">Field label (German, as in the catalog).</param>
/// <param name="Value">The confirmed value.</param>
/// <param name="Source">
/// Where the value comes from: <see cref="FormSources.Buergerkonto"/> (the citizen's account record) or
/// <see cref="FormSources.Typed"/> (typed by the citizen in the chat, not checked); null on forms stored before sources were recorded.
/// </param>
public sealed record FormValue(string Name, string Label, string Value, string? Source = null);

/// <summary>Where a form value comes from, shown to the caseworker beside it.</summary>
public static class FormSources
{
    /// <summary>From the Bürgerkonto record.</summary>
    public const string Buergerkonto = "buergerkonto";

    /// <summary>Typed by the citizen.</summary>
    public const string Typed = "typed";
}
