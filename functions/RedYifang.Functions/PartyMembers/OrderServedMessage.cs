namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// The message this feature consumes on queue <c>party-member-orders</c>: an order accepted with verified evidence that the
/// user served in person (staged with the acceptance by <see cref="OrderServedTranslator"/>, from the Orders feature's domain
/// events, one message per person named). <see cref="At"/> is the instant of the acceptance: its month (China Standard Time)
/// is the month the award counts toward and its year picks the rules of <see cref="DistrictId"/>. It may arrive twice: the
/// second adds nothing (<see cref="Ledger"/>).
/// </summary>
public sealed record OrderServedMessage(string OrderId, string DistrictId, string UserId, DateTimeOffset At)
{
    public const string Queue = "party-member-orders";

    /// <summary>Throws <see cref="InvalidDataException"/> for a message no producer should send (it ends in the poison queue).</summary>
    public void Check()
    {
        if (!Platform.Storage.Keys.IsWellFormedId(OrderId) || !Platform.Storage.Keys.IsWellFormedId(UserId)
            || !Platform.Storage.Keys.IsWellFormedId(DistrictId))
        {
            throw new InvalidDataException("An order-served message names something that is not an id.");
        }
    }
}
