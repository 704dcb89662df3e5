using RedYifang.Functions.Platform.Quotas;

namespace RedYifang.Rules.Tests.Platform.Quotas;

public sealed class DailyCountTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void Counts_up_to_the_limit_and_refuses_the_next()
    {
        DailyCount? count = null;
        for (var i = 1; i <= 3; i++)
        {
            count = DailyCount.Take(count, Today, 3);
            Assert.Equal(new DailyCount(Today, i), count);
        }
        Assert.Null(DailyCount.Take(count, Today, 3));
    }

    [Fact]
    public void A_count_of_another_day_starts_over()
    {
        Assert.Equal(new DailyCount(Today, 1), DailyCount.Take(new DailyCount(Today.AddDays(-1), 3), Today, 3));
    }

    [Fact]
    public void A_return_gives_one_back_today_only_and_never_below_zero()
    {
        Assert.Equal(new DailyCount(Today, 2), DailyCount.Return(new DailyCount(Today, 3), Today));
        Assert.Null(DailyCount.Return(new DailyCount(Today.AddDays(-1), 3), Today));
        Assert.Null(DailyCount.Return(new DailyCount(Today, 0), Today));
        Assert.Null(DailyCount.Return(null, Today));
    }

    [Theory]
    [InlineData("2026-11-30T04:00:00Z", 12 * 3600)]          // noon in China: 12 hours to midnight
    [InlineData("2026-11-30T15:59:59Z", 1)]                  // a second before midnight in China
    [InlineData("2026-11-30T16:00:00Z", 24 * 3600)]          // midnight in China, though UTC is still the 30th
    public void The_day_ends_at_midnight_in_China(string now, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), DailyCount.UntilTomorrow(DateTimeOffset.Parse(now)));
    }
}
