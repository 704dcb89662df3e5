namespace RedYifang.Functions.PartyMembers;

/// <summary>A report after an action, and the events the action caused (written with it, in one transaction).</summary>
public sealed record ReportChange(PartyMemberReport Report, IReadOnlyList<ReportEvent> Events);
