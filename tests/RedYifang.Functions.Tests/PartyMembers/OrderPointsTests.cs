using RedYifang.Functions.PartyMembers;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Tests.PartyMembers;

/// <summary>
/// Points for orders served in person, in a district of this class's own whose rules for this year give 5 points an order, at
/// most 8 a month: an order driven over HTTP to acceptance with a verified photo, naming who served it (Orders → PartyMembers/
/// OrderServedTranslator.cs → queue party-member-orders), and messages sent on that queue as the translator stages them. Each
/// test's members are its own; acceptances are dated now (this month in China).
/// </summary>
[Collection(Slices.PartyMembers)]
public sealed class OrderPointsTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;
    private PartyMemberParties _p = null!;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private static string Month => Now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM",
        System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        _d = await slice.DistrictAsync("pm-orders");
        _p = new PartyMemberParties(slice, _d);
        await slice.OnceAsync("pm-orders-rules", async () =>
            await (await _app.SendAsync(HttpMethod.Put,
                $"api/v1/districts/{_d.DistrictId}/points/rules/{Now.ToOffset(TimeSpan.FromHours(8)).Year}",
                _d.DistrictAdmin, PartyMemberParties.Rules(2, 5, 3, 30, order: 5, orderCap: 8))).ExpectAsync(200));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private OrderServedMessage Served(string userId, string orderId, DateTimeOffset at) => new(orderId, _d.DistrictId, userId, at);

    private Task<HttpResponseMessage> Act(string order, string action, string asOpenId, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/{action}", asOpenId, body ?? new { });

    /// <summary>
    /// The whole way: the unit's liaison reports the order done naming a party member and a resident who is none as having served
    /// it, the community admin accepts it, and the member's ledger gets the order's points; the resident's gets nothing.
    /// </summary>
    [Fact]
    public async Task An_accepted_order_earns_the_party_member_who_served_it_points_and_a_non_member_nothing()
    {
        var (member, memberId, _) = await _p.MemberAsync("order-server");
        var residentId = await TestDistrict.UserIdAsync(_app, _d.OtherResident);
        var resource = await _d.PublishedResourceAsync(_app);
        var order = await _d.PublishedOrderAsync(_app);
        await (await Act(order, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        await (await Act(order, "agree", _d.Liaison)).ExpectAsync(200);
        await (await Act(order, "start", _d.Liaison)).ExpectAsync(200);
        var photo = await _app.UploadAsync(_d.Liaison, "order", order, Photos.Jpeg(1501));
        Assert.Equal("verified", photo.Str("state"));
        var completed = await (await Act(order, "complete", _d.Liaison, new
        {
            evidenceIds = new[] { photo.Str("id") }, serviceHours = 2, beneficiaries = 1, servedBy = new[] { memberId, residentId },
        })).ExpectAsync(200);
        Assert.Equal([memberId, residentId], completed["completion"]!["servedBy"]!.AsArray().Select(u => u!.GetValue<string>()));

        await (await Act(order, "accept", _d.CommunityAdmin)).ExpectAsync(200);
        await Eventually.WaitAsync(async () => PartyMemberParties.Entries(await _p.LedgerAsync(memberId, member)).Count == 1,
            TimeSpan.FromSeconds(60));
        await _p.DrainedAsync(OrderServedMessage.Queue);

        var ledger = await _p.LedgerAsync(memberId, member, Month);
        Assert.Equal([("order", order, 5m, (int?)1, (string?)null, false)], PartyMemberParties.Entries(ledger));
        Assert.Equal((5m, 5m, 0m), (ledger["total"]!.GetValue<decimal>(), ledger["bySource"]!["order"]!.GetValue<decimal>(),
            ledger["hours"]!.GetValue<decimal>()));
        Assert.Empty(PartyMemberParties.Entries(await _p.LedgerAsync(residentId, _d.OtherResident)));
    }

    [Fact]
    public async Task An_order_that_arrives_again_adds_nothing()
    {
        var (member, userId, _) = await _p.MemberAsync("order-twice");
        var served = Served(userId, Keys.NewId("ord"), Now);

        await _p.SendAsync(served, served, served);                                               // three copies at once
        await _p.DrainedAsync(OrderServedMessage.Queue);
        await _p.SendAsync(served);                                                               // and one more, later
        await _p.DrainedAsync(OrderServedMessage.Queue);

        var ledger = await _p.LedgerAsync(userId, member, Month);
        Assert.Equal([("order", served.OrderId, 5m, (int?)1, (string?)null, false)], PartyMemberParties.Entries(ledger));
        Assert.Equal(5m, ledger["total"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Orders_past_the_monthly_cap_give_what_is_left_and_say_so()
    {
        var (member, userId, _) = await _p.MemberAsync("order-capped");
        var orders = Enumerable.Range(0, 3).Select(_ => Keys.NewId("ord")).ToList();

        // One at a time, in order: the cap of 8 order points a month leaves 5, 3, 0.
        for (var i = 0; i < orders.Count; i++)
        {
            await _p.SendAsync(Served(userId, orders[i], Now.AddSeconds(i)));
            await _p.DrainedAsync(OrderServedMessage.Queue);
        }

        var ledger = await _p.LedgerAsync(userId, member, Month);
        Assert.Equal(
            [(orders[0], 5m, false, (decimal?)null), (orders[1], 3m, true, 5m), (orders[2], 0m, true, 5m)],
            ledger["items"]!.AsArray().Select(e => (e.Str("sourceId"), e!["points"]!.GetValue<decimal>(), e["capped"]!.GetValue<bool>(),
                e["uncapped"]?.GetValue<decimal>())));
        Assert.Equal((8m, 8m), (ledger["total"]!.GetValue<decimal>(), ledger["bySource"]!["order"]!.GetValue<decimal>()));
    }
}
