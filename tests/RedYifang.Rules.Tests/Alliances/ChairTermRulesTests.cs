using RedYifang.Functions.Alliances;
using RedYifang.Functions.Platform.Problems;
using static RedYifang.Rules.Tests.Alliances.AllianceSample;

namespace RedYifang.Rules.Tests.Alliances;

/// <summary>
/// Chair terms (轮值主席): both days included, so terms that share a day overlap and back-to-back ones do not; the terms are kept
/// in order of their first day; the chair on a day is the term covering it; a unit chairs "from" a day while a term of its ends
/// on or after it; the request's dates and length.
/// </summary>
public sealed class ChairTermRulesTests
{
    private static readonly ChairTerms FirstHalf = ChairTerms.None.With(Term("u1", Day(2026, 1, 1), Day(2026, 6, 30)));

    [Theory]
    [InlineData("2026-06-30", "2026-12-31", true)]        // shares the last day
    [InlineData("2025-07-01", "2026-01-01", true)]        // shares the first day
    [InlineData("2026-03-01", "2026-03-01", true)]        // one day inside
    [InlineData("2025-01-01", "2027-01-01", true)]        // around it
    [InlineData("2026-07-01", "2026-12-31", false)]       // the day after
    [InlineData("2025-07-01", "2025-12-31", false)]       // the day before
    public void Terms_overlap_when_they_share_a_day(string from, string to, bool overlaps)
    {
        var found = FirstHalf.Overlapping(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(overlaps, found is not null);
        if (overlaps) Assert.Equal("u1", found!.UnitId);
    }

    [Fact]
    public void Terms_are_kept_by_their_first_day_and_the_chair_on_a_day_is_the_term_covering_it()
    {
        var terms = FirstHalf.With(Term("u3", Day(2027, 1, 1), Day(2027, 6, 30))).With(Term("u2", Day(2026, 7, 1), Day(2026, 12, 31)));

        Assert.Equal(["u1", "u2", "u3"], terms.Terms.Select(t => t.UnitId));
        Assert.Equal("u1", terms.On(Day(2026, 6, 30))?.UnitId);
        Assert.Equal("u2", terms.On(Day(2026, 7, 1))?.UnitId);
        Assert.Null(terms.On(Day(2027, 7, 1)));
        Assert.Null(ChairTerms.None.On(Day(2026, 1, 1)));
    }

    [Fact]
    public void A_unit_chairs_from_a_day_while_a_term_of_its_ends_on_or_after_it()
    {
        Assert.True(FirstHalf.ChairsFrom("u1", Day(2026, 6, 30)));
        Assert.True(FirstHalf.ChairsFrom("u1", Day(2025, 1, 1)));          // a term still ahead
        Assert.False(FirstHalf.ChairsFrom("u1", Day(2026, 7, 1)));         // its term is over
        Assert.False(FirstHalf.ChairsFrom("u2", Day(2026, 3, 1)));
    }

    [Theory]
    [InlineData("2026-01-01", "2026-01-01", null)]
    [InlineData("2026-01-01", "2028-12-31", null)]
    [InlineData("2026-01-01", "2029-01-01", "to")]         // three years and more
    [InlineData("2026-01-02", "2026-01-01", "to")]         // before from
    [InlineData("2026-1-1", "2026-12-31", "from")]
    [InlineData("1999-12-31", "2000-01-01", "from")]
    [InlineData("2026-01-01", null, "to")]
    public void The_request_needs_two_days_in_order_and_under_three_years(string? from, string? to, string? badField)
    {
        var request = new AddChairTerm.Request("org_u1", from, to);
        if (badField is null)
        {
            Assert.Equal("org_u1", AddChairTerm.Validate(request).UnitId);
            return;
        }
        var refused = Assert.Throws<ValidationFailedException>(() => AddChairTerm.Validate(request));
        Assert.Equal([badField], refused.Errors!.Keys);
    }
}
