namespace RedYifang.Functions.Tests.Demo;

[Collection("app")]
public sealed class DemoDistrictTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;

    [Fact]
    public async Task The_demo_district_matches_the_seed_report()
    {
        var districts = await ListAsync(null, "district");
        var district = Assert.Single(districts, d => d.Str("id") == "org_demo-district");
        Assert.Equal("长春经开区", district.Str("name"));

        var streets = await ListAsync("org_demo-district", "street");
        Assert.Equal(3, streets.Count);
        Assert.Contains(streets, s => s.Str("name") == "会展街道");

        var communities = 0;
        var units = new List<System.Text.Json.Nodes.JsonNode>();
        var teams = 0;
        foreach (var street in streets)
        {
            var streetId = street.Str("id");
            var streetCommunities = (await ListAsync(streetId, "community")).Where(c => c.Str("id").StartsWith("org_demo-")).ToList();
            communities += streetCommunities.Count;
            units.AddRange((await ListAsync(streetId, "unit")).Where(IsDemo));
            foreach (var community in streetCommunities)
            {
                Assert.True((await ListAsync(community.Str("id"), "grid")).Count(IsDemo) >= 3);
                units.AddRange((await ListAsync(community.Str("id"), "unit")).Where(IsDemo));
                teams += (await ListAsync(community.Str("id"), "volunteerTeam")).Count(IsDemo);
            }
        }
        Assert.Equal(12, communities);
        Assert.Equal(46, units.Count);
        Assert.Equal(12, teams);
        Assert.Equal(["agency", "nonPublicEnterprise", "socialOrganization", "stateEnterprise"], units.Select(u => u.Str("unitKind")).Distinct().Order());
        Assert.All(units, u => Assert.True(u!["partyBranches"]!.GetValue<int>() >= 1 && u["partyMembers"]!.GetValue<int>() >= 1));
    }

    [Theory]
    [InlineData("dev-admin", "districtAdmin", null)]
    [InlineData("dev-street", "streetAdmin", "org_demo-s1")]
    [InlineData("dev-community", "communityAdmin", "org_demo-s1-c1")]
    [InlineData("dev-liaison", "liaison", "org_demo-u01")]
    [InlineData("dev-resident", "resident", "org_demo-s1-c1")]
    public async Task Each_dev_user_has_its_role(string openId, string role, string? orgId)
    {
        var me = await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", openId)).ExpectAsync(200);
        Assert.Contains(me["roles"]!.AsArray(), r => r.Str("role") == role && r!["orgId"]?.GetValue<string>() == orgId);
        if (orgId is null) return;
        var org = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{orgId}", openId)).ExpectAsync(200);
        Assert.Contains("org_demo-s1", org["path"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    private static bool IsDemo(System.Text.Json.Nodes.JsonNode? org) => org.Str("id").StartsWith("org_demo-");

    private async Task<List<System.Text.Json.Nodes.JsonNode>> ListAsync(string? parentId, string kind)
    {
        var query = parentId is null ? $"kind={kind}&limit=100" : $"parentId={parentId}&kind={kind}&limit=100";
        var page = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs?{query}", "dev-resident")).ExpectAsync(200);
        return page["items"]!.AsArray().Select(n => n!).ToList();
    }
}

[Collection("app")]
public sealed class DemoServiceMenuTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;

    [Fact]
    public async Task Every_demo_unit_offers_a_resource()
    {
        for (var n = 1; n <= 46; n++)
        {
            var page = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/resources?unitId=org_demo-u{n:00}", "dev-resident")).ExpectAsync(200);
            Assert.NotEmpty(page["items"]!.AsArray());
        }
        var elderly = await (await _app.SendAsync(HttpMethod.Get, "api/v1/resources?areaId=org_demo-s1&category=elderlyCare&state=published", "dev-resident")).ExpectAsync(200);
        Assert.Contains(elderly["items"]!.AsArray(), r => r.Str("unitId") == "org_demo-u01");
    }

    [Fact]
    public async Task About_two_hundred_demo_orders_cover_every_state_over_three_months()
    {
        var orders = new List<System.Text.Json.Nodes.JsonNode>();
        for (var s = 1; s <= 3; s++)
        for (var c = 1; c <= 4; c++)
        {
            string? token = null;
            do
            {
                var path = $"api/v1/orders?communityId=org_demo-s{s}-c{c}&limit=100" + (token is null ? "" : $"&continuationToken={token}");
                var page = await (await _app.SendAsync(HttpMethod.Get, path, "dev-admin")).ExpectAsync(200);
                orders.AddRange(page["items"]!.AsArray().Select(o => o!).Where(o => o.Str("id").Contains("-demo")));
                token = page["continuationToken"]?.GetValue<string>();
            } while (token is not null);
        }
        Assert.InRange(orders.Count, 190, 210);
        var states = orders.Select(o => o.Str("state")).ToHashSet();
        Assert.Superset(new HashSet<string> { "submitted", "published", "matched", "agreed", "inProgress", "completed", "accepted", "closed", "rejected", "cancelled" }, states);
        var created = orders.Select(o => DateTimeOffset.Parse(o.Str("createdAt"))).ToList();
        Assert.True(created.Min() > DateTimeOffset.UtcNow.AddDays(-92) && created.Max() < DateTimeOffset.UtcNow);
        Assert.True(created.Max() - created.Min() > TimeSpan.FromDays(60));
        var mine = await (await _app.SendAsync(HttpMethod.Get, "api/v1/orders?mine=true&limit=100", "dev-resident")).ExpectAsync(200);
        Assert.True(mine["items"]!.AsArray().Count >= 30);
    }
}

[Collection("app")]
public sealed class DemoMatchingTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;

    [Fact]
    public async Task Published_demo_orders_have_suggestions_and_a_street_run_gives_proposals()
    {
        var published = await (await _app.SendAsync(HttpMethod.Get, "api/v1/orders?communityId=org_demo-s2-c1&state=published&limit=100", "dev-admin")).ExpectAsync(200);
        var demo = published["items"]!.AsArray().Where(o => o.Str("id").Contains("-demo")).ToList();
        Assert.NotEmpty(demo);
        var withSuggestions = 0;
        foreach (var order in demo)
        {
            var suggestions = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{order.Str("id")}/suggestions", "dev-admin")).ExpectAsync(200);
            if (suggestions["items"]!.AsArray().Count > 0) withSuggestions++;
        }
        Assert.True(withSuggestions > 0);

        var run = await (await _app.SendAsync(HttpMethod.Post, "api/v1/matching/runs", "dev-admin", new { scopeOrgId = "org_demo-s2" })).ExpectAsync(202);
        var done = run;
        for (var i = 0; i < 100 && done.Str("state") is "queued" or "running"; i++)
        {
            await Task.Delay(100);
            done = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/matching/runs/{run.Str("id")}", "dev-admin")).ExpectAsync(200);
        }
        Assert.Equal("completed", done.Str("state"));
        Assert.NotEmpty(done["proposals"]!.AsArray());
        Assert.True(done["objective"]!["served"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Demo_matches_hold_capacity_and_build_unit_records()
    {
        var records = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<RedYifang.Functions.Matching.UnitRecords>(_app.Services);
        var all = await Task.WhenAll(Enumerable.Range(1, 46).Select(n => records.GetAsync($"org_demo-u{n:00}")));
        Assert.True(all.Sum(r => r.Assigned) > 30);
        Assert.True(all.Sum(r => r.Rated) > 0);
    }
}
