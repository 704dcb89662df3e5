using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Resources;

namespace RedYifang.Functions.Matching;

/// <summary>
/// What Matching needs to hear: suggestions to recompute when an order opens or closes or a resource changes, and
/// each unit's record (assigned, completed, failed, rated) from what happened to the orders it held.
/// </summary>
public sealed class MatchingTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case OrderEvent.Published e:
                yield return MatchRequest.ForOrder(e.Order.Id, "published");
                break;
            case OrderEvent.Expired e:
                yield return MatchRequest.ForOrder(e.Order.Id, "expired");
                break;
            case OrderEvent.Cancelled e:
                yield return MatchRequest.ForOrder(e.Order.Id, "cancelled");
                if (e.HeldBy is { } held) yield return Fact(held.UnitId, e, OrderFactKind.Released);
                break;
            case OrderEvent.Matched e:
                yield return Fact(e.Agreement.UnitId, e, OrderFactKind.Matched, agreementId: e.Agreement.Id);
                break;
            case OrderEvent.Declined e:
                yield return MatchRequest.ForOrder(e.Order.Id, "declined");
                yield return Fact(e.HeldBy.UnitId, e, OrderFactKind.Declined, agreementId: e.HeldBy.Id);
                break;
            case OrderEvent.Completed { First: true } e:
                yield return Fact(e.Order.UnitId!, e, OrderFactKind.Completed);
                break;
            case OrderEvent.Reopened e:
                yield return Fact(e.Order.UnitId!, e, OrderFactKind.Reopened);
                break;
            case OrderEvent.Rated e when e.Order.UnitId is { } unit:
                yield return Fact(unit, e, OrderFactKind.Rated, e.Rating.Stars);
                break;
            case ResourceEvent e:
                yield return MatchRequest.ForResource(e.Resource.Id, e.Reason, e.FormerAreaIds);
                break;
        }
    }

    private static OutboxMessage Fact(string unitId, OrderEvent e, OrderFactKind kind, int stars = 0, string? agreementId = null) =>
        new(OrderFact.Queue, new OrderFact(unitId, e.Order.Id, kind, stars, e.At, agreementId));
}
