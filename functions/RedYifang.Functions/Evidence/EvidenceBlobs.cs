using System.Buffers;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// The evidence blobs (names in <see cref="EvidenceBlobNames"/>): the staging container, where clients upload and the
/// server seals, and the evidence container, where kept files are written once. URLs are short-lived SAS: signed
/// with the account key where there is one (Azurite), otherwise user delegation SAS from the managed identity.
/// </summary>
public sealed class EvidenceBlobs
{
    /// <summary>The connection naming the staging account (a separate account in Azure; this one when unset).</summary>
    public const string StagingConnection = "EvidenceStaging";

    private const int BlockSize = 1024 * 1024;
    private readonly IOptions<EvidenceOptions> _options;
    private readonly TimeProvider _clock;
    private readonly Container _evidence, _staging;

    public EvidenceBlobs(StorageClients clients, IConfiguration configuration, IOptions<EvidenceOptions> options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        _evidence = new Container(clients.Blobs().GetBlobContainerClient(options.Value.Container));
        _staging = new Container(clients.BlobsOf(StagingConnection, configuration).GetBlobContainerClient(options.Value.StagingContainer));
    }

    public async Task<BlockBlobClient> EvidenceBlobAsync(string name, CancellationToken ct) =>
        (await _evidence.GetAsync(ct)).GetBlockBlobClient(name);

    public async Task<BlockBlobClient> StagingBlobAsync(string name, CancellationToken ct) =>
        (await _staging.GetAsync(ct)).GetBlockBlobClient(name);

    /// <summary>A URL that can create or overwrite the item's upload blob and nothing else, until it expires.</summary>
    public async Task<(Uri Url, DateTimeOffset ExpiresAt)> UploadUrlAsync(EvidenceRecord record, CancellationToken ct) =>
        await SignAsync(await StagingBlobAsync(EvidenceBlobNames.Upload(record), ct), _staging,
            BlobSasPermissions.Create | BlobSasPermissions.Write, _options.Value.UploadTicketLifetime, null, null, ct);

    /// <summary>
    /// A URL that can read one kept file until it expires, answering with the type the server established and the
    /// given Content-Disposition whatever the blob's own headers say. <paramref name="lifetime"/>: for WeChat's media check,
    /// which fetches the photo itself some time later (ContentSecurity:MediaUrlLifetime); clients get Evidence:ReadUrlLifetime.
    /// </summary>
    public async Task<(Uri Url, DateTimeOffset ExpiresAt)> ReadUrlAsync(string blobName, string contentType, string disposition,
        CancellationToken ct, TimeSpan? lifetime = null) =>
        await SignAsync(await EvidenceBlobAsync(blobName, ct), _evidence, BlobSasPermissions.Read,
            lifetime ?? _options.Value.ReadUrlLifetime, contentType, disposition, ct);

    /// <summary>
    /// Copies the item's upload to its sealed name, hashing and counting the bytes written. Null when nothing was
    /// uploaded; <see cref="UploadChangedException"/> when the upload changed while it was copied.
    /// </summary>
    public async Task<WrittenBlob?> SealAsync(EvidenceRecord record, CancellationToken ct)
    {
        var upload = await StagingBlobAsync(EvidenceBlobNames.Upload(record), ct);
        Stream source;
        try
        {
            source = await upload.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = BlockSize }, ct);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            return null;
        }
        try
        {
            await using (source)
            {
                var sealedCopy = await StagingBlobAsync(EvidenceBlobNames.Sealed(record), ct);
                return await CopyAsync(source, sealedCopy, new BlobHttpHeaders(), null, ct);
            }
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new UploadChangedException("The upload changed while it was being sealed.");
        }
    }

    /// <summary>Streams a document straight to the item's sealed name (admin uploads, which never pass through a URL).</summary>
    public async Task<WrittenBlob> WriteSealedAsync(EvidenceRecord record, Stream source, CancellationToken ct) =>
        await CopyAsync(source, await StagingBlobAsync(EvidenceBlobNames.Sealed(record), ct), new BlobHttpHeaders(), null, ct);

    /// <summary>Opens the item's sealed copy for reading; null when it is gone.</summary>
    public async Task<Stream?> OpenSealedAsync(EvidenceRecord record, CancellationToken ct)
    {
        try
        {
            return await (await StagingBlobAsync(EvidenceBlobNames.Sealed(record), ct))
                .OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = BlockSize }, ct);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>Removes what the item left in staging (its upload and its sealed copy).</summary>
    public async Task DeleteStagedAsync(EvidenceRecord record, CancellationToken ct)
    {
        await (await StagingBlobAsync(EvidenceBlobNames.Upload(record), ct)).DeleteIfExistsAsync(cancellationToken: ct);
        await (await StagingBlobAsync(EvidenceBlobNames.Sealed(record), ct)).DeleteIfExistsAsync(cancellationToken: ct);
    }

    /// <summary>
    /// Writes a kept file once, with the server's content type. If the name already holds the same bytes (a retried
    /// step) that is the answer; if it holds other bytes, nothing is overwritten and the write fails.
    /// </summary>
    public async Task<WrittenBlob> WriteOnceAsync(string name, Stream source, string contentType, CancellationToken ct)
    {
        var blob = await EvidenceBlobAsync(name, ct);
        try
        {
            return await CopyAsync(source, blob, new BlobHttpHeaders { ContentType = contentType },
                new BlobRequestConditions { IfNoneMatch = ETag.All }, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Exists already (or is under an immutability policy): compare, never replace.
            if (!source.CanSeek) throw;
            source.Position = 0;
            var wanted = Convert.ToHexStringLower(await SHA256.HashDataAsync(source, ct));
            var existing = await HashAsync(name, ct);
            if (existing?.Sha256 != wanted) throw new InvalidOperationException($"Kept file {name} already holds other bytes.");
            return existing;
        }
    }

    /// <summary>The length and SHA-256 of a kept file's bytes as stored now, streamed; null when it is missing.</summary>
    public async Task<WrittenBlob?> HashAsync(string name, CancellationToken ct)
    {
        try
        {
            var blob = await EvidenceBlobAsync(name, ct);
            await using var stream = await blob.OpenReadAsync(new BlobOpenReadOptions(false) { BufferSize = BlockSize }, ct);
            var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
            return new WrittenBlob(stream.Length, sha, []);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>
    /// Copies a stream into a block blob one block at a time through a single pooled 1 MB buffer, so memory stays flat
    /// whatever the size (the SDK's own chunked upload allocates a fresh buffer per block), hashing what it writes.
    /// </summary>
    private static async Task<WrittenBlob> CopyAsync(Stream source, BlockBlobClient target, BlobHttpHeaders headers,
        BlobRequestConditions? conditions, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var blocks = new List<string>();
        byte[] head = [];
        long length = 0;
        try
        {
            int filled;
            while ((filled = await source.ReadAtLeastAsync(buffer.AsMemory(0, BlockSize), BlockSize, throwOnEndOfStream: false, ct)) > 0)
            {
                if (length == 0) head = buffer.AsSpan(0, Math.Min(16, filled)).ToArray();
                sha.AppendData(buffer, 0, filled);
                length += filled;
                var id = Convert.ToBase64String(BitConverter.GetBytes((long)blocks.Count));
                await using var block = new MemoryStream(buffer, 0, filled, writable: false);
                await target.StageBlockAsync(id, block, cancellationToken: ct);
                blocks.Add(id);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        await target.CommitBlockListAsync(blocks, new CommitBlockListOptions { HttpHeaders = headers, Conditions = conditions }, ct);
        return new WrittenBlob(length, Convert.ToHexStringLower(sha.GetHashAndReset()), head);
    }

    private async Task<(Uri, DateTimeOffset)> SignAsync(BlobBaseClient blob, Container container, BlobSasPermissions permissions,
        TimeSpan lifetime, string? contentType, string? disposition, CancellationToken ct)
    {
        var expires = _clock.GetUtcNow() + lifetime;
        var sas = new BlobSasBuilder(permissions, expires)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = _clock.GetUtcNow().AddMinutes(-2),
            Protocol = blob.Uri.Scheme == "https" ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
            ContentType = contentType,
            ContentDisposition = disposition,
        };
        if (blob.CanGenerateSasUri) return (blob.GenerateSasUri(sas), expires);
        var service = container.Client.GetParentBlobServiceClient();
        var key = await service.GetUserDelegationKeyAsync(sas.StartsOn, expires, ct);
        var query = sas.ToSasQueryParameters(key.Value, service.AccountName);
        return (new UriBuilder(blob.Uri) { Query = query.ToString() }.Uri, expires);
    }

    /// <summary>A container created on first use; a failure is not remembered, so the next call tries again.</summary>
    private sealed class Container(BlobContainerClient client)
    {
        private volatile bool _exists;

        public BlobContainerClient Client => client;

        public async Task<BlobContainerClient> GetAsync(CancellationToken ct)
        {
            if (_exists) return client;
            await client.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct);
            _exists = true;
            return client;
        }
    }
}
