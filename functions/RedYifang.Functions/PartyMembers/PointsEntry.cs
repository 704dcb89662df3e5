namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// One line of a member's ledger, never changed once written: points from a <see cref="Source"/> (its id: the activity, the
/// order), the <see cref="Hours"/> behind attendance points, the rules version that produced them (null when the district had
/// no rules for the year), the instant of the decision, and the <see cref="Month"/> they count toward (China Standard Time).
/// A reversal (<see cref="ReversalOf"/>) takes back exactly what the entry it names gave, in that entry's month. An entry
/// that would pass its source's monthly cap gives what the cap leaves (<see cref="Capped"/>, with <see cref="Uncapped"/> the
/// points it would have given).
/// </summary>
public sealed record PointsEntry(
    string Id,
    PointsSource Source,
    string SourceId,
    decimal Points,
    decimal Hours,
    int? RuleVersion,
    DateTimeOffset At,
    string Month,
    string? ReversalOf,
    bool Capped,
    decimal? Uncapped);
