using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Orders;

/// <summary>What other features may read of orders (Matching, statistics): Orders' public read side; its store stays its own.</summary>
public sealed class OrderQueries(OrderStore orders)
{
    /// <summary>
    /// One order by id, or null when there is none (or the id is malformed). No visibility check: the reader applies its
    /// own rule (Matching: <c>MatchingPolicy</c>) or none (queue consumers).
    /// </summary>
    public async Task<Order?> FindAsync(string id, CancellationToken ct) => (await orders.FindAsync(id, ct))?.Order;

    /// <summary>A page of a community's published orders, oldest first (what Matching ranks and assigns).</summary>
    public Task<ListPage<Order>> PublishedInCommunityAsync(string communityId, Paging paging, CancellationToken ct) =>
        orders.ListCommunityAsync(communityId, OrderState.Published, null, paging, ct);

    /// <summary>Orders now in each state in a community (statistics; not per period).</summary>
    public Task<IReadOnlyDictionary<OrderState, int>> CountByStateAsync(string communityId, CancellationToken ct) =>
        orders.CountByStateAsync(communityId, ct);
}
