using System.Text.Json.Nodes;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Tests.Assessment;

/// <summary>
/// householdsServed over HTTP (docs/assessment.md): orders driven from need to acceptance with a verified photo; a resident's
/// household counts once however many of its orders were accepted, an order staff raised counts for none, and the figure stands
/// beside the registry's households of the community, traceable to the order that counted each household.
/// </summary>
[Collection(Slices.Assessment)]
public sealed class HouseholdsServedFlowTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("households");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> Act(string order, string action, string asOpenId, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/{action}", asOpenId, body ?? new { });

    /// <summary>An order raised by <paramref name="by"/> in the district's community, served by the district's unit and accepted.</summary>
    private async Task<string> AcceptedOrderAsync(string by, string resource, int photoSeed)
    {
        var order = await _d.PublishedOrderAsync(_app, "repairs", asOpenId: by);
        await (await Act(order, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        await (await Act(order, "agree", _d.Liaison)).ExpectAsync(200);
        await (await Act(order, "start", _d.Liaison)).ExpectAsync(200);
        var photo = await _app.UploadAsync(_d.Liaison, "order", order, Photos.Jpeg(photoSeed));
        Assert.Equal("verified", photo.Str("state"));
        var completion = new { evidenceIds = new[] { photo.Str("id") }, serviceHours = 1, beneficiaries = 3 };
        await (await Act(order, "complete", _d.Liaison, completion)).ExpectAsync(200);
        Assert.Equal("accepted", (await (await Act(order, "accept", _d.CommunityAdmin)).ExpectAsync(200)).Str("state"));
        return order;
    }

    private async Task<JsonObject> StatsOnceAsync(string month, int accepted)
    {
        JsonObject stats = [];
        await Eventually.WaitAsync(async () =>
        {
            stats = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/stats?scopeOrgId={_d.CommunityId}&period={month}",
                _d.DistrictAdmin)).ExpectAsync(200);
            return stats["ordersAccepted"]!.GetValue<int>() >= accepted;
        }, TimeSpan.FromSeconds(30));
        return stats;
    }

    [Fact]
    public async Task A_residents_household_counts_once_a_staff_order_for_none_against_the_communitys_registry_households()
    {
        var month = ChinaTime.Month(DateTimeOffset.UtcNow);
        var community = await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{_d.CommunityId}", _d.StreetAdmin);
        await community.ExpectAsync(200);
        await (await _app.SendAsync(HttpMethod.Patch, $"api/v1/orgs/{_d.CommunityId}", _d.StreetAdmin, new { households = 800 },
            new Dictionary<string, string> { ["If-Match"] = community.Headers.ETag!.ToString() })).ExpectAsync(200);
        var resource = await _d.PublishedResourceAsync(_app, category: "repairs");

        // Staff raised it for a resident they serve: no household of theirs is served.
        await AcceptedOrderAsync(_d.CommunityAdmin, resource, 8101);
        var staffOnly = await StatsOnceAsync(month, 1);
        Assert.Equal((1, 0, 800, 0.0), (staffOnly["ordersAccepted"]!.GetValue<int>(), staffOnly["householdsServed"]!.GetValue<int>(),
            staffOnly["households"]!.GetValue<int>(), staffOnly["householdsServedShare"]!.GetValue<double>()));

        // The first resident order counted before the next is accepted, so the household's facts name it.
        var first = await AcceptedOrderAsync(_d.Resident, resource, 8102);
        await StatsOnceAsync(month, 2);
        await AcceptedOrderAsync(_d.Resident, resource, 8103);
        var other = await AcceptedOrderAsync(_d.OtherResident, resource, 8104);
        var stats = await StatsOnceAsync(month, 4);

        // Two households of 800: 0.0025.
        Assert.Equal((4, 2, 800, 0.0025, 0), (stats["ordersAccepted"]!.GetValue<int>(), stats["householdsServed"]!.GetValue<int>(),
            stats["households"]!.GetValue<int>(), stats["householdsServedShare"]!.GetValue<double>(),
            stats["communitiesWithoutHouseholds"]!.GetValue<int>()));

        // Traceable: the month's facts of the community name each household once, with the order that first counted it.
        var facts = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/rankings/{month}/orgs/{_d.CommunityId}/facts", _d.DistrictAdmin))
            .ExpectAsync(200);
        var served = facts["items"]!.AsArray().Where(f => f.Str("kind") == "householdServed" && f.Str("period") == month)
            .Select(f => (f.Str("household"), f.Str("orderId"))).Order().ToList();
        var resident = await TestDistrict.UserIdAsync(_app, _d.Resident);
        var otherResident = await TestDistrict.UserIdAsync(_app, _d.OtherResident);
        Assert.Equal(new[] { (resident, first), (otherResident, other) }.Order(), served);
    }
}
