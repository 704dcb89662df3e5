using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>
/// A signed-in participant checks in with the code the organiser shows: a scheduled activity, inside the window (409
/// <c>checkin_closed</c>), the current or previous code (422 <c>checkin_code_invalid</c>), a place left (409
/// <c>activity_full</c>). Checking in again answers the record already there.
/// </summary>
public sealed class CheckIn(ActivityChanges changes, ActivityStore activities)
{
    /// <summary>The body of <c>POST /v1/activities/{id}/checkins</c> and <c>…/checkouts</c>.</summary>
    public sealed record Request(string? Code);

    public async Task<(AttendanceView Attendance, bool Created)> HandleAsync(Caller caller, string id, Request body, CancellationToken ct)
    {
        var code = ValidCode(body);
        var activity = (await changes.FindAsync(id, ct)).Activity;
        var now = changes.Now;
        if (activity.State != ActivityState.Scheduled) throw ActivityLifecycle.NotOpen(activity.State);
        if (!activity.IsCheckinOpen(now)) throw ActivityProblems.CheckinClosed(activity);
        if (!CheckinCode.Accepts(activity.CheckinSecret, code, now)) throw ActivityProblems.CodeInvalid();
        var (record, created) = await activities.CheckInAsync(activity, caller.UserId, now, ct);
        return (AttendanceView.From(record, activity, now), created);
    }

    /// <summary>Six ASCII digits, else 400 naming <c>code</c>.</summary>
    public static string ValidCode(Request body)
    {
        var v = new Validator();
        if (string.IsNullOrEmpty(body.Code)) v.Add("code", Validator.Required);
        else if (body.Code.Length != CheckinCode.Digits || !body.Code.All(char.IsAsciiDigit))
        {
            v.Add("code", new LocalizedText("须为 {0} 位数字", "must be {0} digits").Format(CheckinCode.Digits));
        }
        v.ThrowIfInvalid();
        return body.Code!;
    }
}
