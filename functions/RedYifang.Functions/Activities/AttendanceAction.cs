namespace RedYifang.Functions.Activities;

/// <summary>What was done to an attendance record: each step of its history names one.</summary>
public enum AttendanceAction
{
    CheckIn,
    CheckOut,
    Backfill,
    Approve,
    Decline,
}
