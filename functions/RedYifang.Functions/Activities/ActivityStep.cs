namespace RedYifang.Functions.Activities;

/// <summary>One step of an activity's history: what was done, from which state to which, by whom, when and why.</summary>
public sealed record ActivityStep(
    ActivityAction Action,
    ActivityState? From,
    ActivityState To,
    string By,
    DateTimeOffset At,
    string? Reason);
