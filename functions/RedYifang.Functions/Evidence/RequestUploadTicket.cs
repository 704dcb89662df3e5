using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Quotas;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// Direct uploads, step one: a ticket names a blob the server chose and grants a write-only URL for it; the
/// mini-program PUTs the bytes straight to Blob Storage, and <see cref="CommitEvidence"/> checks what arrived.
/// </summary>
public sealed class RequestUploadTicket(
    EvidenceStore store,
    EvidenceBlobs blobs,
    EvidenceOwners owners,
    HeldQuotas quotas,
    IOptions<EvidenceOptions> options,
    IOptions<QuotaOptions> limits,
    TimeProvider clock)
{
    /// <summary>
    /// The quota of tickets a user holds unused and the bytes they announce (<see cref="QuotaOptions.PendingUploadTickets"/>,
    /// <see cref="QuotaOptions.PendingUploadBytes"/>): each held from its ticket until its commit or its expiry.
    /// </summary>
    public const string Quota = "uploads";

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
        var ownerId = v.Id("ownerId", request.OwnerId);
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
        var sha = request.Sha256?.ToLowerInvariant();
        if (sha is not { Length: 64 } || !sha.All(Uri.IsHexDigit)) v.Add(
            "sha256",
            new("须为 64 位十六进制 SHA-256", "must be a 64-digit hex SHA-256"));
        v.ThrowIfInvalid();

        var placement = await owners.PlaceForChangeAsync(caller, ownerType!.Value, ownerId!, ct);
        if (placement.PhotosPerUploader is { } most) await CheckPhotoLimitAsync(caller, ownerType.Value, ownerId!, contentType!, most, ct);
        var record = EvidenceRecord.Pending(caller.UserId, ownerType.Value, ownerId!, placement, fileName!, contentType!,
            request.Size!.Value, sha!, clock);
        // Signed before anything is recorded: a ticket whose URL cannot be signed leaves no pending record behind.
        var (url, expiresAt) = await blobs.UploadUrlAsync(record, ct);
        var held = await quotas.HoldAsync(Quota, caller.UserId, new Holdings.Item(record.Id, record.Size, expiresAt),
            limits.Value.PendingUploadTickets, limits.Value.PendingUploadBytes, ct);
        if (held.Exceeded is { } exceeded) throw TooManyPending(exceeded, held.RetryAfter);
        try
        {
            // A resumed request whose first run recorded the ticket answers with a ticket for that record (its URL signed again);
            // the hold stays, under the same id.
            if (await CreateOnce.AddAsync(() => store.AddAsync(record, ct: ct), async () =>
                (await store.FindAsync(record.Id, ct))?.Record is { } r && r.UploaderId == caller.UserId ? r : null) is { } first)
            {
                (url, expiresAt) = await blobs.UploadUrlAsync(first, ct);
            }
        }
        catch
        {
            await quotas.TryReleaseAsync(Quota, caller.UserId, record.Id);
            throw;
        }
        var headers = new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob", ["Content-Type"] = contentType! };
        return new UploadTicket(record.Id, url, expiresAt, headers);
    }

    /// <summary>
    /// Only photos, and at most <paramref name="most"/> of them by this uploader on this object. Counted before the ticket is
    /// recorded: two tickets asked for at the same instant may both pass (the limit guards a resident's order page, not money).
    /// </summary>
    private async Task CheckPhotoLimitAsync(Caller caller, OwnerType ownerType, string ownerId, string contentType, int most,
        CancellationToken ct)
    {
        if (!ContentTypes.IsImage(contentType))
        {
            throw Problems.Validation(new Dictionary<string, IReadOnlyList<LocalizedText>>
            {
                ["contentType"] = [new("只能上传照片", "must be a photo")],
            });
        }
        var lapsed = clock.GetUtcNow() - options.Value.UploadTicketLifetime;
        var held = 0;
        string? token = null;
        do
        {
            var page = await store.ListByOwnerAsync(ownerType, ownerId, Paging.After(100, token), ct);
            held += page.Items.Count(r => r.UploaderId == caller.UserId && r.Kind == EvidenceKind.Photo
                && r.State is EvidenceState.Pending or EvidenceState.Verified
                && !(r.State == EvidenceState.Pending && r.CommittedAt is null && r.CreatedAt < lapsed));
            token = page.ContinuationToken;
        } while (token is not null);
        if (held >= most) throw EvidenceProblems.TooManyPhotos(most);
    }

    private TooManyRequestsException TooManyPending(string exceeded, TimeSpan retryAfter) => exceeded == "count"
        ? QuotaProblems.TooManyPending("too_many_pending_uploads",
            new LocalizedText("未完成的上传最多 {0} 个：请先提交已上传的文件，或等待凭证过期。",
                "At most {0} uploads may be pending: commit what you uploaded, or wait for tickets to expire.")
                .Format(limits.Value.PendingUploadTickets), retryAfter)
        : QuotaProblems.TooManyPending("too_many_pending_upload_bytes",
            new LocalizedText("未完成的上传合计最多 {0} 字节：请先提交已上传的文件，或等待凭证过期。",
                "Pending uploads may announce at most {0} bytes together: commit what you uploaded, or wait for tickets to expire.")
                .Format(limits.Value.PendingUploadBytes), retryAfter);
}
