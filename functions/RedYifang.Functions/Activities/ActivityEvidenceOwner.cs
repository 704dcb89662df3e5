using RedYifang.Functions.Evidence;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>
/// Answers Evidence for activities (<see cref="IEvidenceOwner"/>; <c>ownerType: "activity"</c>): photos and the sign-in
/// sheet go into the organiser's trace archive, attached by whoever acts for the organiser; whoever may read the activity
/// lists them.
/// </summary>
public sealed class ActivityEvidenceOwner(ActivityChanges changes) : IEvidenceOwner
{
    public OwnerType Type => OwnerType.Activity;

    public async Task<OwnerPlacement> PlaceForChangeAsync(Caller caller, string ownerId, CancellationToken ct)
    {
        var activity = (await ReadableAsync(caller, ownerId, ct)) ?? throw Problems.NotFound("activity");
        if (!ActivityPolicy.MayAttachEvidence(caller, activity)) throw Problems.Forbidden();
        return new OwnerPlacement(activity.OrganiserPath, activity.OrganiserOrgId, activity.OrganiserPath);
    }

    public async Task<bool> MayListAsync(Caller caller, string ownerId, CancellationToken ct) =>
        await ReadableAsync(caller, ownerId, ct) is not null;

    private async Task<Activity?> ReadableAsync(Caller caller, string id, CancellationToken ct)
    {
        try
        {
            return (await changes.ReadAsync(caller, id, ct)).Activity;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
