using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Activities;

/// <summary>The activity state machine: a scheduled activity is closed (held, with evidence) or cancelled; both are final.</summary>
public static class ActivityLifecycle
{
    private static readonly Dictionary<ActivityAction, (ActivityState[] From, ActivityState To)> Transitions = new()
    {
        [ActivityAction.Close] = ([ActivityState.Scheduled], ActivityState.Closed),
        [ActivityAction.Cancel] = ([ActivityState.Scheduled], ActivityState.Cancelled),
    };

    /// <summary>The states an action is allowed from (none for <see cref="ActivityAction.Create"/>, which starts an activity).</summary>
    public static IReadOnlyCollection<ActivityState> AllowedFrom(ActivityAction action) =>
        Transitions.TryGetValue(action, out var t) ? t.From : [];

    /// <summary>Where the action leads from the state; <c>InvalidTransitionException</c> when it is not allowed from there.</summary>
    public static ActivityState Target(ActivityAction action, ActivityState from) =>
        AllowedFrom(action).Contains(from) ? Transitions[action].To : throw InvalidTransition(action, from);

    public static InvalidTransitionException InvalidTransition(ActivityAction action, ActivityState from) =>
        new("invalid_transition",
            new("活动当前状态不允许此操作", "The activity's state does not allow this"),
            new LocalizedText("活动处于 {0} 状态，不能执行 {1}。", "The activity is {0}; it cannot take {1}.")
                .Format(EnumText.ToText(from), EnumText.ToText(action)));

    /// <summary>
    /// Checking in or out, reviewing or back-filling attendance of a cancelled activity (or checking in to a closed one).
    /// </summary>
    public static InvalidTransitionException NotOpen(ActivityState state) =>
        new("invalid_transition",
            new("活动当前状态不允许此操作", "The activity's state does not allow this"),
            new LocalizedText("活动处于 {0} 状态，不再接受签到或出勤记录。", "The activity is {0}; it takes no more check-ins or attendance.")
                .Format(EnumText.ToText(state)));
}
