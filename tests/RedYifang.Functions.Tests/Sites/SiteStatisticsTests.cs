namespace RedYifang.Functions.Tests.Sites;

/// <summary>
/// What other features learn of sites: the statistics count the service stations (党群服务站) registered in a scope — Assessment
/// hears of each through its own queue and never reads the Sites table — and a community keeping one may publish resources.
/// </summary>
[Collection(Slices.Sites)]
public sealed class SiteStatisticsTests(SitesApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private SiteWorld _w = null!;
    private SiteParties _p = null!;

    private TestDistrict D => _w.D;

    public async Task InitializeAsync()
    {
        _w = await SiteWorld.CreateAsync(slice, "stations");
        _p = new SiteParties(_app);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> StationsAsync(string scopeOrgId, string period) =>
        (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/stats?scopeOrgId={scopeOrgId}&period={period}", D.DistrictAdmin))
            .ExpectAsync(200))["servicesStations"]!.GetValue<int>();

    [Fact]
    public async Task The_statistics_count_the_service_stations_of_the_scope_registered_by_the_periods_end()
    {
        var month = DateTimeOffset.UtcNow.ToOffset(SiteParties.Cst).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var lastMonth = DateTimeOffset.UtcNow.ToOffset(SiteParties.Cst).AddMonths(-1)
            .ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, await StationsAsync(D.DistrictId, month));

        await _p.CreatedAsync(D.CommunityAdmin, SiteParties.Body(D.CommunityId, "serviceStation", sharedUse: true));
        await _p.CreatedAsync(D.StreetAdmin, SiteParties.Body(D.StreetId, "serviceStation", sharedUse: true));
        await _p.CreatedAsync(_w.Street2Liaison, SiteParties.Body(_w.Street2UnitId, "serviceStation"));
        await _p.CreatedAsync(D.CommunityAdmin, SiteParties.Body(D.CommunityId, "liaisonStation"));
        await Eventually.WaitAsync(async () => await StationsAsync(D.DistrictId, month) == 3, TimeSpan.FromSeconds(20));

        Assert.Equal((3, 2, 1, 1, 0), (await StationsAsync(D.DistrictId, month), await StationsAsync(D.StreetId, month),
            await StationsAsync(D.CommunityId, month), await StationsAsync(_w.Street2Id, month),
            await StationsAsync(D.DistrictId, lastMonth)));
    }

    [Fact]
    public async Task A_community_keeping_a_service_station_publishes_resources_one_without_does_not()
    {
        object Resource(string communityId) => new
        {
            unitId = communityId, title = "党群服务站会议室开放", category = "cultureSport", description = "驻区单位可预约使用会议室", kind = "service",
            areaIds = new[] { communityId }, monthlyCapacity = 8, validFrom = "2026-01-01", validTo = "2030-12-31",
        };
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", _w.Community2Admin, Resource(_w.Community2Id)))
            .ExpectProblemAsync(422, "invalid_reference");
        await _p.CreatedAsync(_w.Community2Admin, SiteParties.Body(_w.Community2Id, "serviceStation", sharedUse: true));

        var created = await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", _w.Community2Admin, Resource(_w.Community2Id)))
            .ExpectAsync(201);
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{created.Str("id")}/publish", _w.Community2Admin)).ExpectAsync(200);
        // Another community's admin does not act for it.
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", D.CommunityAdmin, Resource(_w.Community2Id)))
            .ExpectProblemAsync(403, "forbidden");
    }
}
