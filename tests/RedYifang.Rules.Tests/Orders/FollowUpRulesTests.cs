using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Problems;
using static RedYifang.Rules.Tests.Orders.OrderWalk;

namespace RedYifang.Rules.Tests.Orders;

/// <summary>The resident's follow-up and the closing of unrated orders (issue 17): Orders/Order.cs, Orders/OrderLifecycle.cs.</summary>
public sealed class FollowUpRulesTests
{
    private const int Days = 7;
    private static readonly DateTimeOffset AcceptedAt = At(60);

    private static string Refusal(Order order, DateTimeOffset at) =>
        Assert.Throws<InvalidTransitionException>(() => order.FollowUpBy(true, null, Resident, at, Days)).Code;

    [Fact]
    public void The_follow_up_opens_the_given_days_after_acceptance_and_not_a_tick_before()
    {
        Assert.Equal("follow_up_not_due", Refusal(Accepted(), AcceptedAt.AddDays(Days).AddTicks(-1)));
        Assert.Equal(OrderState.Accepted, Accepted().FollowUpBy(true, null, Resident, AcceptedAt.AddDays(Days), Days).Order.State);
    }

    [Fact]
    public void Fixed_keeps_the_order_accepted_with_the_answer_and_no_transition()
    {
        var at = AcceptedAt.AddDays(8);
        var change = Accepted().FollowUpBy(true, "灯修好了", Resident, at, Days);
        Assert.Equal((OrderState.Accepted, 7), (change.Order.State, change.Order.History.Count));   // no step added
        Assert.Equal(new OrderFollowUp(true, "灯修好了", Resident, at), change.Order.FollowUp);
        Assert.IsType<OrderEvent.Confirmed>(Assert.Single(change.Events));
        Assert.Equal("follow_up_done", Refusal(change.Order, at.AddDays(1)));
    }

    [Fact]
    public void Not_fixed_sends_it_back_in_progress_to_its_unit_with_the_words_in_the_history_once()
    {
        var at = AcceptedAt.AddDays(9);
        var change = Accepted().FollowUpBy(false, "又坏了", Resident, at, Days);
        var order = change.Order;
        Assert.Equal((OrderState.InProgress, "org_u"), (order.State, order.UnitId));
        Assert.Equal(new HistoryEntry(OrderState.Accepted, OrderState.InProgress, Resident, at, "居民回访：问题未解决。又坏了"), order.History[^1]);
        Assert.True(Assert.IsType<OrderEvent.Reopened>(Assert.Single(change.Events)).ByResident);
        // Completed and accepted again: a second follow-up is refused, and the second acceptance is not the first.
        var again = order.Complete(SecondCompletion with { At = at.AddDays(1) }, Liaison).Order.Accept(Admin, at.AddDays(2), true);
        Assert.False(Assert.IsType<OrderEvent.Accepted>(Assert.Single(again.Events)).First);
        Assert.Equal(at.AddDays(2), again.Order.AcceptedAt);
        Assert.Equal("follow_up_done", Refusal(again.Order, at.AddDays(30)));
        Assert.True(Assert.IsType<OrderEvent.Accepted>(Assert.Single(Completed().Accept(Admin, AcceptedAt, true).Events)).First);
    }

    [Fact]
    public void Only_an_accepted_order_is_followed_up()
    {
        Assert.Equal("invalid_transition", Refusal(Completed(), AcceptedAt.AddDays(30)));
        var rated = Accepted().Rate(FourStars, Resident).Order;
        Assert.Equal("invalid_transition", Refusal(rated, AcceptedAt.AddDays(30)));
    }

    [Fact]
    public void An_accepted_order_closes_unrated_the_given_days_after_its_last_acceptance_by_the_system_with_the_reason()
    {
        Assert.False(OrderLifecycle.ClosesUnrated(Accepted(), AcceptedAt.AddDays(30).AddTicks(-1), 30));
        Assert.True(OrderLifecycle.ClosesUnrated(Accepted(), AcceptedAt.AddDays(30), 30));
        Assert.False(OrderLifecycle.ClosesUnrated(Accepted().Rate(FourStars, Resident).Order, AcceptedAt.AddDays(90), 30));
        var change = Accepted().CloseUnrated(AcceptedAt.AddDays(31), 30);
        Assert.Equal((OrderState.Closed, null), (change.Order.State, change.Order.Rating));
        Assert.Equal(new HistoryEntry(OrderState.Accepted, OrderState.Closed, "system", AcceptedAt.AddDays(31), "验收后 30 天未评价，自动关闭"),
            change.Order.History[^1]);
        Assert.IsType<OrderEvent.ClosedUnrated>(Assert.Single(change.Events));
    }
}
