using RedYifang.Functions.Platform.Quotas;

namespace RedYifang.Rules.Tests.Platform.Quotas;

public sealed class HoldingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);

    private static Holdings.Item Item(string id, long weight, int minutesLeft) => new(id, weight, Now.AddMinutes(minutesLeft));

    [Fact]
    public void Holds_while_both_limits_allow()
    {
        var decision = Holdings.Hold([Item("a", 10, 5)], Item("b", 20, 10), Now, maxCount: 2, maxWeight: 30);
        Assert.Null(decision.Exceeded);
        Assert.Equal([Item("a", 10, 5), Item("b", 20, 10)], decision.Items);
    }

    [Fact]
    public void Over_the_count_it_says_when_the_first_item_runs_out()
    {
        var decision = Holdings.Hold([Item("a", 1, 7), Item("b", 1, 3)], Item("c", 1, 10), Now, maxCount: 2, maxWeight: 100);
        Assert.Equal(("count", TimeSpan.FromMinutes(3)), (decision.Exceeded, decision.RetryAfter));
        Assert.Null(decision.Items);
    }

    [Fact]
    public void Over_the_weight_it_says_when_enough_has_run_out()
    {
        // 60 + 30 + 20 held, limit 100: the new 40 fits once 50 have gone, i.e. the items running out at 2 and 4 minutes.
        var held = new[] { Item("a", 30, 2), Item("b", 20, 4), Item("c", 60, 9) };
        var decision = Holdings.Hold(held, Item("d", 40, 10), Now, maxCount: 10, maxWeight: 100);
        Assert.Equal(("weight", TimeSpan.FromMinutes(4)), (decision.Exceeded, decision.RetryAfter));
    }

    [Fact]
    public void Expired_items_and_an_earlier_hold_of_the_same_id_no_longer_count()
    {
        var held = new[] { Item("a", 50, 0), Item("b", 50, -1), Item("c", 50, 5) };
        var decision = Holdings.Hold(held, Item("c", 50, 10), Now, maxCount: 1, maxWeight: 50);
        Assert.Null(decision.Exceeded);
        Assert.Equal([Item("c", 50, 10)], decision.Items);
    }

    [Fact]
    public void A_release_drops_the_item_and_the_expired()
    {
        Assert.Equal([Item("c", 1, 5)], Holdings.Release([Item("a", 1, -1), Item("b", 1, 5), Item("c", 1, 5)], "b", Now));
    }
}
