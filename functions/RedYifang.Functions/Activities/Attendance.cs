using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Activities;

/// <summary>
/// One person's attendance at one activity: checked in with the code (and perhaps out), or back-filled by an admin with a
/// reason, hours and evidence. At most one per person and activity; never deleted — the organiser's admins approve or
/// decline it, and each change is a step of its history (who, when, why). It changes only through its own methods.
/// </summary>
public sealed record Attendance
{
    public required string ActivityId { get; init; }
    public required string UserId { get; init; }
    public required AttendanceSource Source { get; init; }
    public DateTimeOffset? CheckedInAt { get; init; }
    public DateTimeOffset? CheckedOutAt { get; init; }

    /// <summary>The hours an admin back-filled (null for a check-in, whose hours are counted from its times).</summary>
    public decimal? BackfilledHours { get; init; }
    public IReadOnlyList<string> EvidenceIds { get; init; } = [];
    public required AttendanceState State { get; init; }
    public required IReadOnlyList<AttendanceStep> History { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    private static readonly Dictionary<AttendanceAction, (AttendanceState[] From, AttendanceState To)> Reviews = new()
    {
        // A declined record may be approved after all, and an approved one declined (the points ledger reverses it).
        [AttendanceAction.Approve] = ([AttendanceState.Pending, AttendanceState.Declined], AttendanceState.Approved),
        [AttendanceAction.Decline] = ([AttendanceState.Pending, AttendanceState.Approved], AttendanceState.Declined),
    };

    public static IReadOnlyCollection<AttendanceState> AllowedFrom(AttendanceAction action) =>
        Reviews.TryGetValue(action, out var r) ? r.From : [];

    public static Attendance CheckIn(string activityId, string userId, DateTimeOffset at) => new()
    {
        ActivityId = activityId, UserId = userId, Source = AttendanceSource.CheckIn, CheckedInAt = at, State = AttendanceState.Pending,
        History = [new AttendanceStep(AttendanceAction.CheckIn, null, AttendanceState.Pending, userId, at, null)], CreatedAt = at,
        UpdatedAt = at,
    };

    /// <summary>An admin's record for someone who took part without checking in: approved as it is written.</summary>
    public static Attendance Backfill(string activityId, string userId, decimal hours, string reason, IReadOnlyList<string> evidenceIds,
        string by, DateTimeOffset at) => new()
        {
            ActivityId = activityId, UserId = userId, Source = AttendanceSource.Backfill, BackfilledHours = hours,
            EvidenceIds = evidenceIds, State = AttendanceState.Approved,
            History = [new AttendanceStep(AttendanceAction.Backfill, null, AttendanceState.Approved, by, at, reason)], CreatedAt = at,
            UpdatedAt = at,
        };

    /// <summary>
    /// The hours it counts at <paramref name="now"/> (<see cref="AttendanceHours"/>), whether it closed at the end, whether still open.
    /// </summary>
    public AttendanceHours.Counted Hours(Activity activity, DateTimeOffset now) => Source == AttendanceSource.Backfill
        ? new AttendanceHours.Counted(BackfilledHours ?? 0m, false, false)
        : AttendanceHours.Of(CheckedInAt!.Value, CheckedOutAt, activity.StartsAt, activity.EndsAt, now);

    /// <summary>Its hours can no longer change: back-filled, checked out, or the check-in window is over.</summary>
    public bool IsSettled(Activity activity, DateTimeOffset now) =>
        Source == AttendanceSource.Backfill || CheckedOutAt is not null || now > activity.CheckinClosesAt;

    /// <summary>The participant checks out (once; a second check-out is the same record, unchanged). Only a pending record.</summary>
    public Attendance CheckOut(DateTimeOffset at)
    {
        if (CheckedOutAt is not null) return this;
        if (Source != AttendanceSource.CheckIn) throw ActivityProblems.NotCheckedIn();
        if (State != AttendanceState.Pending) throw InvalidTransition(AttendanceAction.CheckOut, State);
        return this with
        {
            CheckedOutAt = at, UpdatedAt = at,
            History = [.. History, new AttendanceStep(AttendanceAction.CheckOut, State, State, UserId, at, null)],
        };
    }

    /// <summary>The organiser's admins approve it: once its hours are settled (<see cref="IsSettled"/>).</summary>
    public AttendanceEvent Approve(Activity activity, string by, DateTimeOffset at, string? reason)
    {
        var to = Target(AttendanceAction.Approve);
        if (!IsSettled(activity, at)) throw ActivityProblems.AttendanceOpen(activity);
        var after = Step(AttendanceAction.Approve, to, by, at, reason);
        return new AttendanceEvent.Approved(activity, after, after.Hours(activity, at).Hours);
    }

    /// <summary>The organiser's admins decline it, with the reason (an open record too: someone who was not there).</summary>
    public AttendanceEvent Decline(Activity activity, string by, DateTimeOffset at, string reason)
    {
        var after = Step(AttendanceAction.Decline, Target(AttendanceAction.Decline), by, at, reason);
        return new AttendanceEvent.Declined(activity, after, after.Hours(activity, at).Hours);
    }

    private AttendanceState Target(AttendanceAction action) =>
        AllowedFrom(action).Contains(State) ? Reviews[action].To : throw InvalidTransition(action, State);

    private Attendance Step(AttendanceAction action, AttendanceState to, string by, DateTimeOffset at, string? reason) =>
        this with { State = to, UpdatedAt = at, History = [.. History, new AttendanceStep(action, State, to, by, at, reason)] };

    public static InvalidTransitionException InvalidTransition(AttendanceAction action, AttendanceState from) =>
        new("invalid_transition",
            new("出勤记录当前状态不允许此操作", "The attendance's state does not allow this"),
            new LocalizedText("出勤记录处于 {0} 状态，不能执行 {1}。", "The attendance is {0}; it cannot take {1}.")
                .Format(EnumText.ToText(from), EnumText.ToText(action)));
}
