using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Funding;

/// <summary>
/// What happened in the ledger: a budget set (<see cref="BudgetSet"/>, the account as it is after) or a movement recorded
/// (<see cref="MovementRecorded"/>, a reversal among them). <see cref="FundingIntegrationEvents"/> publishes them; Assessment and
/// Agreements hear gifts through their own translators.
/// </summary>
public abstract record FundingEvent(DateTimeOffset At) : IDomainEvent
{
    public sealed record BudgetSet(AccountBalance Account, string DistrictId, DateTimeOffset Set) : FundingEvent(Set);

    /// <summary>A movement; <see cref="Original"/> is the movement a reversal undoes.</summary>
    public sealed record MovementRecorded(Movement Movement, Movement? Original) : FundingEvent(Movement.At);
}
