using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// Money a unit gave towards one of its agreements (queue <c>agreement-funds</c>): a donor movement of the funding ledger
/// naming the agreement, of <see cref="Fen"/>, or its reversal, of minus the amount. Keyed by the movement, so a message
/// delivered twice counts once.
/// </summary>
public sealed record FundsDelivery(string MovementId, string AgreementId, string DistrictId, string UnitId, long Fen, DateTimeOffset At)
{
    public const string Queue = "agreement-funds";

    public OutboxMessage ToMessage() => new(Queue, this);
}
