using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evidence;

/// <summary>
/// The evidence container and its short-lived URLs. With an account key (Azurite, local) a SAS is signed with
/// the key; with a managed identity (Azure) it is a user delegation SAS, so no account key is ever needed.
/// </summary>
public sealed class EvidenceBlobs(StorageClients clients, IOptions<EvidenceOptions> options, TimeProvider clock)
{
    private readonly BlobServiceClient _service = clients.Blobs();
    private readonly Lazy<Task<BlobContainerClient>> _container = new(async () =>
    {
        var container = clients.Blobs().GetBlobContainerClient(options.Value.Container);
        await container.CreateIfNotExistsAsync(PublicAccessType.None);
        return container;
    });

    public async Task<BlobClient> BlobAsync(string name) => (await _container.Value).GetBlobClient(name);

    public async Task<Azure.Storage.Blobs.Specialized.BlockBlobClient> BlockBlobAsync(string name) =>
        Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlockBlobClient(await _container.Value, name);

    /// <summary>A URL that can create or overwrite this one blob and nothing else, until it expires.</summary>
    public Task<(Uri Url, DateTimeOffset ExpiresAt)> UploadUrlAsync(string blobName, CancellationToken ct) =>
        SignAsync(blobName, BlobSasPermissions.Create | BlobSasPermissions.Write, options.Value.UploadTicketLifetime, ct);

    /// <summary>A URL that can read this one blob, until it expires.</summary>
    public Task<(Uri Url, DateTimeOffset ExpiresAt)> ReadUrlAsync(string blobName, CancellationToken ct) =>
        SignAsync(blobName, BlobSasPermissions.Read, options.Value.ReadUrlLifetime, ct);

    private async Task<(Uri, DateTimeOffset)> SignAsync(string blobName, BlobSasPermissions permissions, TimeSpan lifetime, CancellationToken ct)
    {
        var blob = await BlobAsync(blobName);
        var expires = clock.GetUtcNow() + lifetime;
        var sas = new BlobSasBuilder(permissions, expires)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = clock.GetUtcNow().AddMinutes(-2),
            Protocol = blob.Uri.Scheme == "https" ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        if (blob.CanGenerateSasUri) return (blob.GenerateSasUri(sas), expires);
        var key = await _service.GetUserDelegationKeyAsync(sas.StartsOn, expires, ct);
        var query = sas.ToSasQueryParameters(key.Value, _service.AccountName);
        return (new UriBuilder(blob.Uri) { Query = query.ToString() }.Uri, expires);
    }
}
