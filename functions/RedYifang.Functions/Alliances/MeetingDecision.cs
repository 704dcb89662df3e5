namespace RedYifang.Functions.Alliances;

/// <summary>A decision of a joint meeting, as text, with who recorded it and when.</summary>
public sealed record MeetingDecision(string Text, string By, DateTimeOffset At);
