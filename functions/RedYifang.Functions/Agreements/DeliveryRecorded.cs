using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// A delivery was recorded for its unit (<see cref="DeliveryStore"/>): what other features hear of it (the assessment counts it
/// against the unit's commitments). Raised each time the delivery's message is handled, so a consumer sees it at least once and
/// may see it twice; the delivery's source and id name it.
/// </summary>
public sealed record DeliveryRecorded(Delivery Delivery) : IDomainEvent
{
    public DateTimeOffset At => Delivery.At;
}
