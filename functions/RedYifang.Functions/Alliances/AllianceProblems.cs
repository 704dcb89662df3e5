using System.Globalization;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Alliances;

/// <summary>The problems only alliances raise.</summary>
public static class AllianceProblems
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The street has an alliance already: one per street.</summary>
    public static ConflictException Exists(string existingId) =>
        new("alliance_exists",
            new("该街道已有党建联盟", "The street has an alliance already"),
            new LocalizedText("每个街道只有一个党建联盟：{0}。", "A street has one alliance: {0}.").Format(existingId),
            new Dictionary<string, IReadOnlyList<LocalizedText>> { ["streetId"] = [new("已有党建联盟", "has an alliance already")] });

    /// <summary>Inviting a unit that is invited or a member already.</summary>
    public static ConflictException MemberExists(MemberState state) =>
        new("alliance_member_exists",
            new("该单位已被邀请或已是成员", "The unit is invited or a member already"),
            new LocalizedText("该单位的成员状态为 {0}。", "The unit's membership is {0}.").Format(EnumText.ToText(state)),
            new Dictionary<string, IReadOnlyList<LocalizedText>> { ["unitId"] = [new("已被邀请或已是成员", "is invited or a member already")] });

    /// <summary>A member unit that chairs the alliance now or later cannot leave it.</summary>
    public static ConflictException ChairHolder(ChairTerm term) =>
        new("alliance_chair_holder",
            new("该单位担任轮值主席，不能退出联盟", "The unit chairs the alliance and cannot leave it"),
            new LocalizedText("该单位的轮值主席任期为 {0} 至 {1}。", "The unit chairs the alliance from {0} to {1}.")
                .Format(Day(term.From), Day(term.To)));

    /// <summary>The member unit has a committee member already, or the person holds a seat already.</summary>
    public static ConflictException SeatTaken(bool byUnit) =>
        new("committee_seat_taken",
            new("兼职委员席位已被占用", "The committee seat is taken"),
            byUnit
                ? new("每个成员单位只有一名兼职委员：请先免去现任。", "A member unit has one part-time committee member: remove the present one first.")
                : new("此人已是本联盟的兼职委员。", "This person is a part-time committee member of this alliance already."),
            new Dictionary<string, IReadOnlyList<LocalizedText>>
            {
                [byUnit ? "unitId" : "userId"] = [new("已有兼职委员席位", "holds a committee seat already")],
            });

    /// <summary>A chair term sharing a day with another.</summary>
    public static ConflictException ChairTermOverlaps(ChairTerm existing) =>
        new("chair_term_overlaps",
            new("轮值主席任期重叠", "The chair term overlaps another"),
            new LocalizedText("已有任期 {0} 至 {1}（{2}）与此期限重叠。", "The term from {0} to {1} ({2}) overlaps this one.")
                .Format(Day(existing.From), Day(existing.To), existing.UnitId),
            new Dictionary<string, IReadOnlyList<LocalizedText>> { ["from"] = [new("与已有任期重叠", "overlaps another term")] });

    public static InvalidTransitionException MeetingClosed() =>
        new("invalid_transition",
            new("会议当前状态不允许此操作", "The meeting's state does not allow this"),
            new("会议已关闭：决议与纪要不再变更。", "The meeting is closed: its decisions and minutes no longer change."));

    public static ConflictException MeetingNotHeld(Meeting meeting) =>
        new("meeting_not_held",
            new("会议尚未召开", "The meeting has not been held"),
            new LocalizedText("会议召开（{0}，北京时间）后方可关闭。", "It can be closed once it has been held ({0}, China Standard Time).")
                .Format(meeting.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));

    public static ConflictException DecisionsFull() =>
        new("meeting_decisions_full",
            new("会议决议已达上限", "The meeting has as many decisions as it may"),
            new LocalizedText("每次会议最多记录 {0} 项决议。", "A meeting records at most {0} decisions.").Format(Meeting.MaxDecisions));

    /// <summary>Closing without minutes that are this meeting's verified evidence.</summary>
    public static RuleViolationException MinutesNotVerified() =>
        new("evidence_not_verified",
            new("痕迹材料未通过核验", "The evidence is not verified"),
            new("关闭会议须附上本会议已核验的会议纪要（ownerType meeting）。",
                "Closing a meeting needs its minutes: verified evidence of this meeting (ownerType meeting)."),
            new Dictionary<string, IReadOnlyList<LocalizedText>>
            {
                ["minutesEvidenceIds"] = [new("须为本会议已核验的痕迹", "must be verified evidence of this meeting")],
            });
}
