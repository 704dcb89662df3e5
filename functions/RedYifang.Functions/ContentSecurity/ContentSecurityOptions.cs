using RedYifang.Functions.Platform;

namespace RedYifang.Functions.ContentSecurity;

public sealed class ContentSecurityOptions
{
    public const string Section = "ContentSecurity";

    /// <summary>
    /// How long the read URL a photo is sent to WeChat's media_check_async with stays valid. WeChat fetches the photo itself
    /// and pushes its verdict within 30 minutes; the URL outlives that, and reads only the processed photo (no location).
    /// </summary>
    [TimeSpanRange("00:05:00", "06:00:00")]
    public TimeSpan MediaUrlLifetime { get; set; } = TimeSpan.FromHours(1);
}
