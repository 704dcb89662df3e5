using RedYifang.Functions.Organisations;

namespace RedYifang.Functions.Assessment;

/// <summary>What the code can compute, which source each indicator needs, and the default set.</summary>
public static class Catalogue
{
    public static readonly IReadOnlyDictionary<Indicator, (string Chinese, bool Available, Direction Natural)> Entries =
        new Dictionary<Indicator, (string, bool, Direction)>
        {
            [Indicator.OrdersAccepted] = ("验收订单数", true, Direction.Higher),
            [Indicator.ServiceHours] = ("服务时长", true, Direction.Higher),
            [Indicator.Beneficiaries] = ("受益人数", true, Direction.Higher),
            [Indicator.FundsGiven] = ("捐助资金", true, Direction.Higher),
            [Indicator.CommitmentFulfilment] = ("承诺履约率", true, Direction.Higher),
            [Indicator.ActivityParticipation] = ("活动参与", true, Direction.Higher),
            [Indicator.Satisfaction] = ("群众满意度", true, Direction.Higher),
            [Indicator.EvaluationsReceived] = ("双向评价", true, Direction.Higher),
            [Indicator.MedianResponseTime] = ("响应时间中位数（小时）", true, Direction.Lower),
            [Indicator.CompletionRate] = ("完成率", true, Direction.Higher),
            [Indicator.TraceCompleteness] = ("痕迹完整率", true, Direction.Higher),
        };

    public static PeerGroup? GroupOf(Org org) => org.Kind switch
    {
        OrgKind.Community => PeerGroup.Community,
        OrgKind.VolunteerTeam => PeerGroup.VolunteerTeam,
        OrgKind.Unit => org.UnitKind switch
        {
            UnitKind.Agency => PeerGroup.Agency,
            UnitKind.StateEnterprise => PeerGroup.StateEnterprise,
            UnitKind.NonPublicEnterprise => PeerGroup.NonPublicEnterprise,
            UnitKind.SocialOrganization => PeerGroup.SocialOrganization,
            _ => null,
        },
        _ => null,
    };

    /// <summary>The award rule (seed report) applies to units and volunteer teams, not to communities.</summary>
    public static bool NeedsParticipation(PeerGroup group) => group != PeerGroup.Community;

    public static IndicatorSet Default(string period)
    {
        IReadOnlyList<IndicatorWeight> provider =
        [
            new(Indicator.OrdersAccepted, 0.25, Direction.Higher), new(Indicator.ServiceHours, 0.20, Direction.Higher),
            new(Indicator.Beneficiaries, 0.15, Direction.Higher), new(Indicator.Satisfaction, 0.15, Direction.Higher),
            new(Indicator.CompletionRate, 0.10, Direction.Higher), new(Indicator.FundsGiven, 0.05, Direction.Higher),
            new(Indicator.CommitmentFulfilment, 0.05, Direction.Higher), new(Indicator.ActivityParticipation, 0.05, Direction.Higher),
        ];
        IReadOnlyList<IndicatorWeight> community =
        [
            new(Indicator.MedianResponseTime, 0.25, Direction.Lower), new(Indicator.CompletionRate, 0.25, Direction.Higher),
            new(Indicator.Satisfaction, 0.25, Direction.Higher), new(Indicator.TraceCompleteness, 0.15, Direction.Higher),
            new(Indicator.EvaluationsReceived, 0.10, Direction.Higher),
        ];
        return new IndicatorSet(
            period,
            Enum.GetValues<PeerGroup>().ToDictionary(g => g, g => g == PeerGroup.Community ? community : provider));
    }
}
