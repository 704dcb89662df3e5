using RedYifang.Functions.Evidence;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Assessment;

/// <summary>An order change the assessment counts, staged with the change (queue <c>assessment-facts</c>).</summary>
public sealed record AssessmentEvent(string OrderId, FactKind Kind, DateTimeOffset At)
{
    public const string Queue = "assessment-facts";

    public static (string Queue, object Message) Of(string orderId, FactKind kind, DateTimeOffset at) => (Queue, new AssessmentEvent(orderId, kind, at));
}

/// <summary>Turns an order event into facts for the organisations it concerns: the community, and the unit that served it.</summary>
public static class OrderFacts
{
    public static IEnumerable<Fact> From(Order order, FactKind kind, DateTimeOffset at, bool evidenceVerified) =>
        FactsOf(order, kind, at, evidenceVerified).Select(f => f with { DistrictId = order.CommunityPath[0] });

    // A unit serves only its own street (its resources' areas are checked), so every fact of an order is counted in
    // the district of the order's community.
    private static IEnumerable<Fact> FactsOf(Order order, FactKind kind, DateTimeOffset at, bool evidenceVerified)
    {
        var unit = order.UnitId;
        switch (kind)
        {
            case FactKind.Published:
                yield return new Fact($"{order.Id}|published", order.CommunityId, kind, at, order.Id,
                    ResponseMinutes: (int)Math.Max(0, (at - order.CreatedAt).TotalMinutes));
                break;
            case FactKind.Matched when unit is not null:
                yield return new Fact($"{order.Id}|matched|{order.Agreement!.Id}", unit, kind, at, order.Id);
                break;
            case FactKind.Accepted when order.Completion is { } done:
                foreach (var org in new[] { unit, order.CommunityId }.OfType<string>())
                {
                    yield return new Fact($"{order.Id}|accepted|{org}", org, kind, at, order.Id, evidenceVerified, done.ServiceHours, done.Beneficiaries);
                }
                break;
            case FactKind.Rated when order.Rating is { } rating:
                foreach (var org in new[] { unit, order.CommunityId }.OfType<string>())
                {
                    yield return new Fact($"{order.Id}|rated|{org}", org, kind, at, order.Id, Stars: rating.Stars);
                }
                break;
            case FactKind.Lapsed:
                yield return new Fact($"{order.Id}|lapsed", order.CommunityId, kind, at, order.Id);
                // Cancelled while a unit held it (matched, agreed or in progress): a failure of that unit's too.
                if (unit is not null) yield return new Fact($"{order.Id}|lapsed|{unit}", unit, kind, at, order.Id);
                break;
            case FactKind.Reopened when unit is not null:
                // Once per order, however often its completion is refused (as in matching's unit record).
                yield return new Fact($"{order.Id}|reopened", unit, kind, at, order.Id);
                break;
        }
    }
}

/// <summary>Records the facts of an order event; an accepted order counts only if every piece of its evidence is verified.</summary>
public sealed class AssessmentFacts(FactStore facts, OrderStore orders, EvidenceStore evidence)
{
    public async Task RecordAsync(AssessmentEvent e, CancellationToken ct)
    {
        if (await orders.FindAsync(e.OrderId, ct) is not { } stored) return;
        var verified = e.Kind == FactKind.Accepted && await EvidenceVerifiedAsync(stored.Order, ct);
        foreach (var fact in OrderFacts.From(stored.Order, e.Kind, e.At, verified)) await facts.RecordAsync(fact, ct);
    }

    private async Task<bool> EvidenceVerifiedAsync(Order order, CancellationToken ct)
    {
        var ids = order.Completion?.EvidenceIds ?? [];
        if (ids.Count == 0) return false;
        var items = await Task.WhenAll(ids.Select(id => evidence.FindAsync(id, ct)));
        return items.All(i => i is { Record.State: EvidenceState.Verified } && i.Record.OwnerId == order.Id);
    }
}
