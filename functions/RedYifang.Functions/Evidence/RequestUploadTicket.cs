using Microsoft.Extensions.Options;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evidence;

public sealed record UploadRequest(string? OwnerType, string? OwnerId, string? FileName, string? ContentType, long? Size, string? Sha256);

public sealed record UploadTicket(string EvidenceId, Uri UploadUrl, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string> RequiredHeaders);

/// <summary>
/// Direct uploads: a ticket names a blob the server chose and grants a write-only URL for it; the mini-program PUTs
/// the bytes straight to Blob Storage; the commit checks what arrived against the ticket before anything counts.
/// </summary>
public sealed class EvidenceUploads(EvidenceStore store, EvidenceBlobs blobs, EvidenceOwners owners,
    IOptions<EvidenceOptions> options, TimeProvider clock)
{
    public async Task<UploadTicket> TicketAsync(Caller caller, UploadRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var ownerType = v.OneOf<OwnerType>("ownerType", request.OwnerType);
        var ownerId = v.Text("ownerId", request.OwnerId, 100);
        if (ownerId is not null && !Keys.IsWellFormedId(ownerId)) v.Add("ownerId", new("不是有效的标识", "is not a valid id"));
        var fileName = v.Text("fileName", request.FileName, 200);
        var contentType = v.Text("contentType", request.ContentType, 100);
        if (contentType is not null && !ContentTypes.Allowed.Contains(contentType))
        {
            v.Add("contentType", new LocalizedText("只接受：{0}", "must be one of: {0}").Format(string.Join(", ", ContentTypes.Allowed)));
        }
        var limit = contentType is not null && ContentTypes.IsImage(contentType) ? options.Value.MaxImageBytes : options.Value.MaxDocumentBytes;
        if (request.Size is not { } size) v.Add("size", Validator.Required);
        else if (size < 1 || size > limit) v.Add("size", new LocalizedText("须为 1–{0} 字节", "must be 1–{0} bytes").Format(limit));
        var sha = request.Sha256?.Trim().ToLowerInvariant();
        if (sha is not { Length: 64 } || !sha.All(Uri.IsHexDigit)) v.Add("sha256", new("须为 64 位十六进制 SHA-256", "must be a 64-digit hex SHA-256"));
        v.ThrowIfInvalid();

        var placement = await owners.PlaceForChangeAsync(caller, ownerType!.Value, ownerId!, ct);
        var record = NewRecord(caller, ownerType.Value, ownerId!, placement, fileName!, contentType!, request.Size!.Value, sha!);
        // Signed before anything is recorded: a ticket whose URL cannot be signed leaves no pending record behind.
        var (url, expiresAt) = await blobs.UploadUrlAsync(record, ct);
        await store.AddAsync(record, ct: ct);
        return new UploadTicket(record.Id, url, expiresAt, new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob", ["Content-Type"] = contentType! });
    }

    /// <summary>
    /// Seals the upload — a server-side copy under a name no client can write — and checks the copy's size, type
    /// (sniffed from its bytes) and SHA-256 against the ticket; the upload itself is deleted, and whatever is written
    /// through the upload URL from now on is never read. A mismatch rejects the evidence and deletes the copy; a
    /// match queues the sealed copy for processing.
    /// </summary>
    public async Task<EvidenceRecord> CommitAsync(Caller caller, string id, CancellationToken ct)
    {
        var stored = await store.FindAsync(id, ct);
        if (stored is null || stored.Record.UploaderId != caller.UserId) throw Problems.NotFound("evidence");
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
        if (problem is not null) return await RejectAsync(stored, problem, ct);
        await (await blobs.StagingBlobAsync(EvidenceBlobNames.Upload(stored.Record), ct)).DeleteIfExistsAsync(cancellationToken: ct);
        var committed = stored.Record with { CommittedAt = clock.GetUtcNow() };
        await store.UpdateAsync(stored, committed, [(EvidenceRecord.ProcessQueue, new ProcessMessage(committed.Id))], ct);
        return committed;
    }

    public EvidenceRecord NewRecord(Caller caller, OwnerType ownerType, string ownerId, OwnerPlacement placement, string fileName,
        string contentType, long size, string sha256) => new()
    {
        Id = Keys.NewChildId("evd", placement.ChainOrgId, clock),
        OwnerType = ownerType,
        OwnerId = ownerId,
        ScopePath = placement.ScopePath,
        ChainOrgId = placement.ChainOrgId,
        ChainOrgPath = placement.ChainOrgPath,
        UploaderId = caller.UserId,
        Kind = ContentTypes.IsImage(contentType) ? EvidenceKind.Photo : EvidenceKind.Document,
        FileName = fileName,
        ContentType = contentType,
        Size = size,
        UploadSha256 = sha256,
        State = EvidenceState.Pending,
        CreatedAt = clock.GetUtcNow(),
    };

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
