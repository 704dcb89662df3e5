using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Orders;

/// <summary>
/// Matches their unit left unanswered for <see cref="OrderOptions.AgreeWithinDays"/> days lapse (timer, before the expiry; issue
/// 17: not only published orders may wait for ever): the system declines for the unit — published again for Matching to rank
/// anew, the resource's month given back, the decline counted in the unit's record and its liaisons told, as when the unit
/// declines itself (<see cref="DeclineOrder"/>).
/// </summary>
public sealed partial class LapseUnansweredMatches(
    OrderStore orders,
    OrderResources resources,
    IOptions<OrderOptions> options,
    TimeProvider clock,
    ILogger<LapseUnansweredMatches> logger)
{
    public const string Actor = "system";

    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var days = options.Value.AgreeWithinDays;
        var lapsed = 0;
        await foreach (var order in orders.MatchedAsync(ct))
        {
            var now = clock.GetUtcNow();
            if (!OrderLifecycle.LapsesUnanswered(order, now, days)) continue;
            var stored = await orders.FindAsync(order.Id, ct);
            if (stored is null || !OrderLifecycle.LapsesUnanswered(stored.Order, now, days)) continue;
            var held = stored.Order.Agreement!;
            try
            {
                await orders.UpdateAsync(stored, stored.Order.Decline(Actor, now, OrderLifecycle.LapseReason(days)), ct);
            }
            catch (ConflictException)
            {
                // Agreed, declined or cancelled between the read and the write: the unit answered, nothing lapses.
                continue;
            }
            lapsed++;
            await resources.ReleaseAsync(order.Id, held, ct);
        }
        if (lapsed > 0) LogLapsed(lapsed, days);
        return lapsed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} matched orders went back to the pool: no answer within {Days} days")]
    private partial void LogLapsed(int count, int days);
}
