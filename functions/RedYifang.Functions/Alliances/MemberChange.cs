namespace RedYifang.Functions.Alliances;

/// <summary>A membership after a step, and the event it caused.</summary>
public sealed record MemberChange(Member Member, AllianceEvent.MemberChanged Event);
