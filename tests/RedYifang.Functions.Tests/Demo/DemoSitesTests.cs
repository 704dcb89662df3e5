using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Demo;

/// <summary>
/// The demo's sites at <see cref="DemoApp.Now"/>: seven per street (a service station per community, the street's red culture base
/// and liaison station, a unit's 党员之家), their bookings, the streets' standing against the area standard and the stations in
/// the statistics.
/// </summary>
[Collection(Slices.Demo)]
public sealed class DemoSitesTests(DemoApp demo)
{
    private readonly AppUnderTest _app = demo.App;

    [Fact]
    public async Task Each_street_keeps_seven_sites_booked_93_times_one_booking_cancelled()
    {
        var sites = new List<JsonNode>();
        for (var s = 1; s <= 3; s++) sites.AddRange(await ItemsAsync($"api/v1/sites?streetId=org_demo-s{s}&limit=100", "dev-admin"));

        Assert.Equal(21, sites.Count);
        Assert.Equal(new Dictionary<string, int>
            {
                ["serviceStation"] = 12, ["redCultureBase"] = 3, ["partyMembersHomeBase"] = 3, ["liaisonStation"] = 3,
            },
            sites.GroupBy(s => s.Str("kind")).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(17, sites.Count(s => s["sharedUse"]!.GetValue<bool>()));
        var bookings = new List<JsonNode>();
        foreach (var site in sites) bookings.AddRange(await ItemsAsync($"api/v1/sites/{site.Str("id")}/bookings?limit=100", "dev-admin"));
        Assert.Equal((93, 1), (bookings.Count, bookings.Count(b => b.Str("state") == "cancelled")));

        // 博览社区's station, as dev-community sees it: its own, with the cancelled booking ahead.
        var station = Assert.Single(await ItemsAsync("api/v1/sites?ownerOrgId=org_demo-s1-c1&kind=serviceStation", "dev-community"));
        Assert.Equal(("博览社区党群服务站", 120.50m), (station.Str("name"), station["floorAreaM2"]!.GetValue<decimal>()));
        var itsBookings = await ItemsAsync($"api/v1/sites/{station.Str("id")}/bookings", "dev-community");
        Assert.Equal(["active", "active", "active", "active", "cancelled"], itsBookings.Select(b => b.Str("state")));
    }

    [Fact]
    public async Task Two_streets_comply_with_the_area_standard_and_东方广场街道_does_not()
    {
        var standing = new List<(int, decimal, decimal, bool)>();
        for (var s = 1; s <= 3; s++)
        {
            var c = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/sites/compliance?streetId=org_demo-s{s}", "dev-admin"))
                .ExpectAsync(200);
            standing.Add((c["nonPublicEnterprises"]!.GetValue<int>(), c["areaRequiredM2"]!.GetValue<decimal>(),
                c["sharedAreaM2"]!.GetValue<decimal>(), c["complies"]!.GetValue<bool>()));
        }

        Assert.Equal([(6, 300m, 591.05m, true), (6, 300m, 480.50m, true), (6, 300m, 256.75m, false)], standing);
    }

    [Fact]
    public async Task The_statistics_count_twelve_service_stations_four_in_会展街道()
    {
        async Task<int> Stations(string scope, string openId) =>
            (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/stats?scopeOrgId={scope}&period=2026", openId)).ExpectAsync(200))
                ["servicesStations"]!.GetValue<int>();

        Assert.Equal((12, 4, 1), (await Stations("org_demo-district", "dev-admin"), await Stations("org_demo-s1", "dev-street"),
            await Stations("org_demo-s1-c1", "dev-community")));
    }

    private async Task<List<JsonNode>> ItemsAsync(string path, string openId)
    {
        var page = await (await _app.SendAsync(HttpMethod.Get, path, openId)).ExpectAsync(200);
        Assert.Null(page["continuationToken"]);
        return [.. page["items"]!.AsArray().Select(n => n!)];
    }
}
