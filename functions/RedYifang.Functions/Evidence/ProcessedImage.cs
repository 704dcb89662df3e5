namespace RedYifang.Functions.Evidence;

public sealed record ProcessedImage(byte[] Stored, byte[] Thumbnail, ulong PerceptualHash, int Width, int Height);
