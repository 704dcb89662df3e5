using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace RedYifang.Functions.Tests.Fuzz;

/// <summary>
/// Everything a storage account holds that a request could have written: every row of every table with its ETag (which
/// changes on any write, even one that leaves the values as they were), every blob of every container with its ETag, and
/// the number of messages in every queue. A table, container or queue that does not exist counts as an empty one: the app
/// creates them on first use, and creating one writes no data.
/// </summary>
public sealed record StorageSnapshot(
    IReadOnlyDictionary<string, string> Rows,
    IReadOnlyDictionary<string, string> Blobs,
    IReadOnlyDictionary<string, int> Queues)
{
    public int Count => Rows.Count + Blobs.Count + Queues.Count;

    public static async Task<StorageSnapshot> TakeAsync(string connectionString)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows[$"{table.Name}({row.PartitionKey}, {row.RowKey})"] = row.ETag.ToString();
            }
        }
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        var service = new BlobServiceClient(connectionString);
        await foreach (var container in service.GetBlobContainersAsync())
        {
            await foreach (var blob in service.GetBlobContainerClient(container.Name).GetBlobsAsync())
            {
                blobs[$"{container.Name}/{blob.Name}"] = blob.Properties.ETag?.ToString() ?? "";
            }
        }
        var queues = new Dictionary<string, int>(StringComparer.Ordinal);
        var queueService = new QueueServiceClient(connectionString);
        await foreach (var queue in queueService.GetQueuesAsync())
        {
            var count = (await queueService.GetQueueClient(queue.Name).GetPropertiesAsync()).Value.ApproximateMessagesCount;
            if (count > 0) queues[queue.Name] = count;
        }
        return new StorageSnapshot(rows, blobs, queues);
    }

    /// <summary>What changed from <paramref name="before"/> to this one, one line each (empty when nothing did).</summary>
    public IReadOnlyList<string> ChangesSince(StorageSnapshot before)
    {
        var changes = new List<string>();
        Compare("row", before.Rows, Rows, changes);
        Compare("blob", before.Blobs, Blobs, changes);
        Compare("queue", before.Queues.ToDictionary(q => q.Key, q => $"{q.Value} messages"),
            Queues.ToDictionary(q => q.Key, q => $"{q.Value} messages"), changes);
        return changes;
    }

    private static void Compare(string kind, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after,
        List<string> changes)
    {
        foreach (var (key, value) in after)
        {
            if (!before.TryGetValue(key, out var was)) changes.Add($"{kind} added: {key}");
            else if (was != value) changes.Add($"{kind} changed: {key} ({was} → {value})");
        }
        changes.AddRange(before.Keys.Where(k => !after.ContainsKey(k)).Select(k => $"{kind} removed: {k}"));
    }
}
