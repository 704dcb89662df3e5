namespace RedYifang.Functions.Tests.Resources;

/// <summary>Service resources (服务资源清单) of this class's own district: its unit, liaison and admins.</summary>
[Collection(Slices.Orders)]
public sealed class ResourceTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("resources");

    public Task DisposeAsync() => Task.CompletedTask;

    private Dictionary<string, object?> Valid(string? title = null) => new()
    {
        ["unitId"] = _d.UnitId, ["title"] = title ?? "法律咨询", ["category"] = "legalAid",
        ["description"] = "每月一次律师坐班", ["kind"] = "service", ["areaIds"] = new[] { _d.CommunityId }, ["monthlyCapacity"] = 4,
        ["availability"] = new[] {
            new { weekday = 3, from = "14:00", to = "16:00" } }, ["validFrom"] = "2026-11-01", ["validTo"] = "2027-10-31",
        ["tags"] = new[] { "法律" },
    };

    private async Task<List<string>> ListAsync(string query) =>
        (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/resources?{query}&limit=100", _d.Liaison)).ExpectAsync(200)).Ids();

    private Task<List<string>> OfUnitAsync() => ListAsync($"unitId={_d.UnitId}");

    private Task<HttpResponseMessage> Change(string id, string action, string asUser) =>
        _app.SendAsync(HttpMethod.Post, $"api/v1/resources/{id}/{action}", asUser);

    [Fact]
    public async Task A_liaison_publishes_pauses_and_retires_a_resource()
    {
        var created = await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", _d.Liaison, Valid())).ExpectAsync(201);
        var id = created.Str("id");
        Assert.StartsWith($"res_{_d.UnitId[4..]}-", id);
        Assert.Equal(
            ("draft", "legalAid", "法律援助", _d.UnitId),
            (created.Str("state"), created.Str("category"), created.Str("categoryName"), created.Str("unitId")));
        Assert.Equal("published", (await (await Change(id, "publish", _d.Liaison)).ExpectAsync(200)).Str("state"));
        Assert.Equal("paused", (await (await Change(id, "pause", _d.Liaison)).ExpectAsync(200)).Str("state"));
        await (await Change(id, "pause", _d.Liaison)).ExpectProblemAsync(409, "invalid_transition");
        Assert.Equal("published", (await (await Change(id, "publish", _d.StreetAdmin)).ExpectAsync(200)).Str("state"));
        Assert.Equal("retired", (await (await Change(id, "retire", _d.Liaison)).ExpectAsync(200)).Str("state"));
        await (await Change(id, "publish", _d.Liaison)).ExpectProblemAsync(409, "invalid_transition");
        Assert.Equal(
            "retired",
            (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/resources/{id}", _d.Resident)).ExpectAsync(200)).Str("state"));

        var byArea = await (await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/resources?areaId={_d.CommunityId}&category=legalAid&state=retired",
            _d.Resident)).ExpectAsync(200);
        Assert.Equal([id], byArea.Ids());
    }

    [Fact]
    public async Task Only_the_units_liaison_or_an_admin_above_it_may_create_or_change()
    {
        var before = await OfUnitAsync();
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", _d.Resident, Valid())).ExpectProblemAsync(403, "forbidden");
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", _d.CommunityAdmin, Valid())).ExpectProblemAsync(403, "forbidden"); // unit hangs under the street
        Assert.Equal(before, await OfUnitAsync());
        var id = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", _d.StreetAdmin, Valid())).ExpectAsync(201)).Str("id");
        await (await Change(id, "publish", _d.Resident)).ExpectProblemAsync(403, "forbidden");
        await (await Change(id, "publish", _d.CommunityAdmin)).ExpectProblemAsync(403, "forbidden");
        Assert.Equal("published", (await (await Change(id, "publish", _d.DistrictAdmin)).ExpectAsync(200)).Str("state"));
        await (await Change("res_nothere1-x", "publish", _d.Liaison)).ExpectProblemAsync(404, "not_found");
    }

    public static TheoryData<string, object?, string[]> BadFields => new()
    {
        {
            "category", "gardening",
            [
                "category=取值必须是以下之一：medical, legalAid, financial, elderlyCare, disability, childrenEducation, cultureSport, environment, "
                    + "employment, repairs, psychological, other",
            ]
        },
        { "monthlyCapacity", 0, ["monthlyCapacity=取值范围为 1–10000"] },
        {
            "availability",
            new[] { new { weekday = 8, from = "9:00", to = "08:00" } },
            ["availability[0].weekday=取值范围为 1–7（周一为 1）", "availability[0].from=须为 HH:mm"] },
        { "availability", new[] { new { weekday = 1, from = "10:00", to = "09:00" } }, ["availability[0].to=须晚于 from"] },
        { "validTo", "2026-10-01", ["validTo=不能早于 validFrom"] },
        { "validFrom", "01/11/2026", ["validFrom=须为 YYYY-MM-DD"] },
        { "kind", "funds", ["amount=必填"] },
        { "amount", "100.00", ["amount=仅资金类资源（funds）可填写"] },
        { "title", new string('题', 101), ["title=长度不能超过 100 个字符"] },
        { "description", null, ["description=必填"] },
        { "tags", Enumerable.Range(0, 11).Select(i => $"t{i}").ToArray(), ["tags=最多 10 个标签"] },
        { "areaIds", Array.Empty<string>(), ["areaIds=需要 1–20 个服务区域"] },
        { "monthlyCapacity", "four", ["monthlyCapacity=类型不正确"] },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_input_is_exactly_its_field_errors_and_writes_nothing(string field, object? value, string[] errors)
    {
        var before = await OfUnitAsync();
        var body = Valid();
        body[field] = value;
        var problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", _d.Liaison, body)).ExpectProblemAsync(
            400,
            "validation_failed");
        var expected = errors.Select(e => e.Split('=', 2)).GroupBy(e => e[0]).ToDictionary(g => g.Key, g => g.Select(e => e[1]).ToArray());
        Assert.Equal(expected, problem.Errors());
        Assert.Equal(before, await OfUnitAsync());
    }

    [Theory]
    [InlineData("100.5", "100.50")]
    [InlineData("3000", "3000.00")]
    [InlineData("0.01", "0.01")]
    public async Task Funds_are_exact_yuan_amounts(string amount, string shown)
    {
        var body = Valid();
        body["kind"] = "funds";
        body["amount"] = amount;
        var created = await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", _d.Liaison, body)).ExpectAsync(201);
        Assert.Equal((shown, "funds"), (created.Str("amount"), created.Str("kind")));
        var before = await OfUnitAsync();
        foreach (var bad in new[] { "10.001", "0", "-5", "1e3" })
        {
            body["amount"] = bad;
            var problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", _d.Liaison, body)).ExpectProblemAsync(
                400,
                "validation_failed");
            Assert.Equal(new Dictionary<string, string[]> { ["amount"] = ["须为大于 0、最多两位小数的金额（元）"] }, problem.Errors());
        }
        Assert.Equal(before, await OfUnitAsync());
    }

    [Theory]
    [InlineData("another street's community")]
    [InlineData("another street")]
    [InlineData("a unit, not an area")]
    [InlineData("unknown")]
    public async Task Service_areas_must_lie_in_the_units_street(string area)
    {
        var areaId = area switch
        {
            "another street's community" => await _d.OrgAsync(
                _app,
                "community",
                await _d.OrgAsync(_app, "street", _d.DistrictId, $"外街道{Guid.NewGuid():N}"),
                "外社区"),
            "another street" => await _d.OrgAsync(_app, "street", _d.DistrictId, $"外街道{Guid.NewGuid():N}"),
            "a unit, not an area" => _d.UnitId,
            _ => "org_nowhere",
        };
        var before = await OfUnitAsync();
        var body = Valid();
        body["areaIds"] = new[] { _d.CommunityId, areaId };
        var problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", _d.Liaison, body)).ExpectProblemAsync(
            422,
            "invalid_reference");
        Assert.Equal(["areaIds"], problem.Errors().Keys);
        Assert.Equal(before, await OfUnitAsync());
    }

    [Fact]
    public async Task Listing_needs_a_unit_an_area_or_a_category_and_each_narrows_it()
    {
        var problem = await (await _app.SendAsync(HttpMethod.Get, "api/v1/resources", _d.Liaison)).ExpectProblemAsync(
            400,
            "validation_failed");
        Assert.Equal(new Dictionary<string, string[]> { ["areaId"] = ["请至少指定 areaId、unitId 或 category 之一"] }, problem.Errors());

        var grid = await _d.PublishedResourceAsync(_app, category: "medical", areaIds: [_d.GridId]);
        var street = await _d.PublishedResourceAsync(_app, category: "medical");
        var draft = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/resources", _d.Liaison, new Dictionary<string, object?>(Valid())
        {
            ["category"] = "medical", ["areaIds"] = new[] { _d.GridId },
        })).ExpectAsync(201)).Str("id");

        Assert.Equal(
            new[] { grid, street, draft }.Order(StringComparer.Ordinal),
            (await ListAsync($"unitId={_d.UnitId}&category=medical")).Order(StringComparer.Ordinal));
        Assert.Equal(
            new[] { grid, draft }.Order(StringComparer.Ordinal),
            (await ListAsync($"areaId={_d.GridId}&category=medical")).Order(StringComparer.Ordinal));
        Assert.Equal([grid], await ListAsync($"areaId={_d.GridId}&category=medical&state=published"));
        Assert.Equal([street], await ListAsync($"areaId={_d.StreetId}&category=medical"));
        Assert.Equal([draft], await ListAsync($"unitId={_d.UnitId}&category=medical&state=draft"));
        var byCategory = await (await _app.SendAsync(HttpMethod.Get, "api/v1/resources?category=medical&limit=100", _d.Liaison))
            .ExpectAsync(200);
        Assert.All(byCategory["items"]!.AsArray(), r => Assert.Equal("medical", r.Str("category")));
        Assert.Equal(new[] { grid, street, draft }.Order(StringComparer.Ordinal),
            byCategory["items"]!.AsArray().Where(r => r.Str("unitId") == _d.UnitId).Select(r => r.Str("id")).Order(StringComparer.Ordinal));
        var badQuery = await (await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/resources?category=gardening&unitId=x&areaId={_d.GridId}",
            _d.Liaison)).ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["category", "unitId"], badQuery.Errors().Keys.Order());
    }
}
