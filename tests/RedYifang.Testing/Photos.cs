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
                using var paint = new SKPaint { Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)), IsAntialias = true };
                canvas.DrawRect(random.Next(width), random.Next(height), random.Next(40, width / 2), random.Next(40, height / 2), paint);
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(20, height / 3), paint);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
