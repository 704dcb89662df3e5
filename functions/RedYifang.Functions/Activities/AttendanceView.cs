namespace RedYifang.Functions.Activities;

/// <summary>
/// An attendance record as the API shows it, with the hours it counts now (<see cref="AttendanceHours"/>): whether it
/// closed at the activity's end for want of a check-out (<see cref="ClosedAtEnd"/>), or is still open.
/// </summary>
public sealed record AttendanceView
{
    public required string ActivityId { get; init; }
    public required string UserId { get; init; }
    public required AttendanceSource Source { get; init; }
    public DateTimeOffset? CheckedInAt { get; init; }
    public DateTimeOffset? CheckedOutAt { get; init; }
    public required decimal Hours { get; init; }
    public required bool ClosedAtEnd { get; init; }
    public required bool Open { get; init; }
    public required IReadOnlyList<string> EvidenceIds { get; init; }
    public required AttendanceState State { get; init; }
    public required IReadOnlyList<AttendanceStep> History { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public static AttendanceView From(Attendance r, Activity activity, DateTimeOffset now)
    {
        var hours = r.Hours(activity, now);
        return new AttendanceView
        {
            ActivityId = r.ActivityId, UserId = r.UserId, Source = r.Source, CheckedInAt = r.CheckedInAt, CheckedOutAt = r.CheckedOutAt,
            Hours = hours.Hours, ClosedAtEnd = hours.ClosedAtEnd, Open = hours.Open, EvidenceIds = r.EvidenceIds, State = r.State,
            History = r.History, CreatedAt = r.CreatedAt, UpdatedAt = r.UpdatedAt,
        };
    }
}
