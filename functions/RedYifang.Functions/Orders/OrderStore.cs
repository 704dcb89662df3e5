using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Orders;

/// <summary>
/// Table <c>Orders</c>, one partition per community (the order id carries it):
/// <list type="bullet">
/// <item><c>order|{id}</c> — the order (JSON document plus State and CreatedAt columns);</item>
/// <item><c>queue|{state}|{id}</c> — a copy under its current state: the admin's queue is one range query;</item>
/// <item><c>outbox|…</c> — what the change's events translate to, staged with it (see <see cref="OutboxStore"/>).</item>
/// </list>
/// Every change replaces the order on its ETag and moves its queue row in the same transaction.
/// Tables <c>OrdersByUser</c> and <c>OrdersByUnit</c> (PartitionKey user or unit, RowKey order id) point to a
/// resident's and a unit's orders; they are written before the order, and a reader drops any that do not
/// (yet) fit the order they point to.
/// </summary>
public sealed class OrderStore(Tables tables, Outbox outbox, EventTranslators translators) : OutboxStore(tables, outbox, TableName)
{
    public const string TableName = "Orders";
    public const string ByUserTable = "OrdersByUser";
    public const string ByUnitTable = "OrdersByUnit";

    private readonly Tables _tables = tables;

    public static string? CommunityOf(string orderId) => Keys.ParentOf(orderId, "org");

    public async Task<StoredOrder?> FindAsync(string id, CancellationToken ct = default)
    {
        if (CommunityOf(id) is not { } community) return null;
        return await FindRowAsync(community, OrderRow(id), ct) is { } e ? new StoredOrder(Deserialize(e), e.ETag) : null;
    }

    /// <summary>Writes a new order with what its events translate to.</summary>
    public async Task AddAsync(OrderChange change, CancellationToken ct = default)
    {
        var order = change.Order;
        // An order for a represented resident without an account has no owner to list it for.
        if (order.OwnerId is { } owner) await IndexAsync(ByUserTable, owner, order.Id, ct);
        if (order.UnitId is { } unit) await IndexAsync(ByUnitTable, unit, order.Id, ct);
        await CommitAsync(order.CommunityId,
        [
            new TableTransactionAction(TableTransactionActionType.Add, Entity(order, OrderRow(order.Id))),
            new TableTransactionAction(TableTransactionActionType.Add, Entity(order, QueueRow(order))),
        ], translators.Translate(change.Events), ct);
    }

    /// <summary>
    /// Replaces the order if nobody changed it since <paramref name="before"/> was read, with what the change's events
    /// translate to; a lost race is <c>ConflictException</c> and writes nothing.
    /// </summary>
    public async Task UpdateAsync(StoredOrder before, OrderChange change, CancellationToken ct = default)
    {
        var after = change.Order;
        if (after.UnitId is { } unit && before.Order.UnitId != unit) await IndexAsync(ByUnitTable, unit, after.Id, ct);
        List<TableTransactionAction> rows = [new(TableTransactionActionType.UpdateReplace, Entity(after, OrderRow(after.Id)), before.ETag)];
        if (QueueRow(before.Order) == QueueRow(after))
        {
            rows.Add(new(TableTransactionActionType.UpdateReplace, Entity(after, QueueRow(after)), ETag.All));
        }
        else
        {
            rows.Add(new(TableTransactionActionType.Delete, new TableEntity(after.CommunityId, QueueRow(before.Order)), ETag.All));
            rows.Add(new(TableTransactionActionType.Add, Entity(after, QueueRow(after))));
        }
        await CommitAsync(after.CommunityId, rows, translators.Translate(change.Events), ct);
    }

    /// <summary>A community's orders, all or in one state, optionally of one category; oldest first.</summary>
    public async Task<ListPage<Order>> ListCommunityAsync(string communityId, OrderState? state, Category? category, Paging paging,
        CancellationToken ct = default)
    {
        var prefix = state is { } s ? $"queue|{EnumText.ToText(s)}|" : "order|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {communityId} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        if (category is { } c) filter += " and " + TableClient.CreateQueryFilter($"Category eq {EnumText.ToText(c)}");
        return await TablePages.ReadAsync(await TableAsync(ct), filter, paging, Deserialize, ct: ct);
    }

    /// <summary>How many of a community's orders are in each state now: one range of queue rows, states only.</summary>
    public async Task<IReadOnlyDictionary<OrderState, int>> CountByStateAsync(string communityId, CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var counts = new Dictionary<OrderState, int>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {communityId} and RowKey gt {"queue|"} and RowKey lt {"queue}"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["State"], cancellationToken: ct))
        {
            var state = EnumText.Parse<OrderState>(row.GetString("State"));
            counts[state] = counts.GetValueOrDefault(state) + 1;
        }
        return counts;
    }

    /// <summary>The orders an index partition (a user's, a unit's) points to, read by id; stale pointers are dropped.</summary>
    public async Task<ListPage<Order>> ListIndexedAsync(string indexTable, string key, Func<Order, bool> fits, Paging paging,
        CancellationToken ct = default)
    {
        var index = await _tables.GetAsync(indexTable, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key}");
        return await TablePages.ResolveAsync(index, filter, paging, async id => (await FindAsync(id, ct))?.Order, fits, ct);
    }

    /// <summary>Published orders whose last change is older than the cutoff, across communities (timer use only).</summary>
    public async IAsyncEnumerable<Order> PublishedBeforeAsync(DateTimeOffset cutoff,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var prefix = $"queue|{EnumText.ToText(OrderState.Published)}|";
        var filter = TableClient.CreateQueryFilter($"RowKey gt {prefix} and RowKey lt {prefix + "~"} and UpdatedAt lt {cutoff}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) yield return Deserialize(row);
    }

    /// <summary>
    /// Matched orders across communities (timer use only; a match waits days, not weeks, for its unit, so they stay few). Not
    /// filtered by UpdatedAt: a claim decided after the match moves it, while the match's own time is what counts.
    /// </summary>
    public async IAsyncEnumerable<Order> MatchedAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var prefix = $"queue|{EnumText.ToText(OrderState.Matched)}|";
        var filter = TableClient.CreateQueryFilter($"RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) yield return Deserialize(row);
    }

    /// <summary>Accepted orders across communities (timer use only; they wait at most the close period, so they stay few).</summary>
    public async IAsyncEnumerable<Order> AcceptedAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var table = await TableAsync(ct);
        var prefix = $"queue|{EnumText.ToText(OrderState.Accepted)}|";
        var filter = TableClient.CreateQueryFilter($"RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) yield return Deserialize(row);
    }

    private async Task IndexAsync(string indexTable, string key, string orderId, CancellationToken ct)
    {
        var table = await _tables.GetAsync(indexTable, ct);
        await table.UpsertEntityAsync(new TableEntity(key, orderId), TableUpdateMode.Replace, ct);
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
