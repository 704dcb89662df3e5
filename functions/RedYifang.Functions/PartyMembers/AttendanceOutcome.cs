namespace RedYifang.Functions.PartyMembers;

/// <summary>What the organiser's admins decided about a participant's attendance (<see cref="AttendanceMessage"/>).</summary>
public enum AttendanceOutcome
{
    Approved,
    Declined,
}
