using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>The organiser's admins decline a record (an approved one too: the approval is taken back), with the reason.</summary>
public sealed class DeclineAttendance(ReviewAttendance review)
{
    public Task<AttendanceView> HandleAsync(Caller caller, string id, string userId, ReviewAttendance.Request body, CancellationToken ct)
    {
        var v = new Validator();
        var reason = v.Text("reason", body.Reason, 500);
        v.ThrowIfInvalid();
        return review.HandleAsync(caller, id, userId, (record, activity, now) => record.Decline(activity, caller.UserId, now, reason!), ct);
    }
}
