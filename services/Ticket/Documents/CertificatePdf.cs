using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace MucGov.Ticket.Documents;

/// <summary>What goes on an issued document.</summary>
/// <param name="Title">The service's title (e.g. Meldebescheinigung).</param>
/// <param name="Certified">Label and value of each field the city certifies, from the Bürgerkonto record, in form order.</param>
/// <param name="Stated">Label and value of what the citizen chose in the form (e.g. the purpose), printed apart as their statement.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="VerificationCode">The public check code.</param>
/// <param name="VerifyUrl">Where anyone can check it.</param>
public sealed record CertificateContent(
    string Title, IReadOnlyList<(string Label, string Value)> Certified, IReadOnlyList<(string Label, string Value)> Stated,
    DateTimeOffset IssuedAt, string VerificationCode, string VerifyUrl);

/// <summary>Renders issued documents as PDF (PDFsharp 6.2, MIT) with the DejaVu fonts embedded in this service.</summary>
public static class CertificatePdf
{
    private static readonly Lock Setup = new();
    private static bool fontsSet;

    public static byte[] Render(CertificateContent content)
    {
        UseEmbeddedFonts();
        using var document = new PdfDocument();
        document.Info.Title = content.Title;
        document.Info.Author = "Landeshauptstadt München";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var heading = new XFont(EmbeddedFonts.Family, 18, XFontStyleEx.Bold);
            var bold = new XFont(EmbeddedFonts.Family, 11, XFontStyleEx.Bold);
            var body = new XFont(EmbeddedFonts.Family, 11, XFontStyleEx.Regular);
            var small = new XFont(EmbeddedFonts.Family, 9, XFontStyleEx.Regular);
            double y = 70;
            gfx.DrawString("Landeshauptstadt München", bold, XBrushes.DarkBlue, 60, y);
            gfx.DrawString("Kreisverwaltungsreferat", small, XBrushes.Black, 60, y += 16);
            gfx.DrawString(content.Title, heading, XBrushes.Black, 60, y += 50);
            gfx.DrawString("Hiermit wird bescheinigt:", body, XBrushes.Black, 60, y += 36);
            y += 10;
            foreach (var (label, value) in content.Certified)
            {
                gfx.DrawString(label, bold, XBrushes.Black, 60, y += 24);
                gfx.DrawString(value, body, XBrushes.Black, 220, y);
            }

            if (content.Stated.Count > 0)
            {
                gfx.DrawString("Angaben der antragstellenden Person (nicht Teil der Bescheinigung):", small, XBrushes.Black, 60, y += 36);
                foreach (var (label, value) in content.Stated)
                {
                    gfx.DrawString($"{label}: {value}", small, XBrushes.Black, 60, y += 16);
                }
            }

            var issued = TimeZoneInfo.ConvertTime(content.IssuedAt, MucGov.Shared.Calendar.MunichCalendar.TimeZone);
            gfx.DrawString($"Ausgestellt am {issued.ToString("dd.MM.yyyy 'um' HH:mm 'Uhr'", CultureInfo.InvariantCulture)}", body, XBrushes.Black, 60, y += 48);
            gfx.DrawString($"Prüfcode: {content.VerificationCode}", bold, XBrushes.Black, 60, y += 30);
            gfx.DrawString($"Echtheit prüfen: {content.VerifyUrl}", small, XBrushes.Black, 60, y += 18);
            gfx.DrawString("Dieses Dokument wurde maschinell erstellt und ist ohne Unterschrift gültig.", small, XBrushes.Gray, 60, page.Height.Point - 60);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    // PDFsharp takes one font resolver per process, before the first font is used.
    private static void UseEmbeddedFonts()
    {
        lock (Setup)
        {
            if (!fontsSet)
            {
                GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
                fontsSet = true;
            }
        }
    }

    private sealed class EmbeddedFonts : IFontResolver
    {
        public const string Family = "DejaVu Sans";

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName)
        {
            using var stream = typeof(CertificatePdf).Assembly.GetManifestResourceStream($"MucGov.Ticket.Documents.Fonts.{faceName}.ttf")
                ?? throw new InvalidOperationException($"Font {faceName} is not embedded.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
