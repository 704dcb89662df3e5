using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>
/// The organiser's admins close an activity that has ended, once at least one piece of its evidence (ownerType
/// <c>activity</c>) is verified — as Evidence announced it (<see cref="RecordActivityEvidence"/>). From then on it counts: a
/// closed activity delivering an agreement commitment becomes a delivery (Agreements/ActivityDeliveryTranslator.cs).
/// </summary>
public sealed class CloseActivity(ActivityChanges changes, ActivityStore activities)
{
    public Task<Activity> HandleAsync(Caller caller, string id, CancellationToken ct) =>
        changes.ApplyAsync(caller, id, async activity =>
            activity.Close(caller.UserId, changes.Now, await activities.VerifiedEvidenceAsync(activity, 1, ct)), ct);
}
