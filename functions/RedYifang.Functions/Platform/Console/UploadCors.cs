using System.Collections.Concurrent;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Evidence;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Platform.Console;

/// <summary>
/// The blob origins the console's pages talk to (thumbnails from the evidence account, uploads to the staging account), and,
/// where <see cref="ConsoleOptions.AllowUploadsFromConsoleOrigin"/> is set, the staging account's CORS rule for the console.
/// </summary>
public sealed partial class UploadCors(
    StorageClients clients,
    IConfiguration configuration,
    IOptions<ConsoleOptions> options,
    ILogger<UploadCors> logger)
{
    private readonly Lazy<(string Evidence, string Staging)> _origins = new(() => (
        Origin(clients.Blobs().Uri),
        Origin(clients.BlobsOf(EvidenceBlobs.StagingConnection, configuration).Uri)));

    private readonly ConcurrentDictionary<string, Lazy<Task>> _allowed = new(StringComparer.Ordinal);

    public string EvidenceOrigin => _origins.Value.Evidence;
    public string StagingOrigin => _origins.Value.Staging;

    /// <summary>Adds the origin to the staging account's CORS rules unless a rule already allows it; once per origin.</summary>
    public async Task AllowAsync(string origin, CancellationToken ct)
    {
        if (!options.Value.AllowUploadsFromConsoleOrigin) return;
        var once = _allowed.GetOrAdd(origin, o => new Lazy<Task>(() => AddRuleAsync(o)));
        try
        {
            await once.Value.WaitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage may be down now: try again on the next page load. The console still loads; only uploads would fail.
            _allowed.TryRemove(origin, out _);
            LogCorsFailed(e);
        }
    }

    private async Task AddRuleAsync(string origin)
    {
        var service = clients.BlobsOf(EvidenceBlobs.StagingConnection, configuration);
        BlobServiceProperties properties = (await service.GetPropertiesAsync()).Value;
        if (properties.Cors.Any(r => r.AllowedOrigins.Split(',').Contains(origin, StringComparer.OrdinalIgnoreCase))) return;
        properties.Cors.Add(new BlobCorsRule
        {
            AllowedOrigins = origin,
            AllowedMethods = "PUT,OPTIONS",
            AllowedHeaders = "content-type,x-ms-blob-type,x-ms-version,x-ms-client-request-id",
            ExposedHeaders = "etag",
            MaxAgeInSeconds = 3600,
        });
        // The properties as read, with the rule added: the others stay as they are.
        await service.SetPropertiesAsync(properties);
        LogCorsAdded(origin);
    }

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uploads to the evidence staging account allowed from {Origin}")]
    private partial void LogCorsAdded(string origin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not allow uploads from the console's origin; retrying on the next load")]
    private partial void LogCorsFailed(Exception exception);
}
