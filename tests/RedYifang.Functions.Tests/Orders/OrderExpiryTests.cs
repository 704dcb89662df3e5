using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Tests.Orders;

[Collection("app")]
public sealed class OrderExpiryTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;

    [Fact]
    public async Task Published_orders_unmatched_for_the_period_expire_and_fresh_ones_stay()
    {
        var store = _app.Services.GetRequiredService<OrderStore>();
        var community = (await _app.Services.GetRequiredService<OrgStore>().FindAsync("org_demo-s3-c4"))!;
        var stale = await PublishedAsync(store, community, DateTimeOffset.UtcNow.AddDays(-31));
        var fresh = await PublishedAsync(store, community, DateTimeOffset.UtcNow.AddDays(-29));

        await _app.Services.GetRequiredService<ExpireStaleOrders>().HandleAsync(CancellationToken.None);

        var expired = (await store.FindAsync(stale.Id))!.Order;
        Assert.Equal(OrderState.Expired, expired.State);
        Assert.Equal(("system", OrderState.Published), (expired.History[^1].By, expired.History[^1].From!.Value));
        Assert.Equal(OrderState.Published, (await store.FindAsync(fresh.Id))!.Order.State);
        var queue = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders?communityId={community.Id}&state=expired&limit=100", "dev-admin")).ExpectAsync(200);
        Assert.Contains(queue["items"]!.AsArray(), o => o.Str("id") == stale.Id);
    }

    private static async Task<Order> PublishedAsync(OrderStore store, Org community, DateTimeOffset at)
    {
        var owner = "usr_expiry";
        var draft = new NewOrder
        {
            Level = OrderLevel.Community, Title = "旧需求", Category = Category.Other, Description = "无人认领", Beneficiaries = 1, Urgency = Urgency.Low,
        };
        var change = Order.Submit(draft, RedYifang.Functions.Platform.Storage.Keys.NewChildId("ord", community.Id), community.Path, owner, at)
            .Then(o => o.Apply(OrderAction.Publish, "usr_admin", at));
        await store.AddAsync(change);
        var order = change.Order;
        return order;
    }
}
