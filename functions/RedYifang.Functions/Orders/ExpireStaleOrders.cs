using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Orders;

/// <summary>Published orders nobody matched within the period expire (timer).</summary>
public sealed class ExpireStaleOrders(OrderStore orders, IOptions<OrderOptions> options, TimeProvider clock)
{
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.ExpireAfterDays);
        var expired = 0;
        await foreach (var order in orders.PublishedBeforeAsync(cutoff, ct))
        {
            var stored = await orders.FindAsync(order.Id, ct);
            if (stored is null || stored.Order.State != OrderState.Published || stored.Order.UpdatedAt >= cutoff) continue;
            try
            {
                await orders.UpdateAsync(stored, stored.Order.Apply(OrderAction.Expire, "system", clock.GetUtcNow(), "无人认领，已过期"), ct);
                expired++;
            }
            catch (ConflictException)
            {
                // Changed between the read and the write (matched, cancelled): no longer stale.
            }
        }
        return expired;
    }
}
