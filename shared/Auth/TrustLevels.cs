namespace MucGov.Shared.Auth;

/// <summary>
/// The eIDAS levels of assurance of a Bürgerkonto (issued as the <c>acr</c> claim): <c>basic</c> (self-registered),
/// <c>substantial</c> and <c>high</c> (identity confirmed with the eID function of the ID card).
/// </summary>
public static class TrustLevels
{
    /// <summary>Self-registered, identity not checked.</summary>
    public const string Basic = "basic";

    /// <summary>Identity checked by a means of level "substantial".</summary>
    public const string Substantial = "substantial";

    /// <summary>Identity confirmed with the eID function of the ID card.</summary>
    public const string High = "high";

    /// <summary>All levels, lowest first.</summary>
    public static readonly IReadOnlyList<string> All = [Basic, Substantial, High];

    /// <summary>Order of the levels for "at least" comparisons; -1 for anything that is not a level.</summary>
    public static int Rank(string? level) => level switch { Basic => 0, Substantial => 1, High => 2, _ => -1 };

    /// <summary>Is <paramref name="level"/> a known level and at least <paramref name="required"/>?</summary>
    public static bool AtLeast(string? level, string required) => Rank(level) >= 0 && Rank(level) >= Rank(required);
}
