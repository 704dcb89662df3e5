using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Funding;

/// <summary>
/// What Funding hears of orders: an order of a funds resource (its project agreement names the amount) accepted with every piece
/// of its evidence verified is money the unit gave the community — the same condition under which the assessment counts an order.
/// Acceptance is final, so nothing is taken back.
/// </summary>
public sealed class FundsOrderTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not OrderEvent.Accepted
            { EvidenceVerified: true, First: true, Order.Agreement: { FundsAmount: > 0 } agreement } e)
        {
            yield break;
        }
        var fen = agreement.FundsAmount!.Value * 100;
        if (fen != decimal.Truncate(fen)) yield break;
        var order = e.Order;
        yield return new FundsGift(order.CommunityPath[0], agreement.UnitId, order.CommunityId, order.Id, (long)fen, e.At).ToMessage();
    }
}
