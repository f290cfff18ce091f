using System.Globalization;
using System.Security.Cryptography;

namespace MucGov.Shared.Clients;

/// <summary>RFC 6238 time-based one-time passwords: what a staff member's authenticator app shows.</summary>
public static class Totp
{
    /// <summary>The six-digit code of <paramref name="base32Secret"/> for the 30-second step containing <paramref name="at"/>.</summary>
    public static string Code(string base32Secret, DateTimeOffset at)
    {
        var key = Base32(base32Secret);
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    // The server accepts each step of a secret once: remembered per secret for every sign-in of this process.
    private static readonly Dictionary<string, long> LastStepHandedOut = new(StringComparer.Ordinal);
    private static readonly Lock StepsLock = new();

    /// <summary>
    /// A code for a sign-in after others with the same secret, as a person would type the next one their app shows:
    /// the first step not handed out yet, which the server still accepts (its current step or the next); when both
    /// are used, it waits for the next step to begin.
    /// </summary>
    public static async Task<string> NextCodeAsync(string base32Secret, CancellationToken ct = default)
    {
        long step, now;
        lock (StepsLock)
        {
            now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            step = LastStepHandedOut.TryGetValue(base32Secret, out var last) ? Math.Max(now, last + 1) : now;
            LastStepHandedOut[base32Secret] = step;
        }

        if (step > now + 1)
        {
            var validFrom = DateTimeOffset.FromUnixTimeSeconds((step - 1) * 30);
            var wait = validFrom - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }
        }

        return Code(base32Secret, DateTimeOffset.FromUnixTimeSeconds(step * 30));
    }

    /// <summary>
    /// Tells the generator that <paramref name="step"/> of the secret was used by another process (another run of a
    /// command-line tool), so the next code handed out here is a later one.
    /// </summary>
    public static void UsedElsewhere(string base32Secret, long step)
    {
        lock (StepsLock)
        {
            LastStepHandedOut[base32Secret] = Math.Max(step, LastStepHandedOut.GetValueOrDefault(base32Secret, long.MinValue));
        }
    }

    /// <summary>The last step of the secret handed out by this process, if any.</summary>
    public static long? LastStep(string base32Secret)
    {
        lock (StepsLock)
        {
            return LastStepHandedOut.TryGetValue(base32Secret, out var step) ? step : null;
        }
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
