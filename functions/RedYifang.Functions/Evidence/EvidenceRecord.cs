namespace RedYifang.Functions.Evidence;

public enum OwnerType
{
    Order,
    Activity,
    Agreement,
    Org,
}

public enum EvidenceState
{
    Pending,
    Verified,
    Rejected,
    Failed,
}

public enum EvidenceKind
{
    Photo,
    Document,
}

/// <summary>
/// A piece of evidence (痕迹): a photo or a document, its blob, and its place in its organisation's hash chain.
/// <see cref="Sha256"/> is the hash of the stored file (for a photo, the copy without location metadata) and is what
/// the chain covers; <see cref="UploadSha256"/> is the hash of the bytes as uploaded.
/// </summary>
public sealed record EvidenceRecord(
    string Id,
    OwnerType OwnerType,
    string OwnerId,
    IReadOnlyList<string> ScopePath,
    string ChainOrgId,
    IReadOnlyList<string> ChainOrgPath,
    string UploaderId,
    EvidenceKind Kind,
    string FileName,
    string ContentType,
    long Size,
    string UploadSha256,
    string? Sha256,
    string BlobName,
    string? ThumbnailBlobName,
    EvidenceState State,
    string? Reason,
    string? PerceptualHash,
    string? DuplicateOf,
    long? ChainSeq,
    string? ChainHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CommittedAt,
    DateTimeOffset? VerifiedAt)
{
    public const string ProcessQueue = "evidence-process";
}

public sealed record ProcessMessage(string EvidenceId);
