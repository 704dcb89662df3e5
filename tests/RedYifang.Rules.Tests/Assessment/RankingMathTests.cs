using RedYifang.Functions.Assessment;

namespace RedYifang.Rules.Tests.Assessment;

public sealed class RankingMathTests
{
    private static Totals Served(int orders, decimal hours) =>
        Enumerable.Range(0, orders).Aggregate(Totals.Empty, (t, i) =>
            t.Add(new Fact($"o{i}|accepted", "u", FactKind.Accepted, DateTimeOffset.UnixEpoch, $"o{i}", true, hours / orders, 1)));

    [Fact]
    public void Scores_are_min_max_normalised_weighted_sums_with_a_stated_tie_break_and_ineligible_units_unranked()
    {
        IReadOnlyList<IndicatorWeight> weights =
            [new(Indicator.OrdersAccepted, 0.6, Direction.Higher), new(Indicator.ServiceHours, 0.4, Direction.Higher)];
        var members = new[]
        {
            new Candidate("org_a", "甲", PeerGroup.Agency, "s", Served(4, 10)),   // orders 4 → 1.0, hours 10 → 0.0 : 0.6
            new Candidate("org_b", "乙", PeerGroup.Agency, "s", Served(2, 20)),   // orders 2 → 0.0, hours 20 → 1.0 : 0.4
            new Candidate("org_c", "丙", PeerGroup.Agency, "s", Served(3, 15)),   // 0.5 × 0.6 + 0.5 × 0.4 = 0.5
            new Candidate("org_d", "丁", PeerGroup.Agency, "s", Served(3, 15)),   // same as 丙: tie → heaviest raw equal → id
            new Candidate("org_e", "戊", PeerGroup.Agency, "s", Totals.Empty),   // no participation: listed, not ranked
        };

        var ranked = RankingMath.Rank(PeerGroup.Agency, weights, members);

        Assert.Equal(["org_a", "org_c", "org_d", "org_b", "org_e"], ranked.Select(r => r.OrgId));
        Assert.Equal([1, 2, 3, 4, null], ranked.Select(r => r.Rank));
        Assert.Equal([0.6, 0.5, 0.5, 0.4], ranked.Take(4).Select(r => r.Score));
        Assert.False(ranked[4].Eligible);
        var c = ranked[1].Indicators;
        Assert.Equal((3.0, 0.5, 0.6, 0.3), (c[0].Raw, c[0].Normalised, c[0].Weight, c[0].Contribution));
    }

    [Fact]
    public void Lower_is_better_inverts_and_a_missing_response_time_counts_as_the_worst()
    {
        IReadOnlyList<IndicatorWeight> weights = [new(Indicator.MedianResponseTime, 1, Direction.Lower)];
        Totals Responding(params int[] minutes) => minutes.Aggregate(Totals.Empty, (t, m) =>
            t.Add(new Fact($"p{m}", "c", FactKind.Published, DateTimeOffset.UnixEpoch, $"p{m}", ResponseMinutes: m)));
        var ranked = RankingMath.Rank(PeerGroup.Community, weights,
        [
            new Candidate("org_fast", "快", PeerGroup.Community, null, Responding(30, 60, 90)),    // median 1 h → 1.0
            new Candidate("org_slow", "慢", PeerGroup.Community, null, Responding(300, 180)),      // median 4 h → 0.0
            new Candidate("org_none", "无", PeerGroup.Community, null, Totals.Empty),               // no data → 0
        ]);
        Assert.Equal(
            ["org_fast", "org_none", "org_slow"],
            ranked.Select(r => r.OrgId).Take(1).Concat(ranked.Skip(1).OrderBy(r => r.OrgId).Select(r => r.OrgId)));
        Assert.Equal(1.0, ranked[0].Score);
        Assert.Equal(RankingMath.NoData, ranked.Single(r => r.OrgId == "org_none").Indicators[0].Note);
        Assert.Null(ranked.Single(r => r.OrgId == "org_fast").Indicators[0].Note);
        Assert.All(ranked, r => Assert.True(r.Eligible));   // communities are not subject to the participation rule
    }

    [Fact]
    public void An_accepted_order_without_verified_evidence_does_not_count()
    {
        var t = Totals.Empty
            .Add(new Fact(
                "x|accepted",
                "u",
                FactKind.Accepted,
                DateTimeOffset.UnixEpoch,
                "x",
                EvidenceVerified: false,
                ServiceHours: 5,
                Beneficiaries: 9));
        Assert.Equal((1, 0, 0m, 0), (t.Accepted, t.AcceptedWithEvidence, t.ServiceHours, t.Beneficiaries));
        Assert.False(t.Participated);
        Assert.Equal(0, RankingMath.Raw(Indicator.OrdersAccepted, t));
        Assert.Equal(0, RankingMath.Raw(Indicator.TraceCompleteness, t));
    }

    [Fact]
    public void An_order_closed_unrated_is_counted_apart_and_moves_neither_satisfaction_nor_failures()
    {
        var rated = Totals.Empty.Add(new Fact("r|rated|u", "u", FactKind.Rated, DateTimeOffset.UnixEpoch, "r", Stars: 4));
        var t = rated.Add(new Fact("x|closedUnrated|u", "u", FactKind.ClosedUnrated, DateTimeOffset.UnixEpoch, "x"));
        Assert.Equal((1, 1, 4, 0, 0), (t.ClosedUnrated, t.Rated, t.StarsSum, t.Lapsed, t.Failures));
        Assert.Equal(RankingMath.Raw(Indicator.Satisfaction, rated), RankingMath.Raw(Indicator.Satisfaction, t));
        Assert.Equal(1, t.Plus(t).ClosedUnrated - 1);
    }

    [Theory]
    [InlineData("2026-11-30T15:59:59Z", "2026-11")]
    [InlineData("2026-11-30T16:00:00Z", "2026-12")]
    [InlineData("2026-11-30T16:30:00Z", "2026-12")]   // the example
    [InlineData("2026-12-31T15:59:59Z", "2026-12")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01")]
    public void Facts_belong_to_the_month_in_China_Standard_Time(string instant, string month) =>
        Assert.Equal(month, FactStore.MonthOf(DateTimeOffset.Parse(instant)));
}
