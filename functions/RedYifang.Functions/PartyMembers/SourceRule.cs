namespace RedYifang.Functions.PartyMembers;

/// <summary>
/// What one source earns: <see cref="Points"/> per check-in, per hour of attendance or per order, and at most
/// <see cref="MonthlyCap"/> points from the source in one month (China Standard Time; null: no cap).
/// </summary>
public sealed record SourceRule(int Points, int? MonthlyCap);
