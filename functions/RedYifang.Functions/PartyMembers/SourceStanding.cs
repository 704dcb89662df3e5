namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// A member's standing with one source (an activity's check-in, its attendance, an order): the instant of the last decision
/// applied, and the award standing now (null when none was given or it was reversed). A decision no later than
/// <see cref="LastAt"/> is a repeat or arrived out of order, and changes nothing: this is what makes the ledger idempotent
/// by (source, source id).
/// </summary>
public sealed record SourceStanding(PointsSource Source, string SourceId, DateTimeOffset LastAt, PointsEntry? Award);
