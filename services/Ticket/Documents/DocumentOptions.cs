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
}
