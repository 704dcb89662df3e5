using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Assessment;

/// <summary>The order events the assessment counts (比实绩), as facts to record; everything else it ignores.</summary>
public sealed class AssessmentTranslator : IEventTranslator
{
    public IEnumerable<OutboxMessage> Translate(IDomainEvent domainEvent)
    {
        if (domainEvent is not OrderEvent e) yield break;
        FactKind? kind = e switch
        {
            OrderEvent.Published => FactKind.Published,
            OrderEvent.Matched => FactKind.Matched,
            OrderEvent.Accepted { First: true } => FactKind.Accepted,
            OrderEvent.ClosedUnrated => FactKind.ClosedUnrated,
            OrderEvent.Reopened => FactKind.Reopened,
            OrderEvent.Declined => FactKind.Declined,
            OrderEvent.Rated => FactKind.Rated,
            OrderEvent.Cancelled { WasPublished: true } or OrderEvent.Expired => FactKind.Lapsed,
            _ => null,
        };
        // A declined order has lost its agreement: the snapshot names the unit and agreement it was declined from.
        var snapshot = e is OrderEvent.Declined d
            ? Snapshot(e.Order) with { UnitId = d.HeldBy.UnitId, AgreementId = d.HeldBy.Id }
            : Snapshot(e.Order);
        var verified = e is OrderEvent.Accepted { EvidenceVerified: true };
        if (kind is { } k) yield return new AssessmentEvent(k, e.At, snapshot, verified).ToMessage();
    }

    public static OrderSnapshot Snapshot(Order order) => new()
    {
        Id = order.Id, CommunityId = order.CommunityId, DistrictId = order.CommunityPath[0], UnitId = order.UnitId,
        AgreementId = order.Agreement?.Id, CreatedAt = order.CreatedAt, ServiceHours = order.Completion?.ServiceHours,
        Beneficiaries = order.Completion?.Beneficiaries, Stars = order.Rating?.Stars,
        Represented = order.Rating?.Represented ?? false,
        Household = order.RaisedByStaff ? null : order.OwnerId,
    };
}
