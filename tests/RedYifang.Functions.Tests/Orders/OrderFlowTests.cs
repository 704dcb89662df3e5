using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Orders;

/// <summary>
/// The service menu over HTTP in a district of this class's own: its resident and community admin in its community, its
/// liaison's unit in its street. A test that lists orders uses a community of its own, so every list is known exactly.
/// </summary>
[Collection(Slices.Orders)]
public sealed class OrderFlowTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("orderflow");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> Act(string id, string action, string asUser, object? body = null) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/{action}", asUser, body ?? new { });

    private async Task<JsonObject> GetAsync(string id, string asUser) =>
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", asUser)).ExpectAsync(200);

    private static List<string> States(JsonObject order) => order["history"]!.AsArray().Select(h => h.Str("to")).ToList();

    [Fact]
    public async Task An_order_goes_from_need_to_acceptance_and_rating_with_its_history()
    {
        var resource = await _d.PublishedResourceAsync(_app);
        var id = (await _d.SubmitOrderAsync(_app)).Str("id");

        Assert.Equal("published", (await (await Act(id, "publish", _d.CommunityAdmin)).ExpectAsync(200)).Str("state"));
        var claimed = await (await Act(id, "claim", _d.Liaison, new { resourceId = resource })).ExpectAsync(200);
        var claim = Assert.Single(claimed["claims"]!.AsArray());
        Assert.Equal((_d.UnitId, resource), (claim.Str("unitId"), claim.Str("resourceId")));
        Assert.Equal("published", claimed.Str("state"));                                        // a claim asks; it matches nothing
        var matched = await (await Act(id, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        Assert.Equal("matched", matched.Str("state"));
        Assert.StartsWith($"agr_{_d.CommunityId[4..]}-", matched["agreement"].Str("id"));
        Assert.Equal((resource, _d.UnitId), (matched["agreement"].Str("resourceId"), matched["agreement"].Str("unitId")));
        Assert.Equal("agreed", (await (await Act(id, "agree", _d.Liaison)).ExpectAsync(200)).Str("state"));
        Assert.Equal("inProgress", (await (await Act(id, "start", _d.Liaison)).ExpectAsync(200)).Str("state"));
        var photo = (await _app.UploadAsync(_d.Liaison, "order", id, Photos.Jpeg(1101))).Str("id");
        await (await Act(id, "complete", _d.Liaison, new { evidenceIds = new[] { photo }, serviceHours = 2.5, beneficiaries = 1 }))
            .ExpectAsync(200);
        Assert.Equal(
            "inProgress",
            (await (await Act(id, "reopen", _d.CommunityAdmin, new { reason = "缺少签到表" })).ExpectAsync(200)).Str("state"));
        var sheet = (await _app.UploadAsync(_d.Liaison, "order", id, Photos.Jpeg(1102))).Str("id");
        var completed = await (await Act(
            id,
            "complete",
            _d.Liaison,
            new { evidenceIds = new[] { photo, sheet }, serviceHours = 3, beneficiaries = 1 })).ExpectAsync(200);
        Assert.Equal([photo, sheet], completed["completion"]!["evidenceIds"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(3m, completed["completion"]!["serviceHours"]!.GetValue<decimal>());
        Assert.Equal("accepted", (await (await Act(id, "accept", _d.CommunityAdmin)).ExpectAsync(200)).Str("state"));
        var rated = await (await Act(id, "rate", _d.Resident, new { stars = 5, comment = "很及时" })).ExpectAsync(200);

        Assert.Equal("closed", rated.Str("state"));
        Assert.Equal((5, "很及时"), (rated["rating"]!["stars"]!.GetValue<int>(), rated["rating"].Str("comment")));
        Assert.Equal(
            ["submitted", "published", "matched", "agreed", "inProgress", "completed", "inProgress", "completed", "accepted", "closed"],
            States(rated));
        Assert.Equal("缺少签到表", rated["history"]![6].Str("reason"));
        var (resident, admin, liaison) = (await TestDistrict.UserIdAsync(_app, _d.Resident), await TestDistrict.UserIdAsync(
            _app,
            _d.CommunityAdmin),
            await TestDistrict.UserIdAsync(_app, _d.Liaison));
        Assert.Equal([resident, admin, admin, liaison, liaison, liaison, admin, liaison, admin, resident],
            rated["history"]!.AsArray().Select(h => h.Str("by")));
        await (await Act(id, "rate", _d.Resident, new { stars = 4 })).ExpectProblemAsync(409, "invalid_transition");
        Assert.Equal(5, (await GetAsync(id, _d.Resident))["rating"]!["stars"]!.GetValue<int>());
    }

    [Fact]
    public async Task Illegal_transitions_are_409_invalid_transition_and_change_nothing()
    {
        var resource = await _d.PublishedResourceAsync(_app, category: "repairs");
        var submitted = (await _d.SubmitOrderAsync(_app, "repairs")).Str("id");
        // Actions of the lifecycle its state does not allow, each by someone who may take it.
        await (await Act(submitted, "accept", _d.CommunityAdmin)).ExpectProblemAsync(409, "invalid_transition");
        await (await Act(submitted, "reopen", _d.CommunityAdmin, new { reason = "无" })).ExpectProblemAsync(409, "invalid_transition");
        await (await Act(submitted, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectProblemAsync(
            409,
            "invalid_transition");
        await (await Act(submitted, "rate", _d.Resident, new { stars = 3 })).ExpectProblemAsync(409, "invalid_transition");
        // Provider actions by someone who is not the order's provider (it has none yet) are refused before the state is looked at.
        await (await Act(submitted, "agree", _d.CommunityAdmin)).ExpectProblemAsync(403, "forbidden");
        await (await Act(submitted, "start", _d.CommunityAdmin)).ExpectProblemAsync(403, "forbidden");
        var order = await GetAsync(submitted, _d.CommunityAdmin);
        Assert.Equal("submitted", order.Str("state"));
        Assert.Equal(["submitted"], States(order));

        var matched = await _d.PublishedOrderAsync(_app, "repairs");
        await (await Act(matched, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        await (await Act(matched, "start", _d.Liaison)).ExpectProblemAsync(409, "invalid_transition");
        await (await Act(matched, "publish", _d.CommunityAdmin)).ExpectProblemAsync(409, "invalid_transition");
        await (await Act(matched, "reject", _d.CommunityAdmin, new { reason = "重复" })).ExpectProblemAsync(409, "invalid_transition");
        Assert.Equal(["submitted", "published", "matched"], States(await GetAsync(matched, _d.CommunityAdmin)));
    }

    /// <summary>
    /// Who served in person: the reporting liaison when <c>servedBy</c> is left out, else the users it names (the points ledger
    /// hears of them at acceptance: tests/RedYifang.Functions.Tests/PartyMembers/OrderPointsTests.cs); a bad list writes nothing.
    /// </summary>
    [Fact]
    public async Task A_completion_names_who_served_in_person_and_a_bad_servedBy_is_400_and_writes_nothing()
    {
        var resource = await _d.PublishedResourceAsync(_app, category: "repairs");
        var id = await _d.PublishedOrderAsync(_app, "repairs");
        await (await Act(id, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectAsync(200);
        await (await Act(id, "agree", _d.Liaison)).ExpectAsync(200);
        await (await Act(id, "start", _d.Liaison)).ExpectAsync(200);
        var photo = (await _app.UploadAsync(_d.Liaison, "order", id, Photos.Jpeg(1103))).Str("id");
        var (liaison, resident) = (await TestDistrict.UserIdAsync(_app, _d.Liaison), await TestDistrict.UserIdAsync(_app, _d.Resident));
        object Body(object? servedBy) => new { evidenceIds = new[] { photo }, serviceHours = 1.5, beneficiaries = 1, servedBy };

        var bad = await (await Act(id, "complete", _d.Liaison, Body(new[] { resident, "org_x", resident })))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["servedBy[1]", "servedBy[2]"], bad.Errors().Keys.Order(StringComparer.Ordinal));
        var tooMany = await (await Act(id, "complete", _d.Liaison, Body(Enumerable.Repeat(resident, 21))))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["servedBy"], tooMany.Errors().Keys);
        var unchanged = await GetAsync(id, _d.Liaison);
        Assert.Equal(("inProgress", true), (unchanged.Str("state"), unchanged["completion"] is null));

        var byLiaison = await (await Act(id, "complete", _d.Liaison, Body(null))).ExpectAsync(200);
        Assert.Equal([liaison], byLiaison["completion"]!["servedBy"]!.AsArray().Select(u => u!.GetValue<string>()));
        await (await Act(id, "reopen", _d.CommunityAdmin, new { reason = "请注明上门人员" })).ExpectAsync(200);
        await (await Act(id, "complete", _d.Liaison, Body(new[] { resident, liaison }))).ExpectAsync(200);
        Assert.Equal([resident, liaison],
            (await GetAsync(id, _d.CommunityAdmin))["completion"]!["servedBy"]!.AsArray().Select(u => u!.GetValue<string>()));
    }

    [Fact]
    public async Task Twenty_concurrent_matches_of_one_order_let_exactly_one_win()
    {
        var resource = await _d.PublishedResourceAsync(_app, category: "medical");
        var id = await _d.PublishedOrderAsync(_app, "medical");

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(_ => Act(id, "match", _d.CommunityAdmin, new { resourceId = resource })));

        Assert.Equal(1, responses.Count(r => (int)r.StatusCode == 200));
        var codes = new List<string>();
        foreach (var lost in responses.Where(r => (int)r.StatusCode != 200)) codes.Add((await lost.ExpectAsync(409)).Str("code"));
        // A loser that read the order before the winner wrote it lost the write (conflict); one that read it afterwards found it
        // matched already (invalid_transition). Which of the two each gets depends on timing; api.md names both.
        Assert.Equal(19, codes.Count(c => c is "conflict" or "invalid_transition"));
        var order = await GetAsync(id, _d.CommunityAdmin);
        Assert.Equal(["submitted", "published", "matched"], States(order));
        await (await Act(id, "match", _d.CommunityAdmin, new { resourceId = resource })).ExpectProblemAsync(409, "invalid_transition");
    }

    [Fact]
    public async Task The_same_create_retried_fifty_times_with_one_key_makes_one_order()
    {
        var openId = await _d.UserAsync(_app, "idem-resident");
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var body = new
        {
            communityId = _d.CommunityId, title = "路灯坏了", category = "repairs", description = "小区东门路灯不亮", beneficiaries = 30,
            urgency = "normal", level = "community",
        };

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 50).Select(_ => _app.SendAsync(HttpMethod.Post, "api/v1/orders", openId, body, key)));

        Assert.All(responses, r => Assert.Equal(201, (int)r.StatusCode));
        var location = Assert.Single(responses.Select(r => r.Headers.Location!.ToString()).Distinct());
        Assert.Equal(49, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        var mine = await (await _app.SendAsync(HttpMethod.Get, "api/v1/orders?mine=true", openId)).ExpectAsync(200);
        Assert.Equal([location], mine.Ids().Select(i => $"/api/v1/orders/{i}"));
    }

    /// <summary>A valid order body; each bad one changes (or, with null, removes) one field of it.</summary>
    private const string ValidOrder = """{"communityId":"{community}","title":"t","category":"repairs","description":"d",""" +
        """ "beneficiaries":1,"urgency":"normal","level":"community"}""";

    private static string With(string field, string? json)
    {
        var body = JsonNode.Parse(ValidOrder)!.AsObject();
        if (json is null) body.Remove(field);
        else body[field] = JsonNode.Parse(json);
        return body.ToJsonString();
    }

    public static TheoryData<string, string, string> BadOrders => new()
    {
        { With("communityId", null), "communityId", "必填" },
        {
            With("category", "\"plumbing\""), "category",
            "取值必须是以下之一：medical, legalAid, financial, elderlyCare, disability, childrenEducation, cultureSport, environment, "
                + "employment, repairs, psychological, other"
        },
        { With("beneficiaries", "\"many\""), "beneficiaries", "类型不正确" },
        { With("title", $"\"{new string('长', 101)}\""), "title", "长度不能超过 100 个字符" },
        { With("urgency", "\"asap\""), "urgency", "取值必须是以下之一：low, normal, high" },
        { With("contactPhone", "\"12345\""), "contactPhone", "不是有效的电话号码" },
        { With("beneficiaries", "0"), "beneficiaries", "取值范围为 1–100000" },
        { With("level", "\"province\""), "level", "取值必须是以下之一：community, street, district" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task Bad_orders_are_one_field_error_and_write_nothing(string body, string field, string message)
    {
        var openId = await _d.UserAsync(_app, "bad-input");
        var problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/orders", openId, body.Replace("{community}", _d.CommunityId)))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(new Dictionary<string, string[]> { [field] = [message] }, problem.Errors());
        var mine = await (await _app.SendAsync(HttpMethod.Get, "api/v1/orders?mine=true", openId)).ExpectAsync(200);
        Assert.Empty(mine.Ids());
    }

    [Fact]
    public async Task A_foreign_or_unknown_community_is_422_and_writes_nothing()
    {
        var openId = await _d.UserAsync(_app, "foreign");
        foreach (var community in new[] { _d.StreetId, "org_nosuchplace", _d.UnitId, _d.GridId })
        {
            var response = await _app.SendAsync(HttpMethod.Post, "api/v1/orders", openId, new
            {
                communityId = community, title = "t", category = "repairs", description = "d", beneficiaries = 1, urgency = "low",
                level = "community",
            });
            var problem = await response.ExpectProblemAsync(422, "invalid_reference");
            Assert.Equal(["communityId"], problem.Errors().Keys);
        }
        var grid = await _app.SendAsync(HttpMethod.Post, "api/v1/orders", openId, new
        {
            communityId = _d.CommunityId, gridId = _d
                .CommunityId, title = "t", category = "repairs", description = "d", beneficiaries = 1, urgency = "low",
            level = "community",
        });
        Assert.Equal(["gridId"], (await grid.ExpectProblemAsync(422, "invalid_reference")).Errors().Keys);
        Assert.Empty((await (await _app.SendAsync(HttpMethod.Get, "api/v1/orders?mine=true", openId)).ExpectAsync(200)).Ids());
    }

    [Fact]
    public async Task Each_role_sees_what_it_should_with_the_phone_masked_for_all_but_its_owner_admins_and_the_provider()
    {
        // A community of its own (with its own admin) and a unit of its own, so the lists below hold exactly this test's order.
        var community = await _d.OrgAsync(_app, "community", _d.StreetId, "看见社区");
        var admin = await _d.UserAsync(_app, "roles-community", "communityAdmin", community);
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, "看见服务社", "socialOrganization");
        var liaison = await _d.UserAsync(_app, "roles-liaison", "liaison", unit);
        var resource = await _d.PublishedResourceAsync(_app, unitId: unit, asOpenId: liaison);
        var id = (await _d.SubmitOrderAsync(_app, communityId: community)).Str("id");
        string Phone(JsonObject order) => order.Str("contactPhone");

        Assert.Equal("13812341234", Phone(await GetAsync(id, _d.Resident)));                  // their own
        Assert.Equal("13812341234", Phone(await GetAsync(id, admin)));
        Assert.Equal("13812341234", Phone(await GetAsync(id, _d.StreetAdmin)));
        Assert.Equal("13812341234", Phone(await GetAsync(id, _d.DistrictAdmin)));
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", _d.CommunityAdmin)).ExpectProblemAsync(404, "not_found");   // another community's admin
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", liaison)).ExpectProblemAsync(404, "not_found");
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", _d.Stranger)).ExpectProblemAsync(404, "not_found");

        await (await Act(id, "publish", admin)).ExpectAsync(200);
        Assert.Equal("138****1234", Phone(await GetAsync(id, liaison)));                       // a liaison in the street sees it published
        Assert.Equal("138****1234", Phone(await GetAsync(id, _d.Liaison)));
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", _d.Stranger)).ExpectProblemAsync(404, "not_found");

        await (await Act(id, "match", admin, new { resourceId = resource })).ExpectAsync(200);
        Assert.Equal("13812341234", Phone(await GetAsync(id, liaison)));                       // the provider
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{id}", _d.Liaison)).ExpectProblemAsync(404, "not_found");  // no longer published
        Assert.Equal([id], (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders?unitId={unit}", liaison)).ExpectAsync(200)).Ids());
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders?unitId={unit}", _d.Liaison)).ExpectProblemAsync(403, "forbidden");

        var queue = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders?communityId={community}&state=matched&limit=100", admin))
            .ExpectAsync(200);
        Assert.Equal([id], queue.Ids());
        Assert.Empty((await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders?communityId={community}&state=published", admin))
            .ExpectAsync(200)).Ids());
        var strangerQueue = await (await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/orders?communityId={community}&state=matched",
            _d.Stranger)).ExpectAsync(200);
        Assert.Empty(strangerQueue.Ids());
        Assert.Equal(
            [id],
            (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders?communityId={community}", _d.Resident)).ExpectAsync(200)).Ids());
    }

    [Fact]
    public async Task A_street_level_order_needs_a_street_admin_to_publish()
    {
        var id = (await _d.SubmitOrderAsync(_app, level: "street")).Str("id");
        await (await Act(id, "publish", _d.CommunityAdmin)).ExpectProblemAsync(403, "forbidden");
        Assert.Equal(["submitted"], States(await GetAsync(id, _d.CommunityAdmin)));
        Assert.Equal("published", (await (await Act(id, "publish", _d.StreetAdmin)).ExpectAsync(200)).Str("state"));
    }
}
