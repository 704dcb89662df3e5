using SkiaSharp;

namespace RedYifang.Testing;

/// <summary>Test pictures drawn with SkiaSharp: different seeds give pictures far apart in perceptual hash.</summary>
public static class Photos
{
    public static byte[] Jpeg(int seed, int width = 640, int height = 480)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            for (var i = 0; i < 12; i++)
            {
                using var paint = new SKPaint {
                    Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)),
                    IsAntialias = true };
                canvas.DrawRect(random.Next(width), random.Next(height), random.Next(40, width / 2), random.Next(40, height / 2), paint);
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(20, height / 3), paint);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>
    /// A valid, fully decodable grey PNG of the given size whose pixels are all black: it compresses about 1,000 to 1,
    /// so 12000 × 12000 (144 MB of pixels) is a file of about 140 kB — a decompression bomb.
    /// </summary>
    public static byte[] BlackPng(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;   // bit depth; colour type 0 (grey), compression 0, filter 0, no interlace
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new System.IO.Compression.ZLibStream(
                compressed,
                System.IO.Compression.CompressionLevel.SmallestSize,
                leaveOpen: true))
            {
                var row = new byte[width + 1];   // filter byte 0, then the row's pixels
                for (var y = 0; y < height; y++) zlib.Write(row);
            }
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    /// <summary>PNG's CRC-32 (ISO 3309, reflected, polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>Inserts an EXIF APP1 segment holding a GPS IFD (latitude 43°52′ N) right after the JPEG's SOI marker.</summary>
    public static byte[] WithGpsExif(byte[] jpeg)
    {
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange(BitConverter.GetBytes((ushort)v));
        void U32(uint v) => tiff.AddRange(BitConverter.GetBytes(v));
        tiff.AddRange("II*\0"u8.ToArray()); U32(8);
        U16(1); U16(0x8825); U16(4); U32(1); U32(26); U32(0);                 // IFD0: GPSInfo → 26
        U16(2);
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray());    // GPSLatitudeRef "N"
        U16(0x0002); U16(5); U32(3); U32(56);                                 // GPSLatitude → 56
        U32(0);
        foreach (var (n, d) in new[] { (43u, 1u), (52u, 1u), (0u, 1u) }) { U32(n); U32(d); }
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        return [jpeg[0], jpeg[1], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg[2..]];
    }
}
