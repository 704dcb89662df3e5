using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// A piece of evidence (痕迹): a photo or a document, the files kept for it, and its place in its organisation's
/// hash chain. <see cref="UploadSha256"/> is the hash of the bytes as uploaded (checked on the sealed copy);
/// <see cref="Sha256"/> is the hash of the file kept in the evidence container (for a photo, the copy without
/// location metadata) and is what the chain covers; <see cref="ThumbnailSha256"/> that of the thumbnail. Kept files
/// are written once and never replaced.
/// </summary>
public sealed record EvidenceRecord
{
    public const string ProcessQueue = "evidence-process";

    public required string Id { get; init; }
    public required OwnerType OwnerType { get; init; }
    public required string OwnerId { get; init; }
    public required IReadOnlyList<string> ScopePath { get; init; }
    public required string ChainOrgId { get; init; }
    public required IReadOnlyList<string> ChainOrgPath { get; init; }
    public required string UploaderId { get; init; }
    public required EvidenceKind Kind { get; init; }
    public required string FileName { get; init; }

    /// <summary>The declared type until commit; from then on the type sniffed from the bytes (and what is served).</summary>
    public required string ContentType { get; init; }
    public required long Size { get; init; }
    public required string UploadSha256 { get; init; }
    public required EvidenceState State { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public string? Sha256 { get; init; }

    /// <summary>The kept file in the evidence container, once verified.</summary>
    public string? BlobName { get; init; }
    public string? ThumbnailBlobName { get; init; }
    public string? ThumbnailSha256 { get; init; }
    public string? Reason { get; init; }
    public string? PerceptualHash { get; init; }
    public string? DuplicateOf { get; init; }
    public long? ChainSeq { get; init; }
    public string? ChainHash { get; init; }
    public DateTimeOffset? CommittedAt { get; init; }
    public DateTimeOffset? VerifiedAt { get; init; }

    /// <summary>
    /// A photo's standing with content security, set after it joined the chain (docs/content-security.md): never part of the
    /// chain, so hiding a photo leaves the chain and the kept bytes as they were. Null: not screened (documents; photos before
    /// screening began, or with nobody to screen them for).
    /// </summary>
    public Screening? Moderation { get; init; }

    /// <summary>A new item awaiting its bytes, in the archive of <paramref name="placement"/>'s organisation (its id carries it).</summary>
    public static EvidenceRecord Pending(string uploaderId, OwnerType ownerType, string ownerId, OwnerPlacement placement, string fileName,
        string contentType, long size, string sha256, TimeProvider clock) => new()
    {
        Id = Keys.NewChildId("evd", placement.ChainOrgId, clock),
        OwnerType = ownerType,
        OwnerId = ownerId,
        ScopePath = placement.ScopePath,
        ChainOrgId = placement.ChainOrgId,
        ChainOrgPath = placement.ChainOrgPath,
        UploaderId = uploaderId,
        Kind = ContentTypes.IsImage(contentType) ? EvidenceKind.Photo : EvidenceKind.Document,
        FileName = fileName,
        ContentType = contentType,
        Size = size,
        UploadSha256 = sha256,
        State = EvidenceState.Pending,
        CreatedAt = clock.GetUtcNow(),
    };
}
