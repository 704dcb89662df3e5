using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Activities;

/// <summary>
/// An attendance record was reviewed by the organiser's admins: approved (its hours count) or declined (they do not, and an
/// earlier approval is taken back). Carries the activity, the record after the review and the hours it counts, so a
/// consumer (the points ledger) needs no read.
/// </summary>
public abstract record AttendanceEvent(Activity Activity, Attendance Attendance, decimal Hours) : IDomainEvent
{
    public DateTimeOffset At => Attendance.UpdatedAt;

    public sealed record Approved(Activity Activity, Attendance Attendance, decimal Hours) : AttendanceEvent(Activity, Attendance, Hours);

    public sealed record Declined(Activity Activity, Attendance Attendance, decimal Hours) : AttendanceEvent(Activity, Attendance, Hours);
}
