namespace RedYifang.Functions.Alliances;

public enum MeetingState
{
    /// <summary>Called, with its agenda and attending units; decisions are recorded while it is open.</summary>
    Scheduled,

    /// <summary>Held and closed with verified minutes: from now on its attendance counts for the attending units.</summary>
    Closed,
}
