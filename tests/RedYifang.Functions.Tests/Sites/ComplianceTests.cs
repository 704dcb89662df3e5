namespace RedYifang.Functions.Tests.Sites;

/// <summary>
/// A street against the area standard over HTTP, with this slice's rule (<see cref="SitesApp"/>: 150.25 m² per started 2
/// non-public enterprises): the enterprises counted from the registry, the area required, the shared area its sites give — to the
/// hundredth — and whether it complies; for admins at or over the street.
/// </summary>
[Collection(Slices.Sites)]
public sealed class ComplianceTests(SitesApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private SiteWorld _w = null!;
    private SiteParties _p = null!;

    private TestDistrict D => _w.D;

    public async Task InitializeAsync()
    {
        _w = await SiteWorld.CreateAsync(slice, "compliance");
        _p = new SiteParties(_app);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int Enterprises, decimal Required, int Sites, decimal Shared, bool Complies)> ComplianceAsync(string asOpenId)
    {
        var c = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/sites/compliance?streetId={D.StreetId}", asOpenId)).ExpectAsync(200);
        Assert.Equal((D.StreetId, 150.25m, 2), (c.Str("streetId"), c["rule"]!["areaPerBlockM2"]!.GetValue<decimal>(),
            c["rule"]!["enterprisesPerBlock"]!.GetValue<int>()));
        Assert.Equal("每 2 家非公企业（不足 2 家按 2 家计）不少于 150.25 平方米共享阵地", c["rule"].Str("text"));
        return (c["nonPublicEnterprises"]!.GetValue<int>(), c["areaRequiredM2"]!.GetValue<decimal>(), c["sharedSites"]!.GetValue<int>(),
            c["sharedAreaM2"]!.GetValue<decimal>(), c["complies"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_street_complies_once_its_shared_sites_reach_the_area_its_started_blocks_of_enterprises_require()
    {
        // The street's non-public enterprises: the district's unit and the neighbour (the second street's is not the street's).
        Assert.Equal((2, 150.25m, 0, 0m, false), await ComplianceAsync(D.StreetAdmin));

        await _p.CreatedAsync(D.Liaison, SiteParties.Body(D.UnitId, "redCultureBase", sharedUse: true, floorAreaM2: 100.10m));
        await _p.CreatedAsync(D.Liaison, SiteParties.Body(D.UnitId, "enterprisePartyBase", sharedUse: false, floorAreaM2: 5000m));
        await _p.CreatedAsync(_w.Street2Liaison, SiteParties.Body(_w.Street2UnitId, "serviceStation", sharedUse: true, floorAreaM2: 900m));
        Assert.Equal((2, 150.25m, 1, 100.10m, false), await ComplianceAsync(D.StreetAdmin));

        await _p.CreatedAsync(D.StreetAdmin, SiteParties.Body(D.StreetId, "serviceStation", sharedUse: true, floorAreaM2: 50.15m));
        Assert.Equal((2, 150.25m, 2, 150.25m, true), await ComplianceAsync(D.DistrictAdmin));

        // A third enterprise starts a second block; a state enterprise is not one.
        await D.OrgAsync(_app, "unit", _w.Community2Id, "第三科技有限公司", "nonPublicEnterprise");
        await D.OrgAsync(_app, "unit", D.StreetId, "国网供电所", "stateEnterprise");
        Assert.Equal((3, 300.50m, 2, 150.25m, false), await ComplianceAsync(D.StreetAdmin));
    }

    [Fact]
    public async Task Admins_at_or_over_the_street_see_it_others_are_403_and_a_street_is_required()
    {
        foreach (var other in new[] { D.CommunityAdmin, D.Liaison, D.Resident })
        {
            await (await _app.SendAsync(HttpMethod.Get, $"api/v1/sites/compliance?streetId={D.StreetId}", other))
                .ExpectProblemAsync(403, "forbidden");
        }
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/sites/compliance?streetId={D.CommunityId}", D.DistrictAdmin))
            .ExpectProblemAsync(404, "not_found");
        Assert.Equal(["streetId"], (await (await _app.SendAsync(HttpMethod.Get, "api/v1/sites/compliance", D.DistrictAdmin))
            .ExpectProblemAsync(400, "validation_failed")).Errors().Keys);
    }
}
