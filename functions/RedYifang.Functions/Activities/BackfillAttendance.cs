using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Activities;

/// <summary>
/// The organiser's admins record attendance for someone who took part without checking in: once the activity has started,
/// with a reason, hours no more than the activity's length, and verified evidence of this activity (the sign-in sheet,
/// photos). It is approved as written; a person with a record already is 409 <c>attendance_exists</c> (review that one).
/// Back-filled records do not take check-in places.
/// </summary>
public sealed class BackfillAttendance(ActivityChanges changes, ActivityStore activities, UserStore users)
{
    public const int MaxEvidence = 10;

    /// <summary>The body of <c>POST /v1/activities/{id}/attendance</c>.</summary>
    public sealed record Request(string? UserId, decimal? Hours, string? Reason, List<string?>? EvidenceIds);

    public async Task<AttendanceView> HandleAsync(Caller caller, string id, Request body, CancellationToken ct)
    {
        var v = new Validator();
        var userId = v.Id("userId", body.UserId);
        var hours = v.RequiredValue("hours", body.Hours);
        if (hours is { } h && (h <= 0 || decimal.Round(h, 2) != h))
        {
            v.Add("hours", new("须大于 0，最多两位小数", "must be above 0 with at most two decimals"));
        }
        var reason = v.Text("reason", body.Reason, 500);
        List<string> evidenceIds = [];
        if (body.EvidenceIds is not { Count: >= 1 and <= MaxEvidence })
        {
            v.Add("evidenceIds", new LocalizedText("需要 1–{0} 项痕迹材料", "needs 1–{0} evidence ids").Format(MaxEvidence));
        }
        else
        {
            for (var i = 0; i < body.EvidenceIds.Count; i++)
            {
                if (v.Id($"evidenceIds[{i}]", body.EvidenceIds[i]) is { } evidenceId) evidenceIds.Add(evidenceId);
            }
        }
        v.ThrowIfInvalid();

        var activity = (await changes.ManageAsync(caller, id, ct)).Activity;
        var now = changes.Now;
        if (activity.State == ActivityState.Cancelled) throw ActivityLifecycle.NotOpen(activity.State);
        if (now < activity.StartsAt) throw ActivityProblems.NotYet(closing: false, activity);
        if (hours!.Value > (decimal)activity.Length.TotalHours)
        {
            throw Problems.Validation(new Dictionary<string, IReadOnlyList<LocalizedText>>
            {
                ["hours"] = [new LocalizedText("不能超过活动时长（{0} 小时）", "may not exceed the activity's length ({0} hours)")
                    .Format(Math.Round((decimal)activity.Length.TotalHours, 2))],
            });
        }
        if (await users.FindAsync(userId!, ct) is null)
        {
            throw Problems.InvalidReference("userId", new("不是已登记的用户", "is not a registered user"));
        }
        if (!await activities.AllVerifiedAsync(activity, evidenceIds.Distinct(StringComparer.Ordinal).ToList(), ct))
        {
            throw ActivityProblems.EvidenceNotVerified("evidenceIds", closing: false);
        }
        if (await activities.FindAttendanceAsync(activity, userId!, ct) is not null) throw ActivityProblems.AttendanceExists();
        var record = Attendance.Backfill(activity.Id, userId!, hours.Value, reason!, evidenceIds, caller.UserId, now);
        await activities.AddAttendanceAsync(activity, record, [new AttendanceEvent.Approved(activity, record, hours.Value)], ct);
        return AttendanceView.From(record, activity, now);
    }
}
