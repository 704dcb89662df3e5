using System.Numerics;
using SkiaSharp;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// Photo processing with SkiaSharp: decode (turning the picture upright by its EXIF orientation), re-encode as JPEG,
/// which writes no EXIF at all (no GPS, no camera data), a thumbnail whose longest side is 320 px, and a 64-bit
/// difference hash (dHash) for spotting the same picture reused. The size is read from the header first, so a
/// picture too large to decode safely is refused before a single pixel is allocated, and a large one is decoded
/// downsampled (JPEG decodes at 1/2, 1/4 or 1/8 natively) to the size that is kept.
/// </summary>
public static class ImageWork
{
    public const int ThumbnailSide = 320;

    /// <summary>The dimensions an image's header declares, without decoding it; null when the bytes are no image.</summary>
    public static (int Width, int Height)? Dimensions(byte[] bytes)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        return codec is null ? null : (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>
    /// Null when the bytes are not a decodable image. The kept picture's longest side is at most <paramref name="keptSide"/>.
    /// </summary>
    public static ProcessedImage? Process(byte[] bytes, int keptSide = int.MaxValue)
    {
        using var decoded = DecodeUpright(bytes, keptSide);
        if (decoded is null) return null;
        using var fitted = Fit(decoded, keptSide);
        var bitmap = fitted ?? decoded;
        var stored = Encode(bitmap, 88);
        using var small = Fit(bitmap, ThumbnailSide);
        var thumbnail = Encode(small ?? bitmap, 80);
        return new ProcessedImage(stored, thumbnail, DifferenceHash(bitmap), bitmap.Width, bitmap.Height);
    }

    public static SKBitmap? DecodeUpright(byte[] bytes, int keptSide = int.MaxValue)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        if (codec is null) return null;
        var longest = Math.Max(codec.Info.Width, codec.Info.Height);
        // The codec's nearest size to the kept side (JPEG: a multiple of 1/8; the full size where it cannot scale). It
        // may land a little under the kept side: the kept photo is then that much smaller, never decoded in full.
        var size = longest > keptSide ? codec.GetScaledDimensions((float)keptSide / longest) : codec.Info.Size;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            decoded.Dispose();
            return null;
        }
        return Orient(decoded, codec.EncodedOrigin);
    }

    /// <summary>A copy whose longest side is <paramref name="side"/>, or null when the bitmap already fits.</summary>
    private static SKBitmap? Fit(SKBitmap bitmap, int side)
    {
        var scale = (double)side / Math.Max(bitmap.Width, bitmap.Height);
        if (scale >= 1) return null;
        var size = new SKImageInfo(Math.Max(1, (int)Math.Round(bitmap.Width * scale)), Math.Max(1, (int)Math.Round(bitmap.Height * scale)));
        return bitmap.Resize(size, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    public static byte[] Encode(SKBitmap bitmap, int quality)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    /// <summary>9×8 grey thumbnail; each bit says whether a pixel is brighter than its right neighbour.</summary>
    public static ulong DifferenceHash(SKBitmap bitmap)
    {
        using var tiny = bitmap.Resize(new SKImageInfo(9, 8, SKColorType.Gray8), new SKSamplingOptions(SKFilterMode.Linear));
        ulong hash = 0;
        for (var y = 0; y < 8; y++)
        for (var x = 0; x < 8; x++)
        {
            hash <<= 1;
            if (tiny.GetPixel(x, y).Red > tiny.GetPixel(x + 1, y).Red) hash |= 1;
        }
        return hash;
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return source;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
            or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var rotated = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using (var canvas = new SKCanvas(rotated))
        {
            canvas.SetMatrix(OriginMatrix(origin, source.Width, source.Height));
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        }
        source.Dispose();
        return rotated;
    }

    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
