using System.ComponentModel.DataAnnotations;
using RedYifang.Functions.Platform;

namespace RedYifang.Functions.Evidence;

public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>Where kept files live: written once, never replaced (the deployment makes the container immutable).</summary>
    [Required] public string Container { get; set; } = "evidence";

    /// <summary>
    /// Where uploads land and are sealed, in the account named by the <c>EvidenceStaging</c> connection (this account's
    /// when unset). The deployment gives it no soft delete or versions and deletes anything older than a day there.
    /// </summary>
    [Required] public string StagingContainer { get; set; } = "evidence-staging";

    /// <summary>How long an upload URL (write-only SAS) stays valid; at most ten minutes.</summary>
    [TimeSpanRange("00:00:01", "00:10:00")]
    public TimeSpan UploadTicketLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a read URL for a verified item stays valid; at most fifteen minutes.</summary>
    [TimeSpanRange("00:00:01", "00:15:00")]
    public TimeSpan ReadUrlLifetime { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 100L * 1024 * 1024)] public long MaxImageBytes { get; set; } = 10L * 1024 * 1024;

    [Range(1, 1024L * 1024 * 1024)] public long MaxDocumentBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>A photo with more pixels than this is refused (reason too_many_pixels), judged from its header before decoding.</summary>
    [Range(1, 100_000_000)] public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>A photo with a side longer than this is refused likewise.</summary>
    [Range(1, 30_000)] public int MaxSide { get; set; } = 12_000;

    /// <summary>The longest side of the kept photo: larger photos are decoded downsampled to it.</summary>
    [Range(320, 12_000)] public int KeptSide { get; set; } = 4096;

    /// <summary>Photos processed at once in one worker; with <see cref="MaxPixels"/> it bounds the memory photos can take.</summary>
    [Range(1, 16)] public int PhotoConcurrency { get; set; } = 2;

    /// <summary>Photos whose perceptual hashes differ in at most this many of 64 bits are near-duplicates.</summary>
    [Range(0, 7)] public int DuplicateDistance { get; set; } = 6;
}
