using RedYifang.Functions.Evidence;

namespace RedYifang.Rules.Tests.Evidence;

public sealed class ImageWorkTests
{
    [Fact]
    public void Dimensions_come_from_the_header_without_decoding()
    {
        var bomb = Photos.BlackPng(12000, 12000);
        Assert.Equal((12000, 12000), ImageWork.Dimensions(bomb));
        // Cut off inside its pixel data, the picture cannot be decoded (Process says so), yet its size is still read:
        // Dimensions looks at the header only.
        var cut = bomb[..200];
        Assert.Null(ImageWork.Process(cut));
        Assert.Equal((12000, 12000), ImageWork.Dimensions(cut));
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

    [Theory]
    [InlineData(12000, 12000, "too_many_pixels")]   // 144 MP
    [InlineData(8000, 5001, "too_many_pixels")]     // just over 40 MP
    [InlineData(12001, 100, "too_many_pixels")]     // a side over 12,000 px
    [InlineData(8000, 5000, null)]                  // exactly 40 MP
    [InlineData(12000, 3000, null)]                 // the longest side allowed
    public void Photos_are_refused_by_their_header_over_the_limits(int width, int height, string? refusal) =>
        Assert.Equal(refusal, ProcessEvidence.Refusal((width, height), new EvidenceOptions()));

    [Fact]
    public void Bytes_without_an_image_header_are_refused_as_undecodable() =>
        Assert.Equal("the image cannot be decoded", ProcessEvidence.Refusal(null, new EvidenceOptions()));
}
