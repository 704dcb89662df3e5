namespace RedYifang.Functions.Evidence;

/// <summary>Evidence as the API shows it; verified items carry short-lived read URLs.</summary>
public sealed record EvidenceView(
    string Id, OwnerType OwnerType, string OwnerId, string ChainOrgId, EvidenceKind Kind, string FileName, string ContentType, long Size,
    EvidenceState State, string? Reason, string? Sha256, string UploadSha256, string? ChainHash, long? ChainSeq, string? DuplicateOf,
    string UploaderId, DateTimeOffset CreatedAt, DateTimeOffset? CommittedAt, DateTimeOffset? VerifiedAt, Uri? Url, Uri? ThumbnailUrl,
    DateTimeOffset? UrlsExpireAt)
{
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
        return new EvidenceView(r.Id, r.OwnerType, r.OwnerId, r.ChainOrgId, r.Kind, r.FileName, r.ContentType, r.Size, r.State, r.Reason,
            r.Sha256, r.UploadSha256, r.ChainHash, r.ChainSeq, r.DuplicateOf, r.UploaderId, r.CreatedAt, r.CommittedAt, r.VerifiedAt,
            read?.Url, thumb?.Url, read?.ExpiresAt);
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
