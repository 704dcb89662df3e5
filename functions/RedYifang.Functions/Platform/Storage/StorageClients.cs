using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace RedYifang.Functions.Platform.Storage;

/// <summary>
/// The storage account's service clients, from the same setting the Functions host uses:
/// <c>AzureWebJobsStorage</c> as a connection string (Azurite, local), or
/// <c>AzureWebJobsStorage__tableServiceUri</c> / <c>__blobServiceUri</c> / <c>__queueServiceUri</c> with a
/// managed identity (<c>__credential=managedidentity</c>, optional <c>__clientId</c>) in Azure. No endpoint
/// is assumed, so the same build runs in Azure China.
/// </summary>
public sealed class StorageClients
{
    public const string Setting = "AzureWebJobsStorage";

    private readonly string? _connectionString;
    private readonly Uri? _tableUri, _blobUri, _queueUri;
    private readonly TokenCredential? _credential;

    private readonly Azure.Core.Pipeline.HttpPipelinePolicy? _extraPolicy;

    /// <param name="extraPolicy">Added to every client's pipeline (benchmarks count requests with it).</param>
    public StorageClients(IConfiguration configuration, Azure.Core.Pipeline.HttpPipelinePolicy? extraPolicy = null)
    {
        _extraPolicy = extraPolicy;
        var section = configuration.GetSection(Setting);
        _connectionString = section.Value;
        if (!string.IsNullOrWhiteSpace(_connectionString)) return;

        _tableUri = UriSetting(section, "tableServiceUri");
        _blobUri = UriSetting(section, "blobServiceUri");
        _queueUri = UriSetting(section, "queueServiceUri");
        var clientId = section["clientId"];
        _credential = string.IsNullOrEmpty(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }

    public TableServiceClient Tables(bool probe = false)
    {
        var options = Configure(new TableClientOptions(), probe);
        return _connectionString is not null
            ? new TableServiceClient(_connectionString, options)
            : new TableServiceClient(_tableUri, _credential, options);
    }

    public BlobServiceClient Blobs(bool probe = false)
    {
        var options = Configure(new BlobClientOptions(), probe);
        return _connectionString is not null
            ? new BlobServiceClient(_connectionString, options)
            : new BlobServiceClient(_blobUri, _credential, options);
    }

    /// <summary>
    /// The blob service of another account named by <paramref name="setting"/> in the same forms (a connection string,
    /// or <c>{setting}__blobServiceUri</c> with <c>__credential</c>/<c>__clientId</c>); this account's when unset.
    /// </summary>
    public BlobServiceClient BlobsOf(string setting, IConfiguration configuration)
    {
        var section = configuration.GetSection(setting);
        var options = Configure(new BlobClientOptions(), probe: false);
        if (!string.IsNullOrWhiteSpace(section.Value)) return new BlobServiceClient(section.Value, options);
        if (!Uri.TryCreate(section["blobServiceUri"], UriKind.Absolute, out var uri)) return Blobs();
        var clientId = section["clientId"];
        TokenCredential credential = string.IsNullOrEmpty(clientId)
            ? _credential ?? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        return new BlobServiceClient(uri, credential, options);
    }

    public QueueServiceClient Queues(bool probe = false)
    {
        // Base64, as host.json's messageEncoding tells the queue trigger to expect.
        var options = Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, probe);
        return _connectionString is not null
            ? new QueueServiceClient(_connectionString, options)
            : new QueueServiceClient(_queueUri, _credential, options);
    }

    /// <summary>The SDK owns transient retries; a probe (health check) must answer fast instead.</summary>
    private T Configure<T>(T options, bool probe) where T : ClientOptions
    {
        if (_extraPolicy is not null) options.AddPolicy(_extraPolicy, HttpPipelinePosition.PerCall);
        options.Retry.MaxRetries = probe ? 0 : 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = probe ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(20);
        return options;
    }

    private static Uri UriSetting(IConfigurationSection section, string name) =>
        Uri.TryCreate(section[name], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Storage is not configured: set {Setting} to a connection string, or {Setting}__{name} to the service URI.");
}
