using RedYifang.Functions.Evidence;

namespace RedYifang.Functions.Tests.Evidence;

public sealed class ImageWorkTests
{
    [Fact]
    public void Dimensions_come_from_the_header_without_decoding()
    {
        var bomb = Photos.BlackPng(12000, 12000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal((12000, 12000), ImageWork.Dimensions(bomb));
        // Decoding would need 144 MB of pixels (576 MB as RGBA); reading the header takes next to nothing.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
        Assert.Null(ImageWork.Dimensions([1, 2, 3, 4]));
    }

    [Fact]
    public void A_large_photo_is_kept_at_the_kept_side()
    {
        var image = ImageWork.Process(Photos.Jpeg(7, 2000, 1500), keptSide: 1000)!;
        Assert.Equal((1000, 750), (image.Width, image.Height));
        Assert.Equal((1000, 750), ImageWork.Dimensions(image.Stored));
        Assert.Equal((320, 240), ImageWork.Dimensions(image.Thumbnail));
    }

    [Fact]
    public void A_photo_within_the_kept_side_keeps_its_size()
    {
        var image = ImageWork.Process(Photos.Jpeg(8), keptSide: 4096)!;
        Assert.Equal((640, 480), (image.Width, image.Height));
    }
}
