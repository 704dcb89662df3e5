using RedYifang.Functions.Assessment;
using RedYifang.Functions.Organisations;
using static RedYifang.Rules.Tests.Policies.World;

namespace RedYifang.Rules.Tests.Assessment;

/// <summary>
/// The awards rule (Assessment/AwardRules.cs, domain.md 双向约束): a unit or volunteer team is eligible for 先进党组织 / 文明单位 in a
/// year only with co-building participation, its street's opinion and — when it belongs to one — its community's. In the policy
/// tables' world: u1 hangs under street s1, u4 under community c11 of s1.
/// </summary>
public sealed class AwardRulesTests
{
    private static readonly IReadOnlyDictionary<string, Org> District = new[] { D1, S1, C11, C12, U1, U4 }.ToDictionary(o => o.Id);

    private static Totals Year(bool participated, params string[] opinionsFrom) => Totals.Empty with
    {
        ActivitiesClosed = participated ? 1 : 0,
        Evaluations = new SortedDictionary<string, EvaluationShare>(StringComparer.Ordinal)
        {
            ["2026-Q2"] = new("2026-Q2", null, null, opinionsFrom.Take(1).ToList()),
            ["2026-10"] = new("2026-10", null, null, opinionsFrom.Skip(1).ToList()),
        },
    };

    private static AwardReason[] Reasons(Org member, Totals year) =>
        [.. AwardRules.Reasons(member, AwardRules.CommunityOf(member, District), year)];

    [Fact]
    public void A_unit_of_a_community_needs_participation_its_streets_opinion_and_its_communitys()
    {
        Assert.Equal(
            [AwardReason.NoCoBuildingParticipation, AwardReason.NoStreetEvaluation, AwardReason.NoCommunityEvaluation],
            Reasons(U4, Year(false)));
        Assert.Equal([AwardReason.NoCommunityEvaluation], Reasons(U4, Year(true, "s1")));
        Assert.Equal([AwardReason.NoStreetEvaluation], Reasons(U4, Year(true, "c11")));
        // Opinions from different windows of the year count together.
        Assert.Empty(Reasons(U4, Year(true, "s1", "c11")));
        Assert.Equal([AwardReason.NoCoBuildingParticipation], Reasons(U4, Year(false, "c11", "s1")));
    }

    [Fact]
    public void A_unit_of_a_street_needs_no_communitys_opinion()
    {
        Assert.Null(AwardRules.CommunityOf(U1, District));
        Assert.Equal("c11", AwardRules.CommunityOf(U4, District));
        Assert.Empty(Reasons(U1, Year(true, "s1")));
        Assert.Equal([AwardReason.NoStreetEvaluation], Reasons(U1, Year(true)));
        // Another street's or community's opinion is not its own.
        Assert.Equal([AwardReason.NoCommunityEvaluation], Reasons(U4, Year(true, "s1", "c12")));
    }

    [Fact]
    public void Every_reason_has_its_Chinese_text() =>
        Assert.Equal(Enum.GetValues<AwardReason>(), AwardRules.Chinese.Keys.Order());
}
