using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// Something a unit delivered that a commitment may count (queue <c>agreement-deliveries</c>): an accepted order it served,
/// with verified evidence, or a closed activity it held for the commitment, in a category, at an instant. It names its district so it is recorded there and nowhere else.
/// </summary>
public sealed record Delivery(
    DeliverySource Source,
    string SourceId,
    string DistrictId,
    string UnitId,
    Category Category,
    DateTimeOffset At)
{
    public const string Queue = "agreement-deliveries";

    public OutboxMessage ToMessage() => new(Queue, this);
}
