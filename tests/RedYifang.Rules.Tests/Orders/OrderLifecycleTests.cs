using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Rules.Tests.Orders;

public sealed class OrderLifecycleTests
{
    private static readonly Dictionary<OrderAction, (OrderState[] From, OrderState To)> Expected = new()
    {
        [OrderAction.Publish] = ([OrderState.Submitted], OrderState.Published),
        [OrderAction.Reject] = ([OrderState.Submitted], OrderState.Rejected),
        [OrderAction.Cancel] = ([OrderState.Submitted, OrderState.Published, OrderState.Matched, OrderState.Agreed], OrderState.Cancelled),
        [OrderAction.Match] = ([OrderState.Published], OrderState.Matched),
        [OrderAction.Agree] = ([OrderState.Matched], OrderState.Agreed),
        [OrderAction.Start] = ([OrderState.Agreed], OrderState.InProgress),
        [OrderAction.Complete] = ([OrderState.InProgress], OrderState.Completed),
        [OrderAction.Accept] = ([OrderState.Completed], OrderState.Accepted),
        [OrderAction.Reopen] = ([OrderState.Completed], OrderState.InProgress),
        [OrderAction.Rate] = ([OrderState.Accepted], OrderState.Closed),
        [OrderAction.Expire] = ([OrderState.Published], OrderState.Expired),
        [OrderAction.Decline] = ([OrderState.Matched, OrderState.Agreed], OrderState.Published),
        [OrderAction.FollowUpReopen] = ([OrderState.Accepted], OrderState.InProgress),
        [OrderAction.CloseUnrated] = ([OrderState.Accepted], OrderState.Closed),
    };

    public static TheoryData<OrderAction, OrderState> EveryPair()
    {
        var data = new TheoryData<OrderAction, OrderState>();
        foreach (var action in Enum.GetValues<OrderAction>())
        foreach (var state in Enum.GetValues<OrderState>())
        {
            data.Add(action, state);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_action_in_every_state_is_either_the_documented_transition_or_409(OrderAction action, OrderState from)
    {
        var (allowed, to) = Expected[action];
        if (allowed.Contains(from))
        {
            Assert.Equal(to, OrderLifecycle.Target(action, from));
        }
        else
        {
            var problem = Assert.Throws<InvalidTransitionException>(() => OrderLifecycle.Target(action, from));
            Assert.Equal("invalid_transition", problem.Code);
        }
    }

    [Fact]
    public void The_owner_adds_photos_only_while_the_order_is_submitted_or_published() =>
        Assert.Equal(
            [OrderState.Submitted, OrderState.Published],
            Enum.GetValues<OrderState>().Where(OrderLifecycle.OwnerAddsPhotosIn));

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("0431-85551234", "*********1234")]
    public void Phones_are_masked(string phone, string masked) => Assert.Equal(masked, PhoneMask.Mask(phone));
}
