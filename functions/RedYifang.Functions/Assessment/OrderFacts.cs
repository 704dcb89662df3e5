namespace RedYifang.Functions.Assessment;

/// <summary>Turns an order event into facts for the organisations it concerns: the community, and the unit that served it.</summary>
public static class OrderFacts
{
    // A unit serves only its own street (its resources' areas are checked), so every fact of an order is counted in
    // the district of the order's community.
    public static IEnumerable<Fact> From(AssessmentEvent e)
    {
        var order = e.Order;
        var unit = order.UnitId;
        var at = e.At;
        switch (e.Kind)
        {
            case FactKind.Published:
                yield return Fact($"{order.Id}|published", order.CommunityId, e) with
                {
                    ResponseMinutes = (int)Math.Max(0, (at - order.CreatedAt).TotalMinutes),
                };
                break;
            case FactKind.Matched when unit is not null:
                yield return Fact($"{order.Id}|matched|{order.AgreementId}", unit, e);
                break;
            case FactKind.Accepted when order.ServiceHours is { } hours:
                foreach (var org in new[] { unit, order.CommunityId }.OfType<string>())
                {
                    yield return Fact($"{order.Id}|accepted|{org}", org, e) with
                    {
                        EvidenceVerified = e.EvidenceVerified, ServiceHours = hours, Beneficiaries = order.Beneficiaries ?? 0,
                    };
                }
                if (e.EvidenceVerified && order.Household is { } household)
                {
                    foreach (var fact in HouseholdsServed.Facts(order.CommunityId, household, order.Id, order.DistrictId, at))
                    {
                        yield return fact;
                    }
                }
                break;
            case FactKind.Rated when order.Stars is { } stars:
                foreach (var org in new[] { unit, order.CommunityId }.OfType<string>())
                {
                    yield return Fact($"{order.Id}|rated|{org}", org, e) with { Stars = stars, Represented = order.Represented };
                }
                break;
            case FactKind.ClosedUnrated:
                foreach (var org in new[] { unit, order.CommunityId }.OfType<string>())
                {
                    yield return Fact($"{order.Id}|closedUnrated|{org}", org, e);
                }
                break;
            case FactKind.Lapsed:
                yield return Fact($"{order.Id}|lapsed", order.CommunityId, e);
                // Cancelled while a unit held it (matched, agreed or in progress): a failure of that unit's too.
                if (unit is not null) yield return Fact($"{order.Id}|lapsed|{unit}", unit, e);
                break;
            case FactKind.Declined when unit is not null:
                yield return Fact($"{order.Id}|declined|{order.AgreementId}", unit, e);
                break;
            case FactKind.Reopened when unit is not null:
                // Once per order, however often its completion is refused (as in matching's unit record).
                yield return Fact($"{order.Id}|reopened", unit, e);
                break;
        }
    }

    private static Fact Fact(string id, string orgId, AssessmentEvent e) =>
        new(id, orgId, e.Kind, e.At, e.Order.Id, DistrictId: e.Order.DistrictId);
}
