namespace MucGov.Shared.ServiceDefaults;

/// <summary>Checks of text citizens and staff type, before it reaches a database or another service.</summary>
public static class TextInput
{
    /// <summary>The problem with text PostgreSQL cannot store.</summary>
    public const string NotStorable = "Contains a character that cannot be stored (the NUL character or half of a surrogate pair).";

    /// <summary>
    /// False for text PostgreSQL refuses (the NUL character) or that is not valid UTF-16 (a lone surrogate, which
    /// cannot be encoded as UTF-8). Everything else — right-to-left marks, emoji, combining marks — is stored as typed.
    /// </summary>
    public static bool IsStorable(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
