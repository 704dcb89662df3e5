using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// What agreements need to hear of orders: an order accepted (验收) from the unit that served it, with every piece of its
/// evidence verified, is a delivery of that unit in the order's category. Nothing else counts; the first acceptance
/// only (the resident's follow-up may reopen an accepted order, which is then accepted again), and nothing is taken back.
/// </summary>
public sealed class DeliveryTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not OrderEvent.Accepted { EvidenceVerified: true, First: true } e || e.Order.UnitId is not { } unit) yield break;
        var order = e.Order;
        yield return new Delivery(DeliverySource.Order, order.Id, order.CommunityPath[0], unit, order.Category, e.At).ToMessage();
    }
}
