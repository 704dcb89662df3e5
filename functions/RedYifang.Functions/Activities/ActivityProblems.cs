using System.Globalization;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Activities;

/// <summary>The problems only activities raise.</summary>
public static class ActivityProblems
{
    private static string Instant(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Checking in or out outside the window: from 30 minutes before the start to 30 minutes after the end.</summary>
    public static ConflictException CheckinClosed(Activity activity) =>
        new("checkin_closed",
            new("不在签到时间内", "Check-in is closed"),
            new LocalizedText("签到、签退时间为 {0} 至 {1}（北京时间）。", "Check-in and check-out are open from {0} to {1} (China Standard Time).")
                .Format(Instant(activity.CheckinOpensAt), Instant(activity.CheckinClosesAt)));

    /// <summary>The code is not the one shown now or just before (wrong, or older than one step).</summary>
    public static RuleViolationException CodeInvalid() =>
        new("checkin_code_invalid",
            new("签到码无效或已过期", "The check-in code is wrong or has expired"),
            new("请重新扫描组织者当前展示的签到码。", "Scan the code the organiser shows now."),
            new Dictionary<string, IReadOnlyList<LocalizedText>> { ["code"] = [new("无效或已过期", "is wrong or has expired")] });

    public static CapacityExhaustedException Full(int capacity) =>
        new("activity_full",
            new("活动名额已满", "The activity is full"),
            new LocalizedText("该活动限 {0} 人，已全部签到。", "The activity takes {0} people; all places are taken.").Format(capacity));

    public static ConflictException NotCheckedIn() =>
        new("not_checked_in",
            new("尚未签到", "Not checked in"),
            new("签退前须先签到。", "Check in before checking out."));

    /// <summary>Reviewing a record whose hours can still change: not checked out and the check-in window not over.</summary>
    public static ConflictException AttendanceOpen(Activity activity) =>
        new("attendance_open",
            new("出勤记录尚未结束", "The attendance is still open"),
            new LocalizedText("参与者签退后，或签到时间结束（{0}）后方可审核。",
                "It can be reviewed once the participant checks out, or after check-in closes ({0}).")
                .Format(Instant(activity.CheckinClosesAt)));

    public static ConflictException AttendanceExists() =>
        new("attendance_exists",
            new("已有出勤记录", "There is an attendance record already"),
            new("该用户已有本活动的出勤记录：请审核该记录。", "The user has an attendance record for this activity: review that one."),
            new Dictionary<string, IReadOnlyList<LocalizedText>> { ["userId"] = [new("已有出勤记录", "has an attendance record already")] });

    /// <summary>Closing before the end, or back-filling before the start.</summary>
    public static ConflictException NotYet(bool closing, Activity activity) => closing
        ? new("activity_not_ended",
            new("活动尚未结束", "The activity has not ended"),
            new LocalizedText("活动结束（{0}）后方可关闭。", "It can be closed once it has ended ({0}).").Format(Instant(activity.EndsAt)))
        : new("activity_not_started",
            new("活动尚未开始", "The activity has not started"),
            new LocalizedText("活动开始（{0}）后方可补录出勤。", "Attendance can be back-filled once it has started ({0}).")
                .Format(Instant(activity.StartsAt)));

    /// <summary>Closing without verified evidence, or back-filling with evidence that is not this activity's verified evidence.</summary>
    public static RuleViolationException EvidenceNotVerified(string field, bool closing) =>
        new("evidence_not_verified",
            new("痕迹材料未通过核验", "The evidence is not verified"),
            closing
                ? new("关闭活动须至少有一份已核验、属于本活动的照片或文档。", "Closing an activity needs at least one verified photo or document of it.")
                : new("补录出勤须附上本活动已核验的痕迹材料。", "Back-filled attendance needs verified evidence of this activity."),
            new Dictionary<string, IReadOnlyList<LocalizedText>>
            {
                [field] = [new("须为本活动已核验的痕迹", "must be verified evidence of this activity")],
            });
}
