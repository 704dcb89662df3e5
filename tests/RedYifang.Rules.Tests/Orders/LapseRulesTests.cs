using RedYifang.Functions.Orders;
using static RedYifang.Rules.Tests.Orders.OrderWalk;

namespace RedYifang.Rules.Tests.Orders;

/// <summary>A match its unit leaves unanswered goes back to the pool (issue 17): Orders/OrderLifecycle.cs, Orders/Order.cs.</summary>
public sealed class LapseRulesTests
{
    private const int Days = 3;

    [Fact]
    public void A_matched_order_lapses_the_given_days_after_its_match_and_not_a_tick_before()
    {
        Assert.False(OrderLifecycle.LapsesUnanswered(Matched(), Agreement.At.AddDays(Days).AddTicks(-1), Days));
        Assert.True(OrderLifecycle.LapsesUnanswered(Matched(), Agreement.At.AddDays(Days), Days));
    }

    [Fact]
    public void Only_an_unanswered_match_lapses()
    {
        var late = Agreement.At.AddDays(90);
        Assert.False(OrderLifecycle.LapsesUnanswered(Published(), late, Days));
        Assert.False(OrderLifecycle.LapsesUnanswered(Agreed(), late, Days));       // the unit answered
        Assert.False(OrderLifecycle.LapsesUnanswered(InProgress(), late, Days));
    }

    [Fact]
    public void A_lapse_is_the_systems_decline_with_the_reason_published_again_without_the_agreement()
    {
        var at = Agreement.At.AddDays(Days);
        var change = Matched().Decline("system", at, OrderLifecycle.LapseReason(Days));
        Assert.Equal((OrderState.Published, null), (change.Order.State, change.Order.Agreement));
        Assert.Equal(new HistoryEntry(OrderState.Matched, OrderState.Published, "system", at, "单位 3 天内未确认接单，已退回重新匹配"),
            change.Order.History[^1]);
        Assert.Equal(Agreement, Assert.IsType<OrderEvent.Declined>(Assert.Single(change.Events)).HeldBy);
    }
}
