namespace RedYifang.Functions.Alliances;

/// <summary>One step of a unit's membership: the state it reached, who took it there and when.</summary>
public sealed record MemberStep(MemberState State, string By, DateTimeOffset At);
