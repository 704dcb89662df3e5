using RedYifang.Functions.Orders;
using static RedYifang.Rules.Tests.Orders.OrderWalk;

namespace RedYifang.Rules.Tests.Orders;

/// <summary>
/// The domain events each of Order's actions yields: exactly one per action (the claim included), of the action's
/// kind, carrying the order as it is afterwards, whose last history step is the transition (who, when, why).
/// </summary>
public sealed class OrderEventsTests
{
    private static void AssertStep(OrderEvent e, OrderState? from, OrderState to, string by, DateTimeOffset at, string? reason = null)
    {
        Assert.Equal(new HistoryEntry(from, to, by, at, reason), e.Step);
        Assert.Equal((to, at, at), (e.Order.State, e.Order.UpdatedAt, e.At));
    }

    [Fact]
    public void Submitting_yields_Submitted_with_the_owner_as_the_first_step()
    {
        var change = Submit();

        var e = Assert.IsType<OrderEvent.Submitted>(Assert.Single(change.Events));
        Assert.Same(change.Order, e.Order);
        AssertStep(e, null, OrderState.Submitted, Resident, T0);
        Assert.Equal(Resident, e.Order.OwnerId);
    }

    [Fact]
    public void Publishing_yields_Published()
    {
        var change = Submitted().Apply(OrderAction.Publish, Admin, At(10));

        var e = Assert.IsType<OrderEvent.Published>(Assert.Single(change.Events));
        Assert.Same(change.Order, e.Order);
        AssertStep(e, OrderState.Submitted, OrderState.Published, Admin, At(10));
    }

    [Fact]
    public void Rejecting_yields_Rejected_with_its_reason()
    {
        var change = Submitted().Apply(OrderAction.Reject, Admin, At(10), "不属于服务范围");

        var e = Assert.IsType<OrderEvent.Rejected>(Assert.Single(change.Events));
        AssertStep(e, OrderState.Submitted, OrderState.Rejected, Admin, At(10), "不属于服务范围");
    }

    [Fact]
    public void A_claim_yields_Claimed_and_leaves_the_order_published_with_no_new_step()
    {
        var first = new OrderClaim("org_u", "res_1", Liaison, At(15));
        var other = new OrderClaim("org_v", "res_9", "usr_v", At(16));
        var again = new OrderClaim("org_u", "res_2", Liaison, At(17));

        var change = Published().Claim(first);
        var e = Assert.IsType<OrderEvent.Claimed>(Assert.Single(change.Events));
        var later = change.Order.Claim(other).Order.Claim(again).Order;

        Assert.Equal(first, e.Claim);
        Assert.Equal((OrderState.Published, 2, At(15)), (e.Order.State, e.Order.History.Count, e.At));
        Assert.Equal([first], e.Order.Claims);
        // A unit's second claim replaces its first; another unit's stands.
        Assert.Equal([other, again], later.Claims);
    }

    [Fact]
    public void Matching_yields_Matched_with_the_agreement_binding_the_unit()
    {
        var change = Published().Match(Agreement);

        var e = Assert.IsType<OrderEvent.Matched>(Assert.Single(change.Events));
        Assert.Equal(Agreement, e.Agreement);
        Assert.Equal("org_u", e.Order.UnitId);
        AssertStep(e, OrderState.Published, OrderState.Matched, Admin, At(20));
    }

    [Fact]
    public void Declining_publishes_the_order_again_without_its_agreement_or_the_unit_s_claim()
    {
        var claimed = Published().Claim(new OrderClaim("org_u", "res_1", Liaison, At(15))).Order
            .Claim(new OrderClaim("org_v", "res_2", "usr_other", At(16))).Order;
        var agreed = claimed.Match(Agreement).Order.Apply(OrderAction.Agree, Liaison, At(30)).Order;

        var change = agreed.Decline(Liaison, At(35), "人手不足");

        var e = Assert.IsType<OrderEvent.Declined>(Assert.Single(change.Events));
        Assert.Equal(Agreement, e.HeldBy);
        Assert.Equal((null, null), (e.Order.Agreement, e.Order.UnitId));
        Assert.Equal(["org_v"], e.Order.Claims.Select(c => c.UnitId));
        AssertStep(e, OrderState.Agreed, OrderState.Published, Liaison, At(35), "人手不足");
        Assert.Throws<ArgumentException>(() => agreed.Apply(OrderAction.Decline, Liaison, At(35), "x"));
    }

    [Fact]
    public void Agreeing_and_starting_yield_Agreed_and_Started()
    {
        var agreed = Matched().Apply(OrderAction.Agree, Liaison, At(30));
        var started = agreed.Order.Apply(OrderAction.Start, Liaison, At(40));

        AssertStep(Assert.IsType<OrderEvent.Agreed>(Assert.Single(agreed.Events)), OrderState.Matched, OrderState.Agreed, Liaison, At(30));
        AssertStep(
            Assert.IsType<OrderEvent.Started>(Assert.Single(started.Events)), OrderState.Agreed, OrderState.InProgress, Liaison, At(40));
    }

    [Fact]
    public void The_first_completion_is_marked_first_and_dated_by_the_completion()
    {
        var change = InProgress().Complete(FirstCompletion, Liaison);

        var e = Assert.IsType<OrderEvent.Completed>(Assert.Single(change.Events));
        Assert.True(e.First);
        Assert.Equal(FirstCompletion, e.Order.Completion);
        AssertStep(e, OrderState.InProgress, OrderState.Completed, Liaison, At(50));
    }

    [Fact]
    public void Reopening_yields_Reopened_and_completing_again_is_not_first()
    {
        var reopened = Completed().Apply(OrderAction.Reopen, Admin, At(55), "照片不清晰");
        var again = reopened.Order.Complete(SecondCompletion, Liaison);

        var r = Assert.IsType<OrderEvent.Reopened>(Assert.Single(reopened.Events));
        AssertStep(r, OrderState.Completed, OrderState.InProgress, Admin, At(55), "照片不清晰");
        Assert.Equal(FirstCompletion, r.Order.Completion);   // the refused report stays on the order until the next one
        var c = Assert.IsType<OrderEvent.Completed>(Assert.Single(again.Events));
        Assert.False(c.First);
        Assert.Equal(SecondCompletion, c.Order.Completion);
        AssertStep(c, OrderState.InProgress, OrderState.Completed, Liaison, At(58));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Accepting_yields_Accepted_carrying_whether_the_evidence_was_verified(bool verified)
    {
        var change = Completed().Accept(Admin, At(60), verified);

        var e = Assert.IsType<OrderEvent.Accepted>(Assert.Single(change.Events));
        Assert.Equal(verified, e.EvidenceVerified);
        AssertStep(e, OrderState.Completed, OrderState.Accepted, Admin, At(60));
    }

    [Fact]
    public void Rating_yields_Rated_and_closes_the_order()
    {
        var change = Accepted().Rate(FourStars, Resident);

        var e = Assert.IsType<OrderEvent.Rated>(Assert.Single(change.Events));
        Assert.Equal(FourStars, e.Rating);
        Assert.Equal(FourStars, e.Order.Rating);
        AssertStep(e, OrderState.Accepted, OrderState.Closed, Resident, At(70));
    }

    [Theory]
    [InlineData(OrderState.Submitted, Resident, false, false)]   // never published: no lapse, nobody held it
    [InlineData(OrderState.Submitted, Admin, false, false)]
    [InlineData(OrderState.Published, Resident, false, true)]    // published: a lapse the community answers for
    [InlineData(OrderState.Published, Admin, false, true)]
    [InlineData(OrderState.Matched, Resident, true, true)]       // matched: the unit held it, whoever cancels
    [InlineData(OrderState.Matched, Admin, true, true)]
    [InlineData(OrderState.Agreed, Resident, true, true)]
    [InlineData(OrderState.Agreed, Admin, true, true)]
    public void Cancelling_yields_Cancelled_with_who_held_it_and_whether_it_was_published(
        OrderState from, string by, bool held, bool wasPublished)
    {
        var order = from switch
        {
            OrderState.Submitted => Submitted(),
            OrderState.Published => Published(),
            OrderState.Matched => Matched(),
            OrderState.Agreed => Agreed(),
            _ => throw new ArgumentOutOfRangeException(nameof(from)),
        };

        var change = order.Apply(OrderAction.Cancel, by, At(45), "不需要了");

        var e = Assert.IsType<OrderEvent.Cancelled>(Assert.Single(change.Events));
        Assert.Equal(held ? Agreement : null, e.HeldBy);
        Assert.Equal(wasPublished, e.WasPublished);
        Assert.Equal(held ? "org_u" : null, e.Order.UnitId);   // the agreement stays on the cancelled order
        AssertStep(e, from, OrderState.Cancelled, by, At(45), "不需要了");
    }

    [Fact]
    public void Expiring_yields_Expired()
    {
        var change = Published().Apply(OrderAction.Expire, "system", At(100), "无人认领，已过期");

        var e = Assert.IsType<OrderEvent.Expired>(Assert.Single(change.Events));
        AssertStep(e, OrderState.Published, OrderState.Expired, "system", At(100), "无人认领，已过期");
    }

    [Theory]
    [InlineData(OrderAction.Match)]
    [InlineData(OrderAction.Complete)]
    [InlineData(OrderAction.Accept)]
    [InlineData(OrderAction.Rate)]
    public void Actions_that_carry_data_are_refused_through_Apply(OrderAction action)
    {
        var e = Assert.Throws<ArgumentException>(() => Completed().Apply(action, Admin, At(60)));
        Assert.Equal("action", e.ParamName);
    }

    [Fact]
    public void A_change_followed_by_others_keeps_every_event_in_order()
    {
        var walk = Submit()
            .Then(o => o.Apply(OrderAction.Publish, Admin, At(10)))
            .Then(o => o.Match(Agreement))
            .Then(o => o.Apply(OrderAction.Agree, Liaison, At(30)))
            .Then(o => o.Apply(OrderAction.Start, Liaison, At(40)))
            .Then(o => o.Complete(FirstCompletion, Liaison))
            .Then(o => o.Apply(OrderAction.Reopen, Admin, At(55), "照片不清晰"))
            .Then(o => o.Complete(SecondCompletion, Liaison))
            .Then(o => o.Accept(Admin, At(60), evidenceVerified: false))
            .Then(o => o.Rate(FourStars, Resident));

        Assert.Equal(
            [
                typeof(OrderEvent.Submitted), typeof(OrderEvent.Published), typeof(OrderEvent.Matched), typeof(OrderEvent.Agreed),
                typeof(OrderEvent.Started), typeof(OrderEvent.Completed), typeof(OrderEvent.Reopened), typeof(OrderEvent.Completed),
                typeof(OrderEvent.Accepted), typeof(OrderEvent.Rated),
            ],
            walk.Events.Select(e => e.GetType()));
        Assert.Equal([true, false], walk.Events.OfType<OrderEvent.Completed>().Select(c => c.First));
        Assert.False(Assert.Single(walk.Events.OfType<OrderEvent.Accepted>()).EvidenceVerified);
        Assert.Equal(OrderState.Closed, walk.Order.State);
        Assert.Equal(10, walk.Order.History.Count);
    }
}
