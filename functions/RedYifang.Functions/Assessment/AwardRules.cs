using RedYifang.Functions.Organisations;

namespace RedYifang.Functions.Assessment;

/// <summary>
/// The awards rule of domain.md (双向约束): co-building participation is a condition for 先进党组织 and 文明单位, and units' awards
/// hear the street's and the community's opinions. A unit or volunteer team is eligible for a year when, in that year, it took
/// part in co-building (<see cref="Totals.Participated"/>), its street gave an opinion of it (an evaluation in any window of the
/// year — a month, a quarter or the year itself — that has closed), and, when it belongs to a community, so did the community.
/// </summary>
public static class AwardRules
{
    public static readonly IReadOnlyDictionary<AwardReason, string> Chinese = new Dictionary<AwardReason, string>
    {
        [AwardReason.NoCoBuildingParticipation] = "本年度未参与共驻共建（无经核验的服务、活动或履约记录）",
        [AwardReason.NoStreetEvaluation] = "本年度无所在街道的评价意见",
        [AwardReason.NoCommunityEvaluation] = "本年度无所在社区的评价意见",
    };

    /// <summary>
    /// The reasons <paramref name="member"/> (a unit or volunteer team, its path from the district down) is not eligible, given its
    /// totals over the year; none when it is. <paramref name="communityId"/> is the community it belongs to, if any.
    /// </summary>
    public static IReadOnlyList<AwardReason> Reasons(Org member, string? communityId, Totals year)
    {
        var opinions = year.Evaluations.Values.SelectMany(e => e.OpinionsFrom).ToHashSet(StringComparer.Ordinal);
        var reasons = new List<AwardReason>();
        if (!year.Participated) reasons.Add(AwardReason.NoCoBuildingParticipation);
        if (member.Path.Count < 2 || !opinions.Contains(member.Path[1])) reasons.Add(AwardReason.NoStreetEvaluation);
        if (communityId is not null && !opinions.Contains(communityId)) reasons.Add(AwardReason.NoCommunityEvaluation);
        return reasons;
    }

    /// <summary>The community a unit or volunteer team belongs to: the community on its path, if it hangs under one.</summary>
    public static string? CommunityOf(Org member, IReadOnlyDictionary<string, Org> district) =>
        member.Path.Take(member.Path.Count - 1).FirstOrDefault(id => district.TryGetValue(id, out var o) && o.Kind == OrgKind.Community);
}
