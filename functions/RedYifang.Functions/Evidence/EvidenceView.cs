namespace RedYifang.Functions.Evidence;

/// <summary>Evidence as the API shows it; verified items carry short-lived read URLs.</summary>
public sealed record EvidenceView(
    string Id, OwnerType OwnerType, string OwnerId, string ChainOrgId, EvidenceKind Kind, string FileName, string ContentType, long Size,
    EvidenceState State, string? Reason, string? Sha256, string UploadSha256, string? ChainHash, long? ChainSeq, string? DuplicateOf,
    string UploaderId, DateTimeOffset CreatedAt, DateTimeOffset? CommittedAt, DateTimeOffset? VerifiedAt, Uri? Url, Uri? ThumbnailUrl,
    DateTimeOffset? UrlsExpireAt)
{
    public static async Task<EvidenceView> FromAsync(EvidenceRecord r, EvidenceBlobs blobs, CancellationToken ct)
    {
        (Uri Url, DateTimeOffset ExpiresAt)? read = r.State == EvidenceState.Verified ? await blobs.ReadUrlAsync(r.BlobName, ct) : null;
        (Uri Url, DateTimeOffset ExpiresAt)? thumb = r.State == EvidenceState.Verified && r.ThumbnailBlobName is { } t ? await blobs.ReadUrlAsync(t, ct) : null;
        return new EvidenceView(r.Id, r.OwnerType, r.OwnerId, r.ChainOrgId, r.Kind, r.FileName, r.ContentType, r.Size, r.State, r.Reason,
            r.Sha256, r.UploadSha256, r.ChainHash, r.ChainSeq, r.DuplicateOf, r.UploaderId, r.CreatedAt, r.CommittedAt, r.VerifiedAt,
            read?.Url, thumb?.Url, read?.ExpiresAt);
    }
}
