namespace RedYifang.Functions.Activities;

/// <summary>One step of an attendance record's history: what was done, from which state to which, by whom, when and why.</summary>
public sealed record AttendanceStep(
    AttendanceAction Action,
    AttendanceState? From,
    AttendanceState To,
    string By,
    DateTimeOffset At,
    string? Reason);
