using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Orders;

/// <summary>
/// Accepted orders nobody rated within <see cref="OrderOptions.CloseUnratedAfterDays"/> days of their acceptance close, with the
/// reason and no rating (timer; issue 17). The assessment tells them from rated ones (Assessment's closedUnrated facts).
/// </summary>
public sealed partial class CloseUnratedOrders(OrderStore orders, IOptions<OrderOptions> options, TimeProvider clock,
    ILogger<CloseUnratedOrders> logger)
{
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var days = options.Value.CloseUnratedAfterDays;
        var closed = 0;
        await foreach (var order in orders.AcceptedAsync(ct))
        {
            var now = clock.GetUtcNow();
            if (!OrderLifecycle.ClosesUnrated(order, now, days)) continue;
            var stored = await orders.FindAsync(order.Id, ct);
            if (stored is null || !OrderLifecycle.ClosesUnrated(stored.Order, now, days)) continue;
            try
            {
                await orders.UpdateAsync(stored, stored.Order.CloseUnrated(now, days), ct);
                closed++;
            }
            catch (ConflictException)
            {
                // Rated or followed up between the read and the write: the resident answered, nothing to close.
            }
        }
        if (closed > 0) LogClosed(closed, days);
        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} accepted orders left unrated for {Days} days")]
    private partial void LogClosed(int count, int days);
}
