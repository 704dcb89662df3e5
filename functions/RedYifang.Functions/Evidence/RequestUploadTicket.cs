using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// Direct uploads, step one: a ticket names a blob the server chose and grants a write-only URL for it; the
/// mini-program PUTs the bytes straight to Blob Storage, and <see cref="CommitEvidence"/> checks what arrived.
/// </summary>
public sealed class RequestUploadTicket(EvidenceStore store, EvidenceBlobs blobs, EvidenceOwners owners, IOptions<EvidenceOptions> options,
    TimeProvider clock)
{
    public sealed record Request(string? OwnerType, string? OwnerId, string? FileName, string? ContentType, long? Size, string? Sha256);

    /// <summary>Whether the caller may (still) add evidence to the object the request names.</summary>
    public async Task MayStillAsync(Caller caller, Request request, CancellationToken ct)
    {
        if (!Enum.TryParse<OwnerType>(request.OwnerType, ignoreCase: true, out var ownerType)
            || request.OwnerId is not { Length: > 0 } ownerId)
        {
            throw Problems.Forbidden();
        }
        await owners.PlaceForChangeAsync(caller, ownerType, ownerId.Trim(), ct);
    }

    public async Task<UploadTicket> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var ownerType = v.OneOf<OwnerType>("ownerType", request.OwnerType);
        var ownerId = v.Id("ownerId", request.OwnerId, 100);
        if (ownerId is not null && !Keys.IsWellFormedId(ownerId)) v.Add("ownerId", Validator.NotAnId);
        var fileName = v.Text("fileName", request.FileName, 200);
        var contentType = v.Text("contentType", request.ContentType, 100);
        if (contentType is not null && !ContentTypes.Allowed.Contains(contentType))
        {
            v.Add("contentType", new LocalizedText("只接受：{0}", "must be one of: {0}").Format(string.Join(", ", ContentTypes.Allowed)));
        }
        var limit = contentType is not null && ContentTypes.IsImage(contentType)
            ? options.Value.MaxImageBytes
            : options.Value.MaxDocumentBytes;
        if (request.Size is not { } size) v.Add("size", Validator.Required);
        else if (size < 1 || size > limit) v.Add("size", new LocalizedText("须为 1–{0} 字节", "must be 1–{0} bytes").Format(limit));
        var sha = request.Sha256?.Trim().ToLowerInvariant();
        if (sha is not { Length: 64 } || !sha.All(Uri.IsHexDigit)) v.Add(
            "sha256",
            new("须为 64 位十六进制 SHA-256", "must be a 64-digit hex SHA-256"));
        v.ThrowIfInvalid();

        var placement = await owners.PlaceForChangeAsync(caller, ownerType!.Value, ownerId!, ct);
        var record = EvidenceRecord.Pending(caller.UserId, ownerType.Value, ownerId!, placement, fileName!, contentType!,
            request.Size!.Value, sha!, clock);
        // Signed before anything is recorded: a ticket whose URL cannot be signed leaves no pending record behind.
        var (url, expiresAt) = await blobs.UploadUrlAsync(record, ct);
        await store.AddAsync(record, ct: ct);
        var headers = new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob", ["Content-Type"] = contentType! };
        return new UploadTicket(record.Id, url, expiresAt, headers);
    }
}
