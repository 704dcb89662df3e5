using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace RedYifang.Functions.Platform.Storage;

/// <summary>Table clients, each table created on first use (once per process, retried after a failure).</summary>
public sealed class Tables(StorageClients clients)
{
    private readonly TableServiceClient _service = clients.Tables();
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new();

    public async Task<TableClient> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var lazy = _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch
        {
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        var table = _service.GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
