using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Tests.Orders;

/// <summary>
/// The expiry timer (off in the slice app, so nothing expires behind a test's back), driven here: each test backdates
/// published orders in a community of its own, runs the expiry itself and reads the outcome exactly.
/// </summary>
[Collection(Slices.Orders)]
public sealed class OrderExpiryTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;
    private OrderStore Store => _app.Services.GetRequiredService<OrderStore>();

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("expiry");

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Org> CommunityAsync(string name) =>
        (await _app.Services.GetRequiredService<OrgStore>().FindAsync(await _d.OrgAsync(_app, "community", _d.StreetId, name)))!;

    private async Task<List<string>> ListAsync(Org community, string state) =>
        (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders?communityId={community.Id}&state={state}&limit=100", _d.StreetAdmin))
            .ExpectAsync(200)).Ids();

    [Fact]
    public async Task Published_orders_unmatched_for_the_period_expire_and_fresh_ones_stay()
    {
        var community = await CommunityAsync("过期社区");
        var stale = await PublishedAsync(community, DateTimeOffset.UtcNow.AddDays(-31));
        var fresh = await PublishedAsync(community, DateTimeOffset.UtcNow.AddDays(-29));
        var expiry = _app.Services.GetRequiredService<ExpireStaleOrders>();

        Assert.Equal(1, await expiry.HandleAsync(CancellationToken.None));

        var expired = (await Store.FindAsync(stale.Id))!.Order;
        Assert.Equal(OrderState.Expired, expired.State);
        Assert.Equal(3, expired.History.Count);
        Assert.Equal(("system", OrderState.Published, OrderState.Expired, "无人认领，已过期"),
            (expired.History[^1].By, expired.History[^1].From!.Value, expired.History[^1].To, expired.History[^1].Reason));
        Assert.Equal(OrderState.Published, (await Store.FindAsync(fresh.Id))!.Order.State);
        Assert.Equal([stale.Id], await ListAsync(community, "expired"));
        Assert.Equal([fresh.Id], await ListAsync(community, "published"));
        Assert.Equal(0, await expiry.HandleAsync(CancellationToken.None));   // nothing left to expire
    }

    [Fact]
    public async Task The_timer_function_expires_after_the_configured_days()
    {
        var community = await CommunityAsync("定时社区");
        var stale = await PublishedAsync(community, DateTimeOffset.UtcNow.AddDays(-30).AddMinutes(-5));
        var fresh = await PublishedAsync(community, DateTimeOffset.UtcNow.AddDays(-30).AddMinutes(5));

        // As the host fires it on Orders:ExpirySchedule, with Orders:ExpireAfterDays (30 by default).
        await ActivatorUtilities.CreateInstance<OrderExpiryFunction>(_app.Services)
            .Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Equal([stale.Id], await ListAsync(community, "expired"));
        Assert.Equal([fresh.Id], await ListAsync(community, "published"));
    }

    private async Task<Order> PublishedAsync(Org community, DateTimeOffset at)
    {
        const string owner = "usr_expiry";
        var draft = new NewOrder
        {
            Level = OrderLevel.Community, Title = "旧需求", Category = Category.Other, Description = "无人认领", Beneficiaries = 1, Urgency
                = Urgency.Low,
        };
        var change = Order.Submit(
            draft,
            RedYifang.Functions.Platform.Storage.Keys.NewChildId("ord", community.Id),
            community.Path,
            owner,
            at)
            .Then(o => o.Apply(OrderAction.Publish, "usr_admin", at));
        await Store.AddAsync(change);
        return change.Order;
    }
}
