using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Orders;

/// <summary>The service menu over HTTP with the demo's users: dev-resident and dev-community in 博览社区, dev-liaison's unit in 会展街道.</summary>
[Collection("app")]
public sealed class OrderFlowTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;
    private const string Community = "org_demo-s1-c1";
    private const string Resident = "dev-resident";
    private const string Admin = "dev-community";
    private const string Liaison = "dev-liaison";

    private async Task<string> PublishedResourceAsync(string category = "elderlyCare")
    {
        var created = await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", Liaison, new
        {
            unitId = "org_demo-u01", title = "上门助老服务", category, description = "每周两次上门打扫与陪护", kind = "service",
            areaIds = new[] { "org_demo-s1" }, monthlyCapacity = 8,
            availability = new[] { new { weekday = 2, from = "09:00", to = "17:00" } },
            validFrom = "2026-01-01", validTo = "2027-12-31", tags = new[] { "助老" },
        })).ExpectAsync(201);
        Assert.Equal("draft", created.Str("state"));
        var id = created.Str("id");
        await (await _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{id}/publish", Liaison)).ExpectAsync(200);
        return id;
    }

    private async Task<JsonObject> SubmitAsync(string asUser = Resident, string level = "community") =>
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", asUser, new
        {
            communityId = Community, gridId = "org_demo-s1-c1-g1", title = "独居老人需要助餐", category = "elderlyCare",
            description = "三楼独居老人行动不便，需要每日送餐", beneficiaries = 1, urgency = "high", contactPhone = "13812341234", level,
        })).ExpectAsync(201);

    private Task<HttpResponseMessage> Act(string id, string action, string asUser, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/{action}", asUser, body ?? new { });

    [Fact]
    public async Task An_order_goes_from_need_to_acceptance_and_rating_with_its_history()
    {
        var resource = await PublishedResourceAsync();
        var id = (await SubmitAsync()).Str("id");

        await (await Act(id, "publish", Admin)).ExpectAsync(200);
        var claimed = await (await Act(id, "claim", Liaison, new { resourceId = resource })).ExpectAsync(200);
        Assert.Equal("org_demo-u01", claimed["claims"]![0].Str("unitId"));
        var matched = await (await Act(id, "match", Admin, new { resourceId = resource })).ExpectAsync(200);
        Assert.Equal("matched", matched.Str("state"));
        Assert.StartsWith("agr_", matched["agreement"].Str("id"));
        await (await Act(id, "agree", Liaison)).ExpectAsync(200);
        await (await Act(id, "start", Liaison)).ExpectAsync(200);
        var photo = (await _app.UploadAsync(Liaison, "order", id, Photos.Jpeg(id.GetHashCode()))).Str("id");
        await (await Act(id, "complete", Liaison, new { evidenceIds = new[] { photo }, serviceHours = 2.5, beneficiaries = 1 })).ExpectAsync(200);
        await (await Act(id, "reopen", Admin, new { reason = "缺少签到表" })).ExpectAsync(200);
        var sheet = (await _app.UploadAsync(Liaison, "order", id, Photos.Jpeg(id.GetHashCode() + 1))).Str("id");
        await (await Act(id, "complete", Liaison, new { evidenceIds = new[] { photo, sheet }, serviceHours = 3, beneficiaries = 1 })).ExpectAsync(200);
        await (await Act(id, "accept", Admin)).ExpectAsync(200);
        var rated = await (await Act(id, "rate", Resident, new { stars = 5, comment = "很及时" })).ExpectAsync(200);

        Assert.Equal("closed", rated.Str("state"));
        Assert.Equal(5, rated["rating"]!["stars"]!.GetValue<int>());
        var history = rated["history"]!.AsArray().Select(h => h.Str("to")).ToList();
        Assert.Equal(["submitted", "published", "matched", "agreed", "inProgress", "completed", "inProgress", "completed", "accepted", "closed"], history);
        Assert.Equal("缺少签到表", rated["history"]![6].Str("reason"));
        await (await Act(id, "rate", Resident, new { stars = 4 })).ExpectAsync(409);
    }

    [Fact]
    public async Task Illegal_transitions_are_409_and_change_nothing()
    {
        var id = (await SubmitAsync()).Str("id");
        foreach (var (action, body) in new (string, object?)[] { ("accept", null), ("start", null), ("agree", null), ("rate", new { stars = 3 }) })
        {
            var response = await Act(id, action, action is "rate" ? Resident : action is "accept" ? Admin : Admin, body);
            Assert.True((int)response.StatusCode is 409 or 403, $"{action}: {(int)response.StatusCode}");
        }
        Assert.Equal("invalid_transition", (await (await Act(id, "accept", Admin)).ExpectAsync(409)).Str("code"));
        var order = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", Admin)).ExpectAsync(200);
        Assert.Equal("submitted", order.Str("state"));
        Assert.Single(order["history"]!.AsArray());
    }

    [Fact]
    public async Task Twenty_concurrent_matches_of_one_order_let_exactly_one_win()
    {
        var resource = await PublishedResourceAsync();
        var id = (await SubmitAsync()).Str("id");
        await (await Act(id, "publish", Admin)).ExpectAsync(200);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Act(id, "match", Admin, new { resourceId = resource })));

        Assert.Equal(1, responses.Count(r => (int)r.StatusCode == 200));
        Assert.Equal(19, responses.Count(r => (int)r.StatusCode == 409));
        var order = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", Admin)).ExpectAsync(200);
        Assert.Equal(1, order["history"]!.AsArray().Count(h => h.Str("to") == "matched"));
    }

    [Fact]
    public async Task The_same_create_retried_fifty_times_with_one_key_makes_one_order()
    {
        var openId = "idem-resident-" + Guid.NewGuid().ToString("N")[..8];
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var body = new { communityId = Community, title = "路灯坏了", category = "repairs", description = "小区东门路灯不亮", beneficiaries = 30, urgency = "normal", level = "community" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _app.SendAsync(HttpMethod.Post, "api/v1/orders", openId, body, key)));

        Assert.All(responses, r => Assert.Equal(201, (int)r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.ToString()).Distinct());
        var mine = await (await _app.SendAsync(HttpMethod.Get, "api/v1/orders?mine=true", openId)).ExpectAsync(200);
        Assert.Single(mine["items"]!.AsArray());
    }

    public static TheoryData<string, string> BadOrders => new()
    {
        { """{"title":"无社区","category":"repairs","description":"d","beneficiaries":1,"urgency":"normal","level":"community"}""", "communityId" },
        { """{"communityId":"org_demo-s1-c1","title":"t","category":"plumbing","description":"d","beneficiaries":1,"urgency":"normal","level":"community"}""", "category" },
        { """{"communityId":"org_demo-s1-c1","title":"t","category":"repairs","description":"d","beneficiaries":"many","urgency":"normal","level":"community"}""", "beneficiaries" },
        { $$"""{"communityId":"org_demo-s1-c1","title":"{{new string('长', 101)}}","category":"repairs","description":"d","beneficiaries":1,"urgency":"normal","level":"community"}""", "title" },
        { """{"communityId":"org_demo-s1-c1","title":"t","category":"repairs","description":"d","beneficiaries":1,"urgency":"asap","level":"community"}""", "urgency" },
        { """{"communityId":"org_demo-s1-c1","title":"t","category":"repairs","description":"d","beneficiaries":1,"urgency":"low","level":"community","contactPhone":"12345"}""", "contactPhone" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task Bad_orders_are_field_errors_and_write_nothing(string body, string field)
    {
        var openId = "bad-input-" + Guid.NewGuid().ToString("N")[..8];
        var problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", openId, body)).ExpectAsync(400);
        Assert.NotNull(problem["errors"]![field]);
        var mine = await (await _app.SendAsync(HttpMethod.Get, "api/v1/orders?mine=true", openId)).ExpectAsync(200);
        Assert.Empty(mine["items"]!.AsArray());
    }

    [Fact]
    public async Task A_foreign_or_unknown_community_is_422_and_writes_nothing()
    {
        var openId = "foreign-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var community in new[] { "org_demo-s1", "org_nosuchplace", "org_demo-u01" })
        {
            var response = await _app.SendAsync(HttpMethod.Post, "api/v1/orders", openId, new
            {
                communityId = community, title = "t", category = "repairs", description = "d", beneficiaries = 1, urgency = "low", level = "community",
            });
            Assert.Equal("invalid_reference", (await response.ExpectAsync(422)).Str("code"));
        }
        Assert.Empty((await (await _app.SendAsync(HttpMethod.Get, "api/v1/orders?mine=true", openId)).ExpectAsync(200))["items"]!.AsArray());
    }

    [Fact]
    public async Task Each_role_sees_what_it_should_with_the_phone_masked_for_all_but_admins_and_the_provider()
    {
        var resource = await PublishedResourceAsync();
        var id = (await SubmitAsync()).Str("id");

        Assert.Equal("138****1234", (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", Resident)).ExpectAsync(200)).Str("contactPhone"));
        Assert.Equal("13812341234", (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", Admin)).ExpectAsync(200)).Str("contactPhone"));
        Assert.Equal("13812341234", (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", "dev-street")).ExpectAsync(200)).Str("contactPhone"));
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", Liaison)).ExpectAsync(404);
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", "someone-else")).ExpectAsync(404);

        await (await Act(id, "publish", Admin)).ExpectAsync(200);
        Assert.Equal("138****1234", (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", Liaison)).ExpectAsync(200)).Str("contactPhone"));
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", "someone-else")).ExpectAsync(404);

        await (await Act(id, "match", Admin, new { resourceId = resource })).ExpectAsync(200);
        Assert.Equal("13812341234", (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", Liaison)).ExpectAsync(200)).Str("contactPhone"));
        var unitOrders = await (await _app.SendAsync(HttpMethod.Get, "api/v1/orders?unitId=org_demo-u01", Liaison)).ExpectAsync(200);
        Assert.Contains(unitOrders["items"]!.AsArray(), o => o.Str("id") == id);

        var queue = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders?communityId={Community}&state=matched&limit=100", Admin)).ExpectAsync(200);
        Assert.Contains(queue["items"]!.AsArray(), o => o.Str("id") == id);
        Assert.All(queue["items"]!.AsArray(), o => Assert.Equal("matched", o.Str("state")));
        var strangerQueue = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders?communityId={Community}&state=matched", "someone-else")).ExpectAsync(200);
        Assert.Empty(strangerQueue["items"]!.AsArray());
    }

    [Fact]
    public async Task A_street_level_order_needs_a_street_admin_to_publish()
    {
        var id = (await SubmitAsync(level: "street")).Str("id");
        await (await Act(id, "publish", Admin)).ExpectAsync(403);
        Assert.Equal("published", (await (await Act(id, "publish", "dev-street")).ExpectAsync(200)).Str("state"));
    }
}
