using RedYifang.Functions.Agreements;
using static RedYifang.Rules.Tests.Agreements.AgreementWalk;

namespace RedYifang.Rules.Tests.Agreements;

/// <summary>
/// The overlap rule: an active agreement may not share a day with another active agreement of the same pair. Terms are whole
/// days, both ends included, so a renewal starting the day after the old term ends is no overlap.
/// </summary>
public sealed class OverlapRuleTests
{
    private static AgreementTerm Term(string from, string to) => new(DateOnly.Parse(from, null), DateOnly.Parse(to, null));

    [Theory]
    [InlineData("2026-01-01", "2026-12-31", "2027-01-01", "2027-12-31", false)]   // the day after: a renewal
    [InlineData("2026-01-01", "2026-12-31", "2026-12-31", "2027-12-31", true)]    // one shared day
    [InlineData("2026-01-01", "2026-12-31", "2025-01-01", "2026-01-01", true)]
    [InlineData("2026-01-01", "2026-12-31", "2026-03-01", "2026-04-01", true)]    // inside
    [InlineData("2026-03-01", "2026-04-01", "2026-01-01", "2026-12-31", true)]    // around
    [InlineData("2026-01-01", "2026-12-31", "2025-01-01", "2025-12-31", false)]   // the year before
    public void Terms_overlap_when_they_share_a_day(string from1, string to1, string from2, string to2, bool overlap)
    {
        Assert.Equal(overlap, Term(from1, to1).Overlaps(Term(from2, to2)));
        Assert.Equal(overlap, Term(from2, to2).Overlaps(Term(from1, to1)));
    }

    [Fact]
    public void The_pair_names_the_active_agreement_a_term_overlaps_and_never_the_agreement_itself()
    {
        var a = Active();
        var pair = PairTerms.None.With(a);

        Assert.Equal(new PairTerms.Entry("cba_1", a.Term), pair.Overlapping(null, Term("2026-06-01", "2027-05-31")));
        Assert.Equal(new PairTerms.Entry("cba_1", a.Term), pair.Overlapping("cba_2", a.Term));
        Assert.Null(pair.Overlapping("cba_1", a.Term));                                   // re-entering itself
        Assert.Null(pair.Overlapping(null, Term("2027-01-01", "2027-12-31")));
        Assert.Null(pair.Without("cba_1").Overlapping(null, a.Term));                     // terminated or expired: free again
        Assert.Single(pair.With(a).Active);                                               // entered once
    }
}
