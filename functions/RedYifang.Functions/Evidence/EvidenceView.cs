using RedYifang.Functions.ContentSecurity;

namespace RedYifang.Functions.Evidence;

/// <summary>Evidence as the API shows it; verified items carry short-lived read URLs.</summary>
public sealed record EvidenceView
{
    public required string Id { get; init; }
    public required OwnerType OwnerType { get; init; }
    public required string OwnerId { get; init; }
    public required string ChainOrgId { get; init; }
    public required EvidenceKind Kind { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required long Size { get; init; }
    public required EvidenceState State { get; init; }
    public string? Reason { get; init; }
    public string? Sha256 { get; init; }
    public required string UploadSha256 { get; init; }
    public string? ChainHash { get; init; }
    public long? ChainSeq { get; init; }
    public string? DuplicateOf { get; init; }
    public required string UploaderId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CommittedAt { get; init; }
    public DateTimeOffset? VerifiedAt { get; init; }
    public Uri? Url { get; init; }
    public Uri? ThumbnailUrl { get; init; }
    public DateTimeOffset? UrlsExpireAt { get; init; }
    public Screening? Moderation { get; init; }

    /// <summary>
    /// Read URLs answer with the type the server established from the bytes, never the uploader's: the cleaned photo
    /// and its thumbnail inline as JPEG, a document as an attachment under a safe file name.
    /// </summary>
    public static async Task<EvidenceView> FromAsync(EvidenceRecord r, EvidenceBlobs blobs, CancellationToken ct)
    {
        var verified = r.State == EvidenceState.Verified && r.BlobName is not null;
        (Uri Url, DateTimeOffset ExpiresAt)? read = verified
            ? await blobs.ReadUrlAsync(r.BlobName!, r.ContentType, r.Kind == EvidenceKind.Photo ? "inline" : Attachment(r), ct)
            : null;
        (Uri Url, DateTimeOffset ExpiresAt)? thumb = verified && r.ThumbnailBlobName is { } t
            ? await blobs.ReadUrlAsync(t, ContentTypes.Jpeg, "inline", ct)
            : null;
        return new EvidenceView
        {
            Id = r.Id, OwnerType = r.OwnerType, OwnerId = r.OwnerId, ChainOrgId = r.ChainOrgId, Kind = r.Kind,
            FileName = r.FileName, ContentType = r.ContentType, Size = r.Size, State = r.State, Reason = r.Reason,
            Sha256 = r.Sha256, UploadSha256 = r.UploadSha256, ChainHash = r.ChainHash, ChainSeq = r.ChainSeq,
            DuplicateOf = r.DuplicateOf, UploaderId = r.UploaderId, CreatedAt = r.CreatedAt, CommittedAt = r.CommittedAt,
            VerifiedAt = r.VerifiedAt, Url = read?.Url, ThumbnailUrl = thumb?.Url, UrlsExpireAt = read?.ExpiresAt,
            Moderation = r.Moderation,
        };
    }

    /// <summary>
    /// <c>attachment</c> with the uploader's file name made harmless: no control characters, quotes or path separators;
    /// an ASCII <c>filename</c> and the full name as RFC 5987 <c>filename*</c>.
    /// </summary>
    public static string Attachment(EvidenceRecord r)
    {
        var name = new string(r.FileName.Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/' or ';')).ToArray()).Trim();
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(name.Length > 0 ? name : $"{r.Id}.bin");
        return disposition.ToString();
    }
}
