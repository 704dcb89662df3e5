namespace RedYifang.Functions.Activities;

/// <summary>How an attendance record came to be: the participant checked in with the code, or an admin back-filled it.</summary>
public enum AttendanceSource
{
    CheckIn,
    Backfill,
}
