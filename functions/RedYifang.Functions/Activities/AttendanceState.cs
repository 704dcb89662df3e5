namespace RedYifang.Functions.Activities;

/// <summary>Where an attendance record stands: never deleted, only reviewed (<see cref="Attendance"/>).</summary>
public enum AttendanceState
{
    /// <summary>Checked in (or out), awaiting the organiser's review.</summary>
    Pending,

    /// <summary>The organiser's admins accepted it: its hours count.</summary>
    Approved,

    /// <summary>The organiser's admins refused it, with a reason: it counts for nothing.</summary>
    Declined,
}
