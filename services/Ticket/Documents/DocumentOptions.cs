using System.ComponentModel.DataAnnotations;

namespace MucGov.Ticket.Documents;

/// <summary>Settings of the <c>Documents</c> section.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>The public origin printed on documents for the genuineness check (<c>{origin}/api/documents/verify/{code}</c>).</summary>
    [Required]
    [Url]
    public string PublicOrigin { get; set; } = "http://127.0.0.1:5000";

    /// <summary>
    /// The lowest trust level at which a document is issued, whatever the procedure asks for: the data it certifies
    /// must belong to a person whose identity was checked. A procedure may ask for more, never for less.
    /// </summary>
    [Required]
    [AllowedValues("basic", "substantial", "high")]
    public string MinimumTrustLevel { get; set; } = "substantial";

    /// <summary>How long the ticket service waits for identity's answer with the certified fields before the delivery is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RecordTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
