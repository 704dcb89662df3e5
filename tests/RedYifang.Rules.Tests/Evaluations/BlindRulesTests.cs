using System.Globalization;
using RedYifang.Functions.Evaluations;
using RedYifang.Functions.Organisations;

namespace RedYifang.Rules.Tests.Evaluations;

/// <summary>
/// The blind rule (<see cref="BlindRules"/>): a count and a mean only with three evaluators or more, the mean with two decimals
/// rounded half away from zero in decimal arithmetic, and what a closed window sums up to.
/// </summary>
public sealed class BlindRulesTests
{
    [Theory]
    [InlineData(266, 3, "88.67")]       // 88.666…
    [InlineData(240, 3, "80.00")]       // always two places
    [InlineData(241, 3, "80.33")]
    [InlineData(641, 8, "80.13")]       // 80.125: half away from zero, not to even (80.12)
    [InlineData(3009, 40, "75.23")]     // 75.225: in binary floating point just below, which rounds to 75.22
    [InlineData(300, 3, "100.00")]
    [InlineData(0, 5, "0.00")]
    public void The_mean_has_two_decimals_rounded_half_away_from_zero(int sum, int count, string mean) =>
        Assert.Equal(mean, BlindRules.Mean(sum, count).ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void A_double_would_round_75_225_down_which_is_why_the_mean_is_decimal() =>
        Assert.Equal(75.22, Math.Round(3009 / 40.0, 2, MidpointRounding.AwayFromZero));

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(40, true)]
    public void Three_evaluators_or_more_may_be_revealed(int evaluators, bool reveal) =>
        Assert.Equal(reveal, BlindRules.MayReveal(evaluators));

    private static Evaluation E(string evaluator, OrgKind evaluatorKind, string subject, int score) => new()
    {
        Id = $"evl_{evaluator}-{subject}", DistrictId = "org_d", Period = "2026-10", EvaluatorOrgId = evaluator,
        EvaluatorKind = evaluatorKind, EvaluatorPath = ["org_d", evaluator], SubjectOrgId = subject, SubjectKind = OrgKind.Community,
        SubjectPath = ["org_d", subject],
        Score = score, Opinion = "意见", SubmittedBy = "usr_x", SubmittedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void A_closed_window_sums_up_each_organisation_with_scores_only_from_three_evaluators()
    {
        var summary = BlindRules.Summarise(
        [
            E("org_u1", OrgKind.Unit, "org_c1", 90), E("org_u2", OrgKind.Unit, "org_c1", 80),
            E("org_u3", OrgKind.VolunteerTeam, "org_c1", 71),
            E("org_u1", OrgKind.Unit, "org_c2", 60), E("org_u2", OrgKind.Unit, "org_c2", 100),
            E("org_s1", OrgKind.Street, "org_u9", 95), E("org_c1", OrgKind.Community, "org_u9", 85),
        ]);

        Assert.Equal(
            [
                new ReceivedSummary("org_c1", 3, 241, []),
                new ReceivedSummary("org_c2", 2, null, []),              // two evaluators: no sum leaves Evaluations
                new ReceivedSummary("org_u9", 2, null, ["org_c1", "org_s1"]),
            ],
            summary.Select(s => s with { OpinionsFrom = [.. s.OpinionsFrom] }),
            new SummaryComparer());
    }

    private sealed class SummaryComparer : IEqualityComparer<ReceivedSummary>
    {
        public bool Equals(ReceivedSummary? x, ReceivedSummary? y) =>
            x is not null && y is not null && (x.OrgId, x.Evaluators, x.ScoreSum) == (y.OrgId, y.Evaluators, y.ScoreSum)
            && x.OpinionsFrom.SequenceEqual(y.OpinionsFrom);

        public int GetHashCode(ReceivedSummary obj) => obj.OrgId.GetHashCode(StringComparison.Ordinal);
    }
}
