namespace RedYifang.Functions.Activities;

/// <summary>
/// Notes a verified piece of an activity's evidence (queue <c>activity-evidence</c>) beside the activity, where closing it and
/// back-filling attendance look for it; a message for an activity that does not exist is dropped.
/// </summary>
public sealed class RecordActivityEvidence(ActivityStore activities)
{
    public async Task HandleAsync(ActivityEvidenceVerified message, CancellationToken ct)
    {
        if (await activities.FindAsync(message.ActivityId, ct) is not { } stored) return;
        await activities.RecordEvidenceAsync(stored.Activity.DistrictId, stored.Activity.Id, message.EvidenceId, message.VerifiedAt, ct);
    }
}
