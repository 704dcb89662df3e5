using System.Globalization;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Rules.Tests.Assessment;

/// <summary>
/// Which periods a nightly run refreshes (<see cref="AssessmentRuns.PeriodsAround"/>: the previous and current month,
/// quarter and year, in China Standard Time) and which of them it publishes as final (<see cref="AssessmentRuns.Finality"/>:
/// those that have ended). The timer fires at 18:00 UTC, 02:00 the next day in China.
/// </summary>
public sealed class RunPeriodsTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static Period P(string text) => Period.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    [Theory]
    // Mid-month: 15 November 12:00 in China.
    [InlineData("2026-11-15T04:00:00Z", "2026-10 2026-Q3 2025 2026-11 2026-Q4 2026")]
    // The last second of November in China (15:59:59 UTC) is still November…
    [InlineData("2026-11-30T15:59:59Z", "2026-10 2026-Q3 2025 2026-11 2026-Q4 2026")]
    // …and 16:00 UTC the same day is 1 December 00:00 in China: November becomes the previous month.
    [InlineData("2026-11-30T16:00:00Z", "2026-11 2026-Q3 2025 2026-12 2026-Q4 2026")]
    // The nightly run of 1 December (18:00 UTC on 30 November), though it is still November in UTC.
    [InlineData("2026-11-30T18:00:00Z", "2026-11 2026-Q3 2025 2026-12 2026-Q4 2026")]
    // The first night of a quarter: 1 April 02:00 in China.
    [InlineData("2026-03-31T18:00:00Z", "2026-03 2026-Q1 2025 2026-04 2026-Q2 2026")]
    // 31 March: the previous month is February (not an overflow into March), the previous quarter last year's Q4.
    [InlineData("2026-03-31T04:00:00Z", "2026-02 2025-Q4 2025 2026-03 2026-Q1 2026")]
    // 31 May: the previous quarter is reckoned from 28 February, Q1.
    [InlineData("2026-05-31T04:00:00Z", "2026-04 2026-Q1 2025 2026-05 2026-Q2 2026")]
    // New Year's Eve, 23:59:59 in China.
    [InlineData("2026-12-31T15:59:59Z", "2026-11 2026-Q3 2025 2026-12 2026-Q4 2026")]
    // New Year in China (still 31 December in UTC): December, Q4 and 2026 all become the previous periods.
    [InlineData("2026-12-31T16:00:00Z", "2026-12 2026-Q4 2026 2027-01 2027-Q1 2027")]
    // Mid-January: the previous month and quarter are last year's.
    [InlineData("2027-01-15T04:00:00Z", "2026-12 2026-Q4 2026 2027-01 2027-Q1 2027")]
    public void A_run_refreshes_the_previous_and_current_month_quarter_and_year_in_China_time(string now, string expected) =>
        Assert.Equal(expected.Split(' '), AssessmentRuns.PeriodsAround(Utc(now)).Select(p => p.Text));

    [Theory]
    // The nightly run on the first of a month finalises the month just ended; the current ones stay provisional.
    [InlineData("2026-11-30T18:00:00Z", "2026-11 2026-Q3 2025", "2026-12 2026-Q4 2026")]
    // The run of the first of a quarter finalises the month and the quarter.
    [InlineData("2026-09-30T18:00:00Z", "2026-09 2026-Q3 2025", "2026-10 2026-Q4 2026")]
    // The first run of the year finalises December, Q4 and the year.
    [InlineData("2026-12-31T18:00:00Z", "2026-12 2026-Q4 2026", "2027-01 2027-Q1 2027")]
    // The night before, 30 November 02:00 in China: November is still provisional.
    [InlineData("2026-11-29T18:00:00Z", "2026-10 2026-Q3 2025", "2026-11 2026-Q4 2026")]
    public void A_run_finalises_the_periods_that_have_ended_and_the_current_ones_stay_provisional(
        string now, string final, string provisional)
    {
        var at = Utc(now);
        var periods = AssessmentRuns.PeriodsAround(at).ToList();

        Assert.Equal(final.Split(' '), periods.Where(p => AssessmentRuns.Finality(p, at).Final).Select(p => p.Text));
        Assert.Equal(provisional.Split(' '), periods.Where(p => !AssessmentRuns.Finality(p, at).Final).Select(p => p.Text));
    }

    [Theory]
    // November ends at 1 December 00:00 China time, 30 November 16:00 UTC: final from that instant on, not a tick earlier.
    [InlineData("2026-11", "2026-11-30T15:59:59.9999999Z", false)]
    [InlineData("2026-11", "2026-11-30T16:00:00Z", true)]
    // Still November in UTC, already 1 December 04:00 in China: final.
    [InlineData("2026-11", "2026-11-30T20:00:00Z", true)]
    [InlineData("2026-Q4", "2026-12-31T15:59:59Z", false)]
    [InlineData("2026-Q4", "2026-12-31T16:00:00Z", true)]
    [InlineData("2026", "2026-12-31T16:00:00Z", true)]
    [InlineData("2026", "2026-12-31T15:59:59Z", false)]
    // February of a non-leap year ends on 1 March 00:00 China time.
    [InlineData("2026-02", "2026-02-28T15:59:59Z", false)]
    [InlineData("2026-02", "2026-02-28T16:00:00Z", true)]
    // A leap year's February has a 29th.
    [InlineData("2028-02", "2028-02-28T16:00:00Z", false)]
    [InlineData("2028-02", "2028-02-29T16:00:00Z", true)]
    public void A_period_is_final_from_its_end_in_China_time(string period, string now, bool final) =>
        Assert.Equal(final, AssessmentRuns.Finality(P(period), Utc(now)).Final);

    [Fact]
    public void A_final_ranking_is_dated_at_the_periods_end_and_a_provisional_one_at_the_run()
    {
        // The run two hours after November's end dates November's ranking 1 December 00:00 China time, December's at the run.
        var run = Utc("2026-11-30T18:00:00Z");

        Assert.Equal((true, Utc("2026-11-30T16:00:00Z")), AssessmentRuns.Finality(P("2026-11"), run));
        Assert.Equal((false, run), AssessmentRuns.Finality(P("2026-12"), run));
        // A year-old period run today is still dated at its end, not today.
        Assert.Equal((true, Utc("2025-12-31T16:00:00Z")), AssessmentRuns.Finality(P("2025"), run));
    }
}
