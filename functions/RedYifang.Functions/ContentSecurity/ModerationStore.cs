using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// Table <c>Moderation</c>, one partition per organisation whose admins decide (an order's community, ...): one row per held
/// item (RowKey its id), the item as JSON and an <c>Open</c> column until an admin decides, so the pending list is one range.
/// </summary>
public sealed class ModerationStore(Tables tables)
{
    public const string TableName = "Moderation";

    /// <summary>Lists an item for its admins; one already listed keeps what it has (a decision stands).</summary>
    public async Task ListAsync(HeldContent held, CancellationToken ct)
    {
        var item = new ModerationItem(ModerationItem.IdFor(held), held);
        var table = await tables.GetAsync(TableName, ct);
        try
        {
            await table.AddEntityAsync(Entity(item), ct);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Listed by an earlier delivery of the same message.
        }
    }

    public async Task<ModerationItem?> FindAsync(string id, CancellationToken ct)
    {
        if (ModerationItem.OrgOf(id) is not { } org) return null;
        var table = await tables.GetAsync(TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(org, id, cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? JsonRows.Read<ModerationItem>(e) : null;
    }

    /// <summary>The organisation's items no admin has decided yet, oldest first.</summary>
    public async Task<ListPage<ModerationItem>> ListOpenAsync(string orgId, Paging paging, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableName, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {orgId} and Open eq {true}");
        return await TablePages.ReadAsync(table, filter, paging, JsonRows.Read<ModerationItem>, ct: ct);
    }

    /// <summary>Records an admin's decision (a later one replaces it: an admin may change their mind).</summary>
    public async Task SaveAsync(ModerationItem item, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableName, ct);
        await table.UpsertEntityAsync(Entity(item), TableUpdateMode.Replace, ct);
    }

    private static TableEntity Entity(ModerationItem item)
    {
        var entity = JsonRows.Create(item.Held.ScopeOrgId, item.Id, item);
        entity["Open"] = item.Open;
        entity["Kind"] = item.Held.Kind.ToString();
        return entity;
    }
}
