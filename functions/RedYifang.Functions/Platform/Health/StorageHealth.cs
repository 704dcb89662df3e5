using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Platform.Health;

/// <summary>Probes each storage service with a short timeout and no retries; reports 503 while any is unreachable.</summary>
public sealed class StorageHealth(StorageClients clients)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private readonly TableServiceClient _tables = clients.Tables(probe: true);
    private readonly BlobServiceClient _blobs = clients.Blobs(probe: true);
    private readonly QueueServiceClient _queues = clients.Queues(probe: true);

    public async Task<HealthView> CheckAsync(CancellationToken ct)
    {
        var tables = ProbeAsync(async t =>
        {
            await foreach (var _ in _tables.QueryAsync(maxPerPage: 1, cancellationToken: t).AsPages().Take(1)) { }
        }, ct);
        var blobs = ProbeAsync(t => _blobs.GetPropertiesAsync(t), ct);
        var queues = ProbeAsync(t => _queues.GetPropertiesAsync(t), ct);
        var checks = new Dictionary<string, string>
        {
            ["tables"] = await tables,
            ["blobs"] = await blobs,
            ["queues"] = await queues,
        };
        return new HealthView(checks.Values.All(v => v == Healthy) ? Healthy : "unhealthy", checks);
    }

    private const string Healthy = "healthy";

    private static async Task<string> ProbeAsync(Func<CancellationToken, Task> probe, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await probe(timeout.Token);
            return Healthy;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return "unhealthy";
        }
    }
}
