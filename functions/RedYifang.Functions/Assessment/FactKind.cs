namespace RedYifang.Functions.Assessment;

public enum FactKind
{
    Published,
    Matched,
    Accepted,
    Rated,

    /// <summary>Expired or cancelled after publishing (the community's); cancelled after matching also counts against the unit.</summary>
    Lapsed,

    /// <summary>Sent back after the unit reported it complete (验收 refused): counts against the unit.</summary>
    Reopened,

    /// <summary>
    /// An agreement of the unit's in force over some days of one month, with its service commitments (from the agreement's
    /// activation, and again, cut short, from its termination): what its commitments make due that month.
    /// </summary>
    AgreementInForce,

    /// <summary>A delivery Agreements recorded for the unit (an accepted order with verified evidence, or a closed activity).</summary>
    Delivered,

    /// <summary>An activity the organisation held, closed with verified evidence (counted in the month it started).</summary>
    ActivityClosed,

    /// <summary>
    /// What the organisation received in a closed evaluation window (<see cref="EvaluationShare"/>): the count and sum of scores
    /// where the blind rule lets them be known, and the streets' or communities' opinions of a unit. Dated the period's start.
    /// </summary>
    EvaluationsReceived,
    /// <summary>Money the unit gave (a donor movement of the funding ledger; its reversal gives a negative amount), in fen.</summary>
    FundsGiven,
    /// <summary>The unit gave back an order it was matched to: a failure of the unit's (docs/assessment.md), and shown in the statistics.</summary>
    Declined,

    /// <summary>
    /// A household of the community's was served in a period (<see cref="Fact.Period"/>, a month, quarter or year): one fact per
    /// household and period, dated the period's start, so a household counts once however many of its orders were accepted
    /// (<see cref="HouseholdsServed"/>).
    /// </summary>
    HouseholdServed,

    /// <summary>Accepted, never rated, closed by the system after the period (Orders/CloseUnratedOrders.cs): counted apart from ratings.</summary>
    ClosedUnrated,
}
