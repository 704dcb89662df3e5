using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Matching;

/// <summary>
/// An order's ranked suggestions (null until first computed), for those <see cref="MatchingPolicy.MaySeeSuggestions"/>
/// lets see them; anyone else is told the order does not exist.
/// </summary>
public sealed class GetSuggestions(OrderQueries orders, SuggestionStore store)
{
    public async Task<StoredSuggestions?> HandleAsync(Caller caller, string orderId, CancellationToken ct)
    {
        var order = await orders.FindAsync(orderId, ct);
        if (order is null || !MatchingPolicy.MaySeeSuggestions(caller, order)) throw Problems.NotFound("order");
        return await store.GetAsync(order, ct);
    }
}
