using System.IO.Compression;

namespace RedYifang.Functions.Evidence;

/// <summary>The file types evidence may be, and what a file really is, judged from its bytes rather than its name or header.</summary>
public static class ContentTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string WebP = "image/webp";
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<string> Allowed = [Jpeg, Png, WebP, Pdf, Docx, Xlsx];

    public static bool IsImage(string contentType) => contentType is Jpeg or Png or WebP;

    /// <summary>The type the first bytes announce; ZIP-based Office files need <see cref="OfficeKind"/> to tell them apart.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return WebP;
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04])) return "application/zip";
        return null;
    }

    /// <summary>A ZIP is a .docx when it holds word/document.xml and an .xlsx when it holds xl/workbook.xml.</summary>
    public static string? OfficeKind(Stream seekableZip)
    {
        try
        {
            using var zip = new ZipArchive(seekableZip, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("word/document.xml") is not null) return Docx;
            if (zip.GetEntry("xl/workbook.xml") is not null) return Xlsx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
