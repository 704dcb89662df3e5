using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Quotas;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// Direct uploads, step two: seals the upload — a server-side copy under a name no client can write — and checks the
/// copy's size, type (sniffed from its bytes) and SHA-256 against the ticket; the upload itself is deleted, and
/// whatever is written through the upload URL from now on is never read. A mismatch rejects the evidence and deletes
/// the copy; a match queues the sealed copy for processing. Committing again answers the item as it is.
/// </summary>
public sealed class CommitEvidence(EvidenceStore store, EvidenceBlobs blobs, HeldQuotas quotas, TimeProvider clock)
{
    public async Task<EvidenceRecord> HandleAsync(Caller caller, string id, CancellationToken ct)
    {
        var stored = await store.FindAsync(id, ct);
        if (stored is null || !EvidencePolicy.MayCommit(caller, stored.Record)) throw Problems.NotFound("evidence");
        if (stored.Record.State != EvidenceState.Pending || stored.Record.CommittedAt is not null) return stored.Record;
        string? problem;
        try
        {
            var written = await blobs.SealAsync(stored.Record, ct);
            problem = written is null ? "nothing was uploaded" : await InspectAsync(stored.Record, written, ct);
        }
        catch (UploadChangedException)
        {
            problem = "the upload changed while it was being sealed";
        }
        if (problem is not null)
        {
            var rejected = await RejectAsync(stored, problem, ct);
            await quotas.TryReleaseAsync(RequestUploadTicket.Quota, stored.Record.UploaderId, id);
            return rejected;
        }
        await (await blobs.StagingBlobAsync(EvidenceBlobNames.Upload(stored.Record), ct)).DeleteIfExistsAsync(cancellationToken: ct);
        var committed = stored.Record with { CommittedAt = clock.GetUtcNow() };
        await store.UpdateAsync(stored, committed, [(EvidenceRecord.ProcessQueue, new ProcessMessage(committed.Id))], ct);
        // The ticket is used: it no longer counts against the uploader's pending uploads.
        await quotas.TryReleaseAsync(RequestUploadTicket.Quota, stored.Record.UploaderId, id);
        return committed;
    }

    /// <summary>What is wrong with the sealed copy, judged from what was written: null when it is what the ticket said.</summary>
    private async Task<string?> InspectAsync(EvidenceRecord record, WrittenBlob sealedCopy, CancellationToken ct)
    {
        if (sealedCopy.Length != record.Size) return $"size is {sealedCopy.Length} bytes, the ticket said {record.Size}";
        var sniffed = ContentTypes.Sniff(sealedCopy.Head);
        if (sniffed == "application/zip")
        {
            await using var zip = await blobs.OpenSealedAsync(record, ct) ?? throw new UploadChangedException("The sealed copy vanished.");
            sniffed = ContentTypes.OfficeKind(zip);
        }
        if (sniffed != record.ContentType) return $"the bytes are {sniffed ?? "of an unknown type"}, not {record.ContentType}";
        return sealedCopy.Sha256 == record.UploadSha256 ? null : "SHA-256 differs from the ticket";
    }

    private async Task<EvidenceRecord> RejectAsync(StoredEvidence stored, string reason, CancellationToken ct)
    {
        await blobs.DeleteStagedAsync(stored.Record, ct);
        var rejected = stored.Record with { State = EvidenceState.Rejected, Reason = reason, CommittedAt = clock.GetUtcNow() };
        await store.UpdateAsync(stored, rejected, ct: ct);
        return rejected;
    }
}
