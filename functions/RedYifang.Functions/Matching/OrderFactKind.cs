namespace RedYifang.Functions.Matching;

/// <summary>What happened to an order at a unit (see <see cref="OrderFact"/>).</summary>
public enum OrderFactKind
{
    Matched,
    Completed,

    /// <summary>Cancelled while the unit held it: a failure.</summary>
    Released,
    Rated,

    /// <summary>Its reported completion was refused at acceptance: a failure (once per order).</summary>
    Reopened,

    /// <summary>The unit gave a matched or agreed order back: no longer open, a failure (docs/assessment.md), counted apart too.</summary>
    Declined,
}
