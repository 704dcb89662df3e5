using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// Processes committed evidence (queue <c>evidence-process</c>): a photo is decoded, stored again without location
/// and camera metadata, given a thumbnail and a perceptual hash, and flagged when the same picture already proves
/// another order or activity; then the record joins its organisation's hash chain as verified. A corrupt image is
/// rejected at once; any other failure is retried by the queue, and the last attempt marks the record failed.
/// </summary>
public sealed partial class EvidenceProcessor(EvidenceStore store, EvidenceBlobs blobs, IOptions<EvidenceOptions> options, TimeProvider clock,
    ILogger<EvidenceProcessor> logger)
{
    public async Task ProcessAsync(string evidenceId, bool lastAttempt, CancellationToken ct)
    {
        var stored = await store.FindAsync(evidenceId, ct);
        if (stored is not { Record.State: EvidenceState.Pending, Record.CommittedAt: not null }) return;
        try
        {
            var prepared = stored.Record.Kind == EvidenceKind.Photo ? await PreparePhotoAsync(stored.Record, ct) : await PrepareDocumentAsync(stored.Record, ct);
            if (prepared is null)
            {
                await store.UpdateAsync(stored, stored.Record with { State = EvidenceState.Rejected, Reason = "the image cannot be decoded" }, ct: ct);
                await (await blobs.BlobAsync(stored.Record.BlobName)).DeleteIfExistsAsync(cancellationToken: ct);
                return;
            }
            await JoinChainAsync(stored, prepared, ct);
        }
        catch (Exception e) when (lastAttempt && e is not OperationCanceledException)
        {
            LogFailed(e, evidenceId);
            if (await store.FindAsync(evidenceId, ct) is { Record.State: EvidenceState.Pending } latest)
            {
                await store.UpdateAsync(latest, latest.Record with { State = EvidenceState.Failed, Reason = "processing failed; upload again" }, ct: ct);
            }
        }
    }

    private async Task<EvidenceRecord?> PreparePhotoAsync(EvidenceRecord record, CancellationToken ct)
    {
        var blob = await blobs.BlobAsync(record.BlobName);
        var bytes = (await blob.DownloadContentAsync(ct)).Value.Content.ToArray();
        var image = ImageWork.Process(bytes);
        if (image is null) return null;
        var thumbnailName = record.BlobName + ".thumb.jpg";
        var headers = new Azure.Storage.Blobs.Models.BlobHttpHeaders { ContentType = "image/jpeg" };
        await (await blobs.BlobAsync(thumbnailName)).UploadAsync(new BinaryData(image.Thumbnail), new Azure.Storage.Blobs.Models.BlobUploadOptions { HttpHeaders = headers }, ct);
        await blob.UploadAsync(new BinaryData(image.Stored), new Azure.Storage.Blobs.Models.BlobUploadOptions { HttpHeaders = headers }, ct);
        var duplicateOf = await DuplicateOfAsync(record, image.PerceptualHash, ct);
        await store.FilePhotoHashAsync(record, image.PerceptualHash, ct);
        return record with
        {
            Sha256 = Keys.Sha256Hex(image.Stored), Size = image.Stored.Length, ContentType = "image/jpeg", ThumbnailBlobName = thumbnailName,
            PerceptualHash = image.PerceptualHash.ToString("x16"), DuplicateOf = duplicateOf,
        };
    }

    private async Task<EvidenceRecord?> PrepareDocumentAsync(EvidenceRecord record, CancellationToken ct)
    {
        var blob = await blobs.BlobAsync(record.BlobName);
        await using var stream = await blob.OpenReadAsync(new Azure.Storage.Blobs.Models.BlobOpenReadOptions(false) { BufferSize = 256 * 1024 }, ct);
        var sha = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, ct));
        return record with { Sha256 = sha };
    }

    /// <summary>The earliest photo of another object within the duplicate distance, if any.</summary>
    private async Task<string?> DuplicateOfAsync(EvidenceRecord record, ulong hash, CancellationToken ct)
    {
        var owner = EnumText.ToText(record.OwnerType);
        return (await store.PhotosNearAsync(hash, ct))
            .Where(p => p.Id != record.Id && (p.OwnerType != owner || p.OwnerId != record.OwnerId))
            .Where(p => ImageWork.Distance(p.Hash, hash) <= options.Value.DuplicateDistance)
            .Select(p => p.Id).Order(StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>Appends to the chain, reloading when another record of the same organisation joined first.</summary>
    private async Task JoinChainAsync(StoredEvidence stored, EvidenceRecord prepared, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var verifiedAt = clock.GetUtcNow();
            var joined = await store.TryAppendAsync(stored, (seq, previous) => prepared with
            {
                State = EvidenceState.Verified, ChainSeq = seq, VerifiedAt = verifiedAt,
                ChainHash = HashChain.Link(previous, prepared.Sha256!, prepared.Id, prepared.CommittedAt!.Value),
            }, ct);
            if (joined) return;
            stored = await store.FindAsync(stored.Record.Id, ct) ?? throw new InvalidOperationException("Evidence vanished while joining its chain.");
            if (stored.Record.State != EvidenceState.Pending) return;
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 << Math.Min(attempt, 4))), ct);
        }
        throw new RequestFailedException(409, "The chain head kept moving; retrying later.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing evidence {EvidenceId} failed on its last attempt")]
    private partial void LogFailed(Exception exception, string evidenceId);
}
