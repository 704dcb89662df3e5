using System.ComponentModel.DataAnnotations;

namespace RedYifang.Functions.Evidence;

public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    [Required] public string Container { get; set; } = "evidence";

    /// <summary>How long an upload URL (write-only SAS) stays valid; at most ten minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan UploadTicketLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a read URL for a verified item stays valid; at most fifteen minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:15:00")]
    public TimeSpan ReadUrlLifetime { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 100L * 1024 * 1024)] public long MaxImageBytes { get; set; } = 10L * 1024 * 1024;

    [Range(1, 1024L * 1024 * 1024)] public long MaxDocumentBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Photos whose perceptual hashes differ in at most this many of 64 bits are near-duplicates.</summary>
    [Range(0, 7)] public int DuplicateDistance { get; set; } = 6;
}
