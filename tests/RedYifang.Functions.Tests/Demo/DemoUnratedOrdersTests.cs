using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Orders;

namespace RedYifang.Functions.Tests.Demo;

/// <summary>
/// Issue 17's example: the demo's accepted order ord_demo-s2-c3-demo007 stayed accepted for ever. Here it is checked against
/// the closing timer's own rule on the demo as loaded (<see cref="DemoApp.Now"/>) without running the timer, which would close
/// the other accepted demo orders too and change the figures the other demo tests check.
/// </summary>
[Collection(Slices.Demo)]
public sealed class DemoUnratedOrdersTests(DemoApp demo)
{
    [Fact]
    public async Task The_issues_accepted_demo_order_is_due_to_close_unrated_when_the_closing_timer_runs()
    {
        var order = (await demo.App.Services.GetRequiredService<OrderStore>().FindAsync("ord_demo-s2-c3-demo007"))!.Order;
        var days = demo.App.Services.GetRequiredService<IOptions<OrderOptions>>().Value.CloseUnratedAfterDays;

        Assert.Equal((OrderState.Accepted, null), (order.State, order.Rating));
        Assert.True(OrderLifecycle.ClosesUnrated(order, DemoApp.Now, days), $"accepted {order.AcceptedAt:O}, {days} days");
        var closed = order.CloseUnrated(DemoApp.Now, days).Order;
        Assert.Equal((OrderState.Closed, "system"), (closed.State, closed.History[^1].By));
    }
}
