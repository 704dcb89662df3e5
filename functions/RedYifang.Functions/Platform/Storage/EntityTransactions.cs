using Azure.Data.Tables;

namespace RedYifang.Functions.Platform.Storage;

/// <summary>
/// The table service's limits on an entity-group transaction: at most 100 operations and 4 MiB of payload. Azurite checks
/// neither, so a batch that only Azure would refuse is split here, by a bound on each operation's size on the wire.
/// </summary>
public static class EntityTransactions
{
    public const int MaxActions = 100;

    /// <summary>4 MiB less room for the multipart envelope around the operations.</summary>
    public const long MaxPayload = (4 * 1024 * 1024) - (64 * 1024);

    /// <summary>
    /// The actions in order, in as few consecutive transactions as fit both limits (the last action is in the last one).
    /// An action larger than <see cref="MaxPayload"/> on its own cannot be: an entity is at most 1 MiB.
    /// </summary>
    public static List<List<T>> Batches<T>(IEnumerable<T> actions, Func<T, long> bytes)
    {
        var batches = new List<List<T>>();
        var batch = new List<T>();
        long size = 0;
        foreach (var action in actions)
        {
            var length = bytes(action);
            if (batch.Count == MaxActions || (batch.Count > 0 && size + length > MaxPayload))
            {
                batches.Add(batch);
                (batch, size) = ([], 0);
            }
            batch.Add(action);
            size += length;
        }
        if (batch.Count > 0) batches.Add(batch);
        return batches;
    }

    public static List<List<TableTransactionAction>> Batches(IEnumerable<TableTransactionAction> actions) =>
        Batches(actions, a => Bound((TableEntity)a.Entity));

    /// <summary>
    /// An upper bound on an entity's bytes in a transaction: 1 KiB for the operation's headers, its keys in the URL and in
    /// the body (16 bytes a UTF-16 unit: nine percent-encoded, six escaped), and each property's name, type annotation
    /// and JSON value — binary as base64, a string at six bytes a UTF-16 unit (<c>\uXXXX</c>), anything else 64 bytes.
    /// </summary>
    public static long Bound(TableEntity entity) =>
        1024 + (16L * ((entity.PartitionKey?.Length ?? 0) + (entity.RowKey?.Length ?? 0))) + entity
            .Where(p => p.Key is not (nameof(TableEntity.PartitionKey) or nameof(TableEntity.RowKey)))
            .Sum(p => (2L * p.Key.Length) + 64 + p.Value switch
            {
                byte[] b => (b.Length + 2L) / 3 * 4,
                BinaryData d => (d.ToMemory().Length + 2L) / 3 * 4,
                string s => 6L * s.Length,
                _ => 64,
            });
}
