namespace RedYifang.Functions.Activities;

/// <summary>Where an activity stands (<see cref="ActivityLifecycle"/>).</summary>
public enum ActivityState
{
    /// <summary>Announced: participants check in and out inside the window (<see cref="Activity.CheckinOpensAt"/>).</summary>
    Scheduled,

    /// <summary>Held and closed by the organiser with verified evidence: it counts (attendance may still be reviewed).</summary>
    Closed,

    /// <summary>Called off by the organiser, with a reason: nobody checks in any more and it counts for nothing.</summary>
    Cancelled,
}
