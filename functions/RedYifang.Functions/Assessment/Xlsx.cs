using System.IO.Compression;
using System.Security;
using System.Text;

namespace RedYifang.Functions.Assessment;

/// <summary>A minimal Office Open XML workbook with one sheet of text and numbers (what Excel needs, nothing more).</summary>
public static class Xlsx
{
    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" +
                """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""" +
                """<Default Extension="rels" """ +
                """ContentType="application/vnd.openxmlformats-package.relationships+xml"/>""" +
                """<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" """ +
                """ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""" +
                """<Override PartName="/xl/worksheets/sheet1.xml" """ +
                """ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""" +
                "</Types>");
            Entry(zip, "_rels/.rels",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" +
                """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
                """<Relationship Id="rId1" """ +
                """Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" """ +
                """Target="xl/workbook.xml"/></Relationships>""");
            Entry(zip, "xl/workbook.xml",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" +
                """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" """ +
                """xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""" +
                $"""<sheet name="{SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Entry(zip, "xl/_rels/workbook.xml.rels",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" +
                """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
                """<Relationship Id="rId1" """ +
                """Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" """ +
                """Target="worksheets/sheet1.xml"/></Relationships>""");
            var sheet = new StringBuilder(
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" +
                """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            var r = 0;
            foreach (var row in new[] { headers.Cast<object?>().ToList() }.Concat(rows))
            {
                sheet.Append($"<row r=\"{++r}\">");
                foreach (var cell in row)
                {
                    sheet.Append(cell switch
                    {
                        null => "<c/>",
                        int or long or double or decimal =>
                            $"<c t=\"n\"><v>{Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture)}</v></c>",
                        _ => $"<c t=\"inlineStr\"><is><t>{SecurityElement.Escape(cell.ToString())}</t></is></c>",
                    });
                }
                sheet.Append("</row>");
            }
            sheet.Append("</sheetData></worksheet>");
            Entry(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
        }
        return buffer.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
