using static RedYifang.Rules.Tests.Activities.ActivityWalk;

namespace RedYifang.Rules.Tests.Activities;

/// <summary>The check-in window: from 30 minutes before the start to 30 minutes after the end, both ends included; and the capacity.</summary>
public sealed class CheckinWindowTests
{
    [Fact]
    public void Check_in_opens_30_minutes_before_the_start_and_closes_30_minutes_after_the_end()
    {
        var activity = Scheduled();

        Assert.Equal((Min(-30), End.AddMinutes(30)), (activity.CheckinOpensAt, activity.CheckinClosesAt));
        Assert.False(activity.IsCheckinOpen(Min(-30).AddTicks(-1)));
        Assert.True(activity.IsCheckinOpen(Min(-30)));
        Assert.True(activity.IsCheckinOpen(Min(60)));
        Assert.True(activity.IsCheckinOpen(End.AddMinutes(30)));
        Assert.False(activity.IsCheckinOpen(End.AddMinutes(30).AddTicks(1)));
    }

    [Fact]
    public void With_a_capacity_of_three_a_fourth_has_no_place_and_without_one_everyone_has()
    {
        var activity = Scheduled();

        Assert.Equal([true, true, true, false, false], Enumerable.Range(0, 5).Select(activity.HasPlaceAfter));
        Assert.True((activity with { Capacity = null }).HasPlaceAfter(10_000));
    }
}
