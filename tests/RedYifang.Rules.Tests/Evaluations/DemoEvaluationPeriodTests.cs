using System.Globalization;
using RedYifang.Functions.Demo;

namespace RedYifang.Rules.Tests.Evaluations;

/// <summary>Which month the demo evaluates (<see cref="DemoEvaluations.PeriodAt"/>): the latest whose window closed an hour before the load.</summary>
public sealed class DemoEvaluationPeriodTests
{
    [Theory]
    [InlineData("2026-05-20T04:00:00Z", "2026-04")]          // the demo tier's load (DemoApp.Now): April's window closed on 16 May
    [InlineData("2026-11-30T13:00:00Z", "2026-10")]
    [InlineData("2026-12-05T02:00:00Z", "2026-10")]          // November's window is still open: the month before
    [InlineData("2026-12-15T16:59:59Z", "2026-10")]          // 16 December 00:59:59 in China
    [InlineData("2026-12-15T17:00:00Z", "2026-11")]          // an hour after November's close
    [InlineData("2027-01-03T02:00:00Z", "2026-11")]
    public void The_demo_evaluates_the_latest_month_whose_window_has_closed(string load, string month) =>
        Assert.Equal(month, DemoEvaluations.PeriodAt(DateTimeOffset.Parse(load, CultureInfo.InvariantCulture), 15).Text);
}
