using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>The organiser's admins approve a record whose hours are settled (a declined one too); its hours then count.</summary>
public sealed class ApproveAttendance(ReviewAttendance review)
{
    public Task<AttendanceView> HandleAsync(Caller caller, string id, string userId, ReviewAttendance.Request body, CancellationToken ct)
    {
        var v = new Validator();
        var reason = v.Text("reason", body.Reason, 500, required: false);
        v.ThrowIfInvalid();
        return review.HandleAsync(caller, id, userId, (record, activity, now) => record.Approve(activity, caller.UserId, now, reason), ct);
    }
}
