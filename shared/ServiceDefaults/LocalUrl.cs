namespace MucGov.Shared.ServiceDefaults;

/// <summary>Where an app may send a browser back to after sign-in or sign-out: a path of its own origin only.</summary>
public static class LocalUrl
{
    /// <summary>
    /// A path on this origin: starts with one slash, and holds no backslash, control character or white space —
    /// browsers drop tabs and line breaks from a URL and read a backslash as a slash, so <c>/&lt;TAB&gt;/evil.example</c>
    /// would become <c>//evil.example</c>, another origin.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c));
}
