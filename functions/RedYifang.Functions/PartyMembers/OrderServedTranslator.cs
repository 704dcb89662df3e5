using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// What the points ledger needs to hear of orders: an order accepted (验收) with every piece of its evidence verified, as an
/// <see cref="OrderServedMessage"/> for each person its completion names as having served in person, on this feature's own
/// queue, staged with the acceptance. Nothing else earns points, and nothing takes them back: only the first acceptance earns
/// (an order the resident's follow-up reopened is accepted again: Orders/OrderLifecycle.cs), and verified evidence stays verified. A completion stored before orders recorded
/// who served names nobody, and earns nobody points.
/// </summary>
public sealed class OrderServedTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not OrderEvent.Accepted { EvidenceVerified: true, First: true } e) yield break;
        var order = e.Order;
        foreach (var userId in order.Completion?.ServedBy ?? [])
        {
            yield return new OutboxMessage(OrderServedMessage.Queue,
                new OrderServedMessage(order.Id, order.CommunityPath[0], userId, e.At));
        }
    }
}
