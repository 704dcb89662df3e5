using System.Globalization;
using RedYifang.Functions.Evaluations;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Rules.Tests.Evaluations;

/// <summary>
/// A period's evaluation window (<see cref="EvaluationWindow"/>): open from the period's end for the option's days, both instants
/// midnight in China Standard Time (16:00 UTC the day before), whatever the period.
/// </summary>
public sealed class EvaluationWindowTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static EvaluationWindow W(string period, int days = 15) =>
        EvaluationWindow.Of(Period.TryParse(period, out var p) ? p : throw new ArgumentException(period), days);

    [Theory]
    [InlineData("2026-10", "2026-10-31T16:00:00Z", "2026-11-15T16:00:00Z")]
    [InlineData("2026-Q3", "2026-09-30T16:00:00Z", "2026-10-15T16:00:00Z")]
    [InlineData("2026", "2026-12-31T16:00:00Z", "2027-01-15T16:00:00Z")]
    [InlineData("2026-02", "2026-02-28T16:00:00Z", "2026-03-15T16:00:00Z")]
    [InlineData("2028-02", "2028-02-29T16:00:00Z", "2028-03-15T16:00:00Z")]
    public void A_window_opens_at_the_periods_end_and_closes_15_days_later_at_midnight_in_China(string period, string opens, string closes)
    {
        var w = W(period);
        Assert.Equal((Utc(opens), Utc(closes)), (w.OpensAt, w.ClosesAt));
        Assert.Equal(TimeSpan.Zero, ChinaTime.Of(w.ClosesAt).TimeOfDay);
    }

    [Theory]
    // The last tick of October in China: not open yet.
    [InlineData("2026-10-31T15:59:59.9999999Z", false, false)]
    // 1 November 00:00 in China (31 October in UTC): open.
    [InlineData("2026-10-31T16:00:00Z", true, false)]
    [InlineData("2026-11-15T15:59:59.9999999Z", true, false)]
    // 16 November 00:00 in China: closed.
    [InlineData("2026-11-15T16:00:00Z", false, true)]
    [InlineData("2027-05-01T00:00:00Z", false, true)]
    public void October_takes_evaluations_from_1_to_15_November_in_China(string now, bool open, bool closed)
    {
        var w = W("2026-10");
        Assert.Equal((open, closed), (w.IsOpenAt(Utc(now)), w.HasClosedAt(Utc(now))));
    }

    [Fact]
    public void The_window_is_the_options_length_and_is_summed_up_once_it_has_settled()
    {
        Assert.Equal(Utc("2026-11-01T16:00:00Z"), W("2026-10", 1).ClosesAt);
        Assert.Equal(Utc("2026-11-27T16:00:00Z"), W("2026-10", 27).ClosesAt);
        var w = W("2026-10");
        Assert.False(w.IsSettledAt(w.ClosesAt));
        Assert.False(w.IsSettledAt(w.ClosesAt + EvaluationWindow.Settle - TimeSpan.FromTicks(1)));
        Assert.True(w.IsSettledAt(w.ClosesAt + EvaluationWindow.Settle));
    }
}
