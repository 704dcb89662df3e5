using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Funding;

/// <summary>
/// Money a unit gave through a funds resource (queue <c>funding-gifts</c>): an accepted order, with verified evidence, of a
/// funds resource, in its community, at the acceptance, of <see cref="Fen"/>. It carries all it needs and may arrive twice.
/// </summary>
public sealed record FundsGift(string DistrictId, string UnitId, string CommunityId, string OrderId, long Fen, DateTimeOffset At)
{
    public const string Queue = "funding-gifts";

    public OutboxMessage ToMessage() => new(Queue, this);
}
