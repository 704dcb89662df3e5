using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace RedYifang.Functions.Tests.Fuzz;

/// <summary>
/// multipart/form-data bodies for <c>POST /v1/evidence</c> (uploadDocument): fields ownerType and ownerId, then a file part.
/// Written out by hand, so a form can also be cut off, lack its boundary or its file, or carry a file that is not a document.
/// </summary>
public static class DocumentForms
{
    private const string Boundary = "fuzz-boundary-7MA4YWxk";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%fuzz\n" + new string('x', 2000) + "\n%%EOF");

    /// <summary>A ZIP that is no Office document (no word/document.xml, no xl/workbook.xml).</summary>
    private static readonly byte[] PlainZip = Zip();

    private static Gen<string> OwnerTypes => Gen.Elements("org", "order");

    public static Gen<FuzzBody> Valid(SchemaValues values) =>
        from ownerType in OwnerTypes
        from ownerId in values.IdsFor(ownerType == "org" ? "unitId" : "ownerId")!
        select Form("a PDF", false, [("ownerType", ownerType), ("ownerId", ownerId)], ("会议纪要.pdf", Pdf));

    /// <summary>Forms the contract rules out: refused whoever sends them.</summary>
    public static Gen<FuzzBody> Refused(SchemaValues values) =>
        from ownerType in OwnerTypes
        from ownerId in values.IdsFor(ownerType == "org" ? "unitId" : "ownerId")!
        from bend in Gen.Elements(
            Form("no file part", true, [("ownerType", ownerType), ("ownerId", ownerId)], null),
            Form("no ownerType", true, [("ownerId", ownerId)], ("a.pdf", Pdf)),
            Form("a file and no fields", true, [], ("a.pdf", Pdf)),
            Form("an ownerType not in its enum", true, [("ownerType", "house"), ("ownerId", ownerId)], ("a.pdf", Pdf)),
            Form("an ownerId in full-width digits", true, [("ownerType", ownerType), ("ownerId", "ｏｒｇ＿１２３")], ("a.pdf", Pdf)),
            Form("a JPEG, not a document", true, [("ownerType", ownerType), ("ownerId", ownerId)],
                ("a.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2])),
            Form("a ZIP that is no Office document", true, [("ownerType", ownerType), ("ownerId", ownerId)], ("a.docx", PlainZip)),
            Form("a ZIP header over garbage", true, [("ownerType", ownerType), ("ownerId", ownerId)],
                ("a.xlsx", [0x50, 0x4B, 0x03, 0x04, .. Encoding.ASCII.GetBytes(new string('z', 300))])),
            Form("a text file", true, [("ownerType", ownerType), ("ownerId", ownerId)], ("a.txt", Encoding.UTF8.GetBytes("plain text"))),
            new FuzzBody("JSON, not a form", true, Encoding.UTF8.GetBytes($"{{\"ownerType\":\"{ownerType}\",\"ownerId\":\"{ownerId}\"}}"),
                "application/json"),
            new FuzzBody("multipart without a boundary", true, Encoding.UTF8.GetBytes("--x\r\n\r\n--x--"), "multipart/form-data"))
        select bend;

    /// <summary>Forms whose answer the contract leaves open (a 4xx most likely, never a fault).</summary>
    public static Gen<FuzzBody> Odd(SchemaValues values) =>
        from ownerType in OwnerTypes
        from ownerId in values.IdsFor(ownerType == "org" ? "unitId" : "ownerId")!
        from cut in Gen.Choose(10, 400)
        from bend in Gen.Elements(
            Cut(Form("cut off", false, [("ownerType", ownerType), ("ownerId", ownerId)], ("a.pdf", Pdf)), cut),
            Form("a file name in odd Unicode", false, [("ownerType", ownerType), ("ownerId", ownerId)], ("\u202Efdp.exe\0.pdf", Pdf)),
            Form("an empty file", false, [("ownerType", ownerType), ("ownerId", ownerId)], ("a.pdf", [])))
        select bend;

    private static FuzzBody Form(string variant, bool mustRefuse, (string Name, string Value)[] fields, (string Name, byte[] Bytes)? file)
    {
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        foreach (var (name, value) in fields)
        {
            Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }
        if (file is { } f)
        {
            Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{f.Name}\"\r\n");
            Write("Content-Type: application/octet-stream\r\n\r\n");
            body.Write(f.Bytes);
            Write("\r\n");
        }
        Write($"--{Boundary}--\r\n");
        return new FuzzBody(variant, mustRefuse, body.ToArray(), $"multipart/form-data; boundary={Boundary}");
    }

    private static FuzzBody Cut(FuzzBody form, int at) => form with { Bytes = form.Bytes![..Math.Min(at, form.Bytes!.Length - 1)] };

    private static byte[] Zip()
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("not an office document");
        }
        return bytes.ToArray();
    }
}
