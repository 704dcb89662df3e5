using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Orders;

/// <summary>
/// Orders' published contract: <c>order.stateChanged</c> for every transition. No personal data (no contact, no
/// resident); the id counts the history, so a replay is a duplicate Service Bus drops. A decline names the unit that declined, a claim
/// turned down the unit that claimed (published → published). A claim and
/// a follow-up that confirms the work are no transition, and not published.
/// </summary>
public sealed class OrderIntegrationEvents : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not OrderEvent e || e is OrderEvent.Claimed or OrderEvent.Confirmed) yield break;
        var order = e.Order;
        var step = e.Step;
        var (queue, message) = IntegrationEvent.Of($"{order.Id}-{order.History.Count}", "order.stateChanged", step.At, new
        {
            orderId = order.Id, communityId = order.CommunityId, category = EnumText.ToText(order.Category),
            level = EnumText.ToText(order.Level), from = step.From is { } from ? EnumText.ToText(from) : null,
            to = EnumText.ToText(step.To), unitId = e switch
            {
                OrderEvent.Declined d => d.HeldBy.UnitId,
                OrderEvent.ClaimRejected r => r.Claim.UnitId,
                _ => order.UnitId,
            },
        });
        yield return new OutboxMessage(queue, message);
    }
}
