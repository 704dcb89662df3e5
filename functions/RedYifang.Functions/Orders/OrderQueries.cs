using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Orders;

/// <summary>What other features may read of orders (Matching, statistics): Orders' public read side; its store stays its own.</summary>
public sealed class OrderQueries(OrderStore orders)
{
    /// <summary>Orders now in each state in a community (statistics; not per period).</summary>
    public Task<IReadOnlyDictionary<OrderState, int>> CountByStateAsync(string communityId, CancellationToken ct) =>
        orders.CountByStateAsync(communityId, ct);
}
