using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// Processes committed evidence (queue <c>evidence-process</c>) from its sealed copy, whose SHA-256 is checked again
/// first. A photo's size is read from its header and refused over the limits (<c>too_many_pixels</c>) before it is
/// decoded; then it is decoded (downsampled when large), stored once without location and camera metadata, given a
/// thumbnail and a perceptual hash, and flagged when the same picture already proves another object. A document is
/// copied once into the evidence container. The record then joins its organisation's hash chain as verified, and
/// the staged bytes (a photo's original with its GPS among them) are deleted. A corrupt image is rejected at once;
/// any other failure is retried by the queue, and the last attempt marks the record failed.
/// </summary>
public sealed partial class ProcessEvidence(EvidenceStore store, EvidenceBlobs blobs, PhotoSlots slots, IOptions<EvidenceOptions> options,
    TimeProvider clock, ILogger<ProcessEvidence> logger)
{
    public const string TooManyPixels = "too_many_pixels";
    private const string SealedCopyChanged = "the sealed copy does not match what was committed";

    public async Task HandleAsync(string evidenceId, bool lastAttempt, CancellationToken ct)
    {
        var stored = await store.FindAsync(evidenceId, ct);
        if (stored is null) return;
        if (stored.Record.State != EvidenceState.Pending)
        {
            // Done already (a repeated message): make sure nothing of it is left in staging.
            await blobs.DeleteStagedAsync(stored.Record, ct);
            return;
        }
        if (stored.Record.CommittedAt is null) return;
        try
        {
            var (prepared, rejection) = stored.Record.Kind == EvidenceKind.Photo
                ? await PreparePhotoAsync(stored.Record, ct)
                : await PrepareDocumentAsync(stored.Record, ct);
            if (rejection is not null)
            {
                await store.UpdateAsync(stored, stored.Record with { State = EvidenceState.Rejected, Reason = rejection }, ct: ct);
            }
            else
            {
                await JoinChainAsync(stored, prepared!, ct);
            }
            await blobs.DeleteStagedAsync(stored.Record, ct);
        }
        catch (Exception e) when (lastAttempt && e is not OperationCanceledException)
        {
            LogFailed(e, evidenceId);
            if (await store.FindAsync(evidenceId, ct) is { Record.State: EvidenceState.Pending } latest)
            {
                await store.UpdateAsync(
                    latest,
                    latest.Record with { State = EvidenceState.Failed, Reason = "processing failed; upload again" },
                    ct: ct);
            }
            await blobs.DeleteStagedAsync(stored.Record, ct);
        }
    }

    private async Task<(EvidenceRecord?, string?)> PreparePhotoAsync(EvidenceRecord record, CancellationToken ct)
    {
        byte[] bytes;
        await using (var sealedCopy = await blobs.OpenSealedAsync(record, ct)
            ?? throw new InvalidOperationException($"No sealed copy of {record.Id}."))
        {
            await using var buffer = new MemoryStream((int)Math.Min(record.Size, options.Value.MaxImageBytes));
            await sealedCopy.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != record.UploadSha256) return (null, SealedCopyChanged);
        if (Refusal(ImageWork.Dimensions(bytes), options.Value) is { } refusal) return (null, refusal);

        ProcessedImage? image;
        await slots.WaitAsync(ct);
        try
        {
            image = ImageWork.Process(bytes, options.Value.KeptSide);
        }
        finally
        {
            slots.Release();
        }
        if (image is null) return (null, "the image cannot be decoded");

        var photo = await blobs.WriteOnceAsync(EvidenceBlobNames.Photo(record), new MemoryStream(image.Stored), ContentTypes.Jpeg, ct);
        var thumbnail = await blobs.WriteOnceAsync(EvidenceBlobNames.Thumbnail(record), new MemoryStream(image.Thumbnail),
            ContentTypes.Jpeg, ct);
        var duplicateOf = await DuplicateOfAsync(record, image.PerceptualHash, ct);
        await store.FilePhotoHashAsync(record, image.PerceptualHash, ct);
        return (record with
        {
            Sha256 = photo.Sha256, Size = photo.Length, ContentType = ContentTypes.Jpeg, BlobName = EvidenceBlobNames.Photo(record),
            ThumbnailBlobName = EvidenceBlobNames.Thumbnail(record), ThumbnailSha256 = thumbnail.Sha256,
            PerceptualHash = image.PerceptualHash.ToString("x16"), DuplicateOf = duplicateOf,
        }, null);
    }

    /// <summary>Why a photo of these header dimensions is refused before decoding, or null (no header: not an image).</summary>
    public static string? Refusal((int Width, int Height)? dimensions, EvidenceOptions limits) => dimensions switch
    {
        null => "the image cannot be decoded",
        var (w, h) when (long)w * h > limits.MaxPixels || Math.Max(w, h) > limits.MaxSide => TooManyPixels,
        _ => null,
    };

    /// <summary>Hashes the sealed copy, then copies it once into the evidence container (hashing what is written).</summary>
    private async Task<(EvidenceRecord?, string?)> PrepareDocumentAsync(EvidenceRecord record, CancellationToken ct)
    {
        await using var sealedCopy = await blobs.OpenSealedAsync(record, ct)
            ?? throw new InvalidOperationException($"No sealed copy of {record.Id}.");
        // Checked before the copy: the evidence container keeps whatever is written to it.
        if (Convert.ToHexStringLower(await SHA256.HashDataAsync(sealedCopy, ct)) != record.UploadSha256) return (null, SealedCopyChanged);
        sealedCopy.Position = 0;
        var kept = await blobs.WriteOnceAsync(EvidenceBlobNames.Document(record), sealedCopy, record.ContentType, ct);
        if (kept.Sha256 != record
            .UploadSha256) throw new InvalidOperationException($"The sealed copy of {record.Id} changed while it was kept.");
        return (record with { Sha256 = kept.Sha256, Size = kept.Length, BlobName = EvidenceBlobNames.Document(record) }, null);
    }

    /// <summary>The earliest photo of another object within the duplicate distance, if any.</summary>
    private async Task<string?> DuplicateOfAsync(EvidenceRecord record, ulong hash, CancellationToken ct)
    {
        var owner = EnumText.ToText(record.OwnerType);
        return (await store.PhotosNearAsync(hash, ct))
            .Where(p => p.Id != record.Id && (p.OwnerType != owner || p.OwnerId != record.OwnerId)
                && ImageWork.Distance(p.Hash, hash) <= options.Value.DuplicateDistance)
            .Select(p => p.Id).Order(StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>Appends to the chain, reloading when another record of the same organisation joined first.</summary>
    private Task JoinChainAsync(StoredEvidence stored, EvidenceRecord prepared, CancellationToken ct)
    {
        StoredEvidence? current = stored;
        return ConcurrentUpdate.RunAsync(async token =>
        {
            current ??= await store.FindAsync(stored.Record.Id, token)
                ?? throw new InvalidOperationException("Evidence vanished while joining its chain.");
            if (current.Record.State != EvidenceState.Pending) return;
            var verifiedAt = clock.GetUtcNow();
            var joined = await store.TryAppendAsync(current, (seq, previous) => prepared with
            {
                State = EvidenceState.Verified, ChainSeq = seq, VerifiedAt = verifiedAt,
                ChainHash = HashChain.Link(previous, prepared.Sha256!, prepared.Id, prepared.CommittedAt!.Value),
            }, token);
            current = null;
            if (!joined) throw ConcurrentUpdate.LostRace();
        }, ct).AsTask();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing evidence {EvidenceId} failed on its last attempt")]
    private partial void LogFailed(Exception exception, string evidenceId);
}
