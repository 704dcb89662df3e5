using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Orders;

/// <summary>An order as read, with the ETag its next write is conditional on.</summary>
public sealed record StoredOrder(Order Order, ETag ETag);

/// <summary>
/// Table <c>Orders</c>, one partition per community (the order id carries it):
/// <list type="bullet">
/// <item><c>order|{id}</c> — the order (JSON document plus State and CreatedAt columns);</item>
/// <item><c>queue|{state}|{id}</c> — a copy under its current state: the admin's queue is one range query;</item>
/// <item><c>outbox|…</c> — messages staged with the change that causes them (see <see cref="Outbox"/>).</item>
/// </list>
/// Every change replaces the order on its ETag and moves its queue row in the same transaction.
/// Tables <c>OrdersByUser</c> and <c>OrdersByUnit</c> (PartitionKey user or unit, RowKey order id) point to a
/// resident's and a unit's orders; they are written before the order, and a reader drops any that do not
/// (yet) fit the order they point to.
/// </summary>
public sealed class OrderStore(Tables tables, Outbox outbox)
{
    public const string TableName = "Orders";
    public const string ByUserTable = "OrdersByUser";
    public const string ByUnitTable = "OrdersByUnit";

    public static string? CommunityOf(string orderId) => Keys.ParentOf(orderId, "org");

    public async Task<StoredOrder?> FindAsync(string id, CancellationToken ct = default)
    {
        if (CommunityOf(id) is not { } community) return null;
        var table = await tables.GetAsync(TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(community, OrderRow(id), cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? new StoredOrder(Deserialize(e), e.ETag) : null;
    }

    public async Task AddAsync(Order order, IEnumerable<(string Queue, object Message)> messages, CancellationToken ct = default)
    {
        await IndexAsync(ByUserTable, order.OwnerId, order.Id, ct);
        if (order.UnitId is { } unit) await IndexAsync(ByUnitTable, unit, order.Id, ct);
        var table = await tables.GetAsync(TableName, ct);
        var staged = messages.Append(StateChanged(order)).Select(m => outbox.Stage(order.CommunityId, m.Queue, m.Message)).ToList();
        await table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, Entity(order, OrderRow(order.Id))),
            new TableTransactionAction(TableTransactionActionType.Add, Entity(order, QueueRow(order))),
            .. staged.Select(s => s.Action),
        ], ct);
        await outbox.DispatchAsync(table, staged.Select(s => s.Entry), ct);
    }

    /// <summary>
    /// Replaces the order if nobody changed it since <paramref name="before"/> was read; a lost race is 409
    /// <c>conflict</c> and writes nothing.
    /// </summary>
    public async Task UpdateAsync(StoredOrder before, Order after, IEnumerable<(string Queue, object Message)> messages, CancellationToken ct = default)
    {
        if (after.UnitId is { } unit && before.Order.UnitId != unit) await IndexAsync(ByUnitTable, unit, after.Id, ct);
        var table = await tables.GetAsync(TableName, ct);
        if (after.State != before.Order.State) messages = messages.Append(StateChanged(after));
        var staged = messages.Select(m => outbox.Stage(after.CommunityId, m.Queue, m.Message)).ToList();
        List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, Entity(after, OrderRow(after.Id)), before.ETag)];
        if (QueueRow(before.Order) == QueueRow(after))
        {
            actions.Add(new(TableTransactionActionType.UpdateReplace, Entity(after, QueueRow(after)), ETag.All));
        }
        else
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(after.CommunityId, QueueRow(before.Order)), ETag.All));
            actions.Add(new(TableTransactionActionType.Add, Entity(after, QueueRow(after))));
        }
        actions.AddRange(staged.Select(s => s.Action));
        try
        {
            await table.SubmitTransactionAsync(actions, ct);
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 409 or 404)
        {
            throw Problems.Conflict();
        }
        await outbox.DispatchAsync(table, staged.Select(s => s.Entry), ct);
    }

    /// <summary>A community's orders, all or in one state, optionally of one category; oldest first.</summary>
    public async Task<ListPage<Order>> ListCommunityAsync(string communityId, OrderState? state, Category? category, Paging paging,
        CancellationToken ct = default)
    {
        var prefix = state is { } s ? $"queue|{EnumText.ToText(s)}|" : "order|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {communityId} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        if (category is { } c) filter += " and " + TableClient.CreateQueryFilter($"Category eq {EnumText.ToText(c)}");
        var table = await tables.GetAsync(TableName, ct);
        return await TablePages.ReadAsync(table, filter, paging, Deserialize, ct: ct);
    }

    /// <summary>The orders an index partition (a user's, a unit's) points to, read by id; stale pointers are dropped.</summary>
    public async Task<ListPage<Order>> ListIndexedAsync(string indexTable, string key, Func<Order, bool> fits, Paging paging,
        CancellationToken ct = default)
    {
        var index = await tables.GetAsync(indexTable, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key}");
        return await TablePages.ResolveAsync(index, filter, paging, async id => (await FindAsync(id, ct))?.Order, fits, ct);
    }

    /// <summary>Published orders whose last change is older than the cutoff, across communities (timer use only).</summary>
    public async IAsyncEnumerable<Order> PublishedBeforeAsync(DateTimeOffset cutoff, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var prefix = $"queue|{EnumText.ToText(OrderState.Published)}|";
        var filter = TableClient.CreateQueryFilter($"RowKey gt {prefix} and RowKey lt {prefix + "~"} and UpdatedAt lt {cutoff}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) yield return Deserialize(row);
    }

    private async Task IndexAsync(string indexTable, string key, string orderId, CancellationToken ct)
    {
        var table = await tables.GetAsync(indexTable, ct);
        await table.UpsertEntityAsync(new TableEntity(key, orderId), TableUpdateMode.Replace, ct);
    }

    /// <summary>
    /// The integration event of a state change, staged in the same transaction as the change. No personal data: no
    /// contact, no resident; the id counts the history so a replay is a duplicate.
    /// </summary>
    private static (string Queue, object Message) StateChanged(Order order)
    {
        var step = order.History[^1];
        return Platform.Messaging.IntegrationEvent.Of($"{order.Id}-{order.History.Count}", "order.stateChanged", step.At, new
        {
            orderId = order.Id, communityId = order.CommunityId, category = EnumText.ToText(order.Category), level = EnumText.ToText(order.Level),
            from = step.From is { } from ? EnumText.ToText(from) : null, to = EnumText.ToText(step.To), unitId = order.UnitId,
        });
    }

    private static string OrderRow(string id) => $"order|{id}";

    private static string QueueRow(Order order) => $"queue|{EnumText.ToText(order.State)}|{order.Id}";

    private static TableEntity Entity(Order order, string rowKey)
    {
        var entity = JsonRows.Create(order.CommunityId, rowKey, order);
        entity["State"] = EnumText.ToText(order.State);
        entity["Category"] = EnumText.ToText(order.Category);
        entity["CreatedAt"] = order.CreatedAt;
        entity["UpdatedAt"] = order.UpdatedAt;
        return entity;
    }


    private static Order Deserialize(TableEntity e) => JsonRows.Read<Order>(e);
}
