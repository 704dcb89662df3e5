namespace RedYifang.Functions.PartyMembers;

/// <summary>Who decided a report, when, and (for a decline) why.</summary>
public sealed record ReportDecision(string By, DateTimeOffset At, string? Reason);
