using Azure.Data.Tables;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Platform.Storage;

/// <summary>Paged reads: one page of a single-partition query, with the continuation token made opaque for clients.</summary>
public static class TablePages
{
    public static async Task<ListPage<T>> ReadAsync<T>(TableClient table, string filter, Paging paging, Func<TableEntity, T> map,
        IEnumerable<string>? select = null, CancellationToken ct = default)
    {
        await foreach (var page in table.QueryAsync<TableEntity>(filter, paging.Limit, select, ct)
            .AsPages(paging.StorageToken, paging.Limit))
        {
            return new ListPage<T>(page.Values.Select(map).ToList(), Paging.Encode(page.ContinuationToken));
        }
        return new ListPage<T>([], null);
    }

    /// <summary>
    /// One page of an index partition whose row keys point at records: each is loaded by id, and pointers whose record
    /// is missing or no longer fits are dropped (index rows are written before their records).
    /// </summary>
    public static async Task<ListPage<T>> ResolveAsync<T>(TableClient index, string filter, Paging paging, Func<string, Task<T?>> load,
        Func<T, bool> fits, CancellationToken ct = default) where T : class
    {
        var pointers = await ReadAsync(index, filter, paging, e => e.RowKey, ["RowKey"], ct);
        var found = await Task.WhenAll(pointers.Items.Select(load));
        return new ListPage<T>(found.OfType<T>().Where(fits).ToList(), pointers.ContinuationToken);
    }
}
