using System.Security.Cryptography;

namespace MucGov.Ticket.Documents;

/// <summary>A document issued for a procedure (the certificate of registration), with its public verification code.</summary>
public sealed class IssuedDocument
{
    public Guid Id { get; init; }

    /// <summary>The submission it answers; unique, so a redelivered submission issues one document.</summary>
    public Guid SubmissionId { get; init; }

    public Guid ConversationId { get; init; }

    /// <summary>The citizen who may download it; null after erasure.</summary>
    public Guid? CitizenId { get; set; }

    public required string ServiceId { get; init; }

    public required string Title { get; init; }

    /// <summary>Printed on the document; anyone holding it can check it is genuine.</summary>
    public required string VerificationCode { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>The PDF as issued; removed on erasure (the verification record stays, the paper is the citizen's).</summary>
    public byte[]? Pdf { get; set; }
}

/// <summary>Verification codes: 80 random bits in Crockford's base32, grouped for reading aloud (<c>7KQ2-M9XD-…</c>).</summary>
public static class VerificationCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        var bytes = RandomNumberGenerator.GetBytes(10);
        var chars = new char[16];
        var buffer = 0;
        var bits = 0;
        var next = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[next++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        var code = new string(chars);
        return $"{code[..4]}-{code[4..8]}-{code[8..12]}-{code[12..]}";
    }

    /// <summary>What a person may type: any case, with or without dashes and spaces, O for 0 and I/L for 1.</summary>
    public static string Normalise(string typed)
    {
        var plain = new string([.. typed.ToUpperInvariant().Where(char.IsLetterOrDigit).Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c })]);
        return plain.Length == 16 ? $"{plain[..4]}-{plain[4..8]}-{plain[8..12]}-{plain[12..]}" : plain;
    }
}
