using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Problems;
using static RedYifang.Rules.Tests.Orders.OrderWalk;

namespace RedYifang.Rules.Tests.Orders;

/// <summary>The community's decision on a unit's claim (issue 17): Orders/Order.cs RejectClaim, Orders/ApproveClaim.cs.</summary>
public sealed class ClaimRulesTests
{
    private static Order Claimed() => Published().Claim(new OrderClaim("org_u", "res_1", Liaison, At(15))).Order
        .Claim(new OrderClaim("org_v", "res_2", "usr_v", At(16))).Order;

    [Fact]
    public void A_rejected_claim_is_dropped_the_order_stays_published_and_the_history_names_the_unit_and_reason()
    {
        var after = Claimed().RejectClaim("org_u", Admin, At(18), "资源不符").Order;
        Assert.Equal(OrderState.Published, after.State);
        Assert.Equal(["org_v"], after.Claims.Select(c => c.UnitId));
        Assert.Equal(new HistoryEntry(OrderState.Published, OrderState.Published, Admin, At(18), "驳回 org_u 的认领：资源不符"), after.History[^1]);
    }

    [Fact]
    public void Only_a_claim_of_a_published_order_is_decided()
    {
        Assert.Equal("invalid_reference",
            Assert.Throws<RuleViolationException>(() => Claimed().RejectClaim("org_w", Admin, At(18), "x")).Code);
        Assert.Equal("res_2", ApproveClaim.Claimed(Claimed(), "org_v").ResourceId);
        var matched = Claimed().Match(Agreement).Order;
        Assert.Equal("invalid_transition", Assert.Throws<InvalidTransitionException>(() => ApproveClaim.Claimed(matched, "org_u")).Code);
    }
}
