using System.Globalization;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Rules.Tests.Assessment;

/// <summary>
/// Which periods a nightly run refreshes (<see cref="AssessmentRuns.PeriodsAround"/>: the previous and current month,
/// quarter and year, in China Standard Time) and which of them it publishes as final (<see cref="AssessmentRuns.Finality(Period,
/// DateTimeOffset, int)"/>: those whose evaluation window has closed, docs/evaluations.md). The timer fires at 18:00 UTC, 02:00 the
/// next day in China.
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

    /// <summary>The default evaluation window (Evaluations:WindowDays).</summary>
    private const int Window = 15;

    [Theory]
    // The nightly run on the first of a month: the month just ended is still being evaluated (until the 16th), so it stays
    // provisional with the current ones; last quarter's and last year's windows closed long ago.
    [InlineData("2026-11-30T18:00:00Z", "2026-Q3 2025", "2026-11 2026-12 2026-Q4 2026")]
    // The night of 15 December: November's window closes at midnight, not yet.
    [InlineData("2026-12-14T18:00:00Z", "2026-Q3 2025", "2026-11 2026-12 2026-Q4 2026")]
    // The night of 16 December (02:00 in China): November's window closed two hours before, so November is final.
    [InlineData("2026-12-15T18:00:00Z", "2026-11 2026-Q3 2025", "2026-12 2026-Q4 2026")]
    // The run of 15 January: December, Q4 and 2026 are all still in their window.
    [InlineData("2027-01-14T18:00:00Z", "", "2026-12 2026-Q4 2026 2027-01 2027-Q1 2027")]
    // The run of 16 January finalises December, Q4 and the year together.
    [InlineData("2027-01-15T18:00:00Z", "2026-12 2026-Q4 2026", "2027-01 2027-Q1 2027")]
    public void A_run_finalises_the_periods_whose_evaluation_window_has_closed_and_the_rest_stay_provisional(
        string now, string final, string provisional)
    {
        var at = Utc(now);
        var periods = AssessmentRuns.PeriodsAround(at).ToList();

        Assert.Equal(final.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            periods.Where(p => AssessmentRuns.Finality(p, at, Window).Final).Select(p => p.Text));
        Assert.Equal(provisional.Split(' '), periods.Where(p => !AssessmentRuns.Finality(p, at, Window).Final).Select(p => p.Text));
    }

    [Theory]
    // November ends at 1 December 00:00 China time; its window closes 15 days later, 16 December 00:00 China time
    // (15 December 16:00 UTC): final from that instant on, not a tick earlier — and not at the period's end any more.
    [InlineData("2026-11", "2026-11-30T16:00:00Z", Window, false)]
    [InlineData("2026-11", "2026-12-15T15:59:59.9999999Z", Window, false)]
    [InlineData("2026-11", "2026-12-15T16:00:00Z", Window, true)]
    // Still 15 December in UTC, already the 16th 04:00 in China: final.
    [InlineData("2026-11", "2026-12-15T20:00:00Z", Window, true)]
    [InlineData("2026-Q4", "2027-01-15T15:59:59Z", Window, false)]
    [InlineData("2026-Q4", "2027-01-15T16:00:00Z", Window, true)]
    [InlineData("2026", "2027-01-15T16:00:00Z", Window, true)]
    [InlineData("2026", "2027-01-15T15:59:59Z", Window, false)]
    // February of a non-leap year ends on 1 March 00:00 China time, its window on the 16th.
    [InlineData("2026-02", "2026-03-15T15:59:59Z", Window, false)]
    [InlineData("2026-02", "2026-03-15T16:00:00Z", Window, true)]
    // A leap year's February has a 29th, and still ends on 1 March.
    [InlineData("2028-02", "2028-02-29T16:00:00Z", Window, false)]
    [InlineData("2028-02", "2028-03-15T16:00:00Z", Window, true)]
    // The window's length is the option's: one day, or the longest allowed, 27.
    [InlineData("2026-11", "2026-12-01T15:59:59Z", 1, false)]
    [InlineData("2026-11", "2026-12-01T16:00:00Z", 1, true)]
    [InlineData("2026-11", "2026-12-27T16:00:00Z", 27, true)]
    [InlineData("2026-11", "2026-12-27T15:59:59Z", 27, false)]
    public void A_period_is_final_once_its_evaluation_window_has_closed_in_China_time(string period, string now, int days, bool final) =>
        Assert.Equal(final, AssessmentRuns.Finality(P(period), Utc(now), days).Final);

    [Fact]
    public void A_final_ranking_is_dated_at_its_windows_close_and_a_provisional_one_at_the_run()
    {
        // The run two hours after November's window closed dates November's ranking 16 December 00:00 China time, December's at
        // the run.
        var run = Utc("2026-12-15T18:00:00Z");

        Assert.Equal((true, Utc("2026-12-15T16:00:00Z")), AssessmentRuns.Finality(P("2026-11"), run, Window));
        Assert.Equal((false, run), AssessmentRuns.Finality(P("2026-12"), run, Window));
        // A year-old period run today is still dated at its window's close, not today.
        Assert.Equal((true, Utc("2026-01-15T16:00:00Z")), AssessmentRuns.Finality(P("2025"), run, Window));
    }

    [Fact]
    public void Every_window_the_option_allows_closes_while_the_nightly_run_still_refreshes_its_period()
    {
        // Evaluations:WindowDays is at most 27 (Evaluations/EvaluationOptions.cs): a month's window closes within the month after
        // it, whose nightly runs (02:00 in China) still refresh it as the previous month, so one of them makes it final. With 28
        // days, January's would close on 1 March of a year that is not a leap year, when February is the previous month.
        var range = typeof(RedYifang.Functions.Evaluations.EvaluationOptions).GetProperty("WindowDays")!
            .GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.RangeAttribute), false)
            .Cast<System.ComponentModel.DataAnnotations.RangeAttribute>().Single();
        Assert.Equal((1, 27), ((int)range.Minimum, (int)range.Maximum));

        bool FinalisedByANightlyRun(Period period, int days)
        {
            // The first nightly run after the window's close (always at midnight in China).
            var run = RedYifang.Functions.Evaluations.EvaluationWindow.Of(period, days).ClosesAt.AddHours(2);
            return AssessmentRuns.PeriodsAround(run).Any(p => p.Text == period.Text) && AssessmentRuns.Finality(period, run, days).Final;
        }

        var periods = Enumerable.Range(0, 7 * 12).Select(m => P($"{2024 + (m / 12)}-{(m % 12) + 1:00}"))
            .Concat(Enumerable.Range(0, 7 * 4).Select(q => P($"{2024 + (q / 4)}-Q{(q % 4) + 1}")))
            .Concat(Enumerable.Range(2024, 7).Select(y => P($"{y}")))
            .ToList();
        for (var days = 1; days <= 27; days++)
        {
            Assert.All(periods, p => Assert.True(FinalisedByANightlyRun(p, days), $"{p.Text} with {days} days"));
        }
        Assert.Contains(periods, p => !FinalisedByANightlyRun(p, 28));
    }
}
