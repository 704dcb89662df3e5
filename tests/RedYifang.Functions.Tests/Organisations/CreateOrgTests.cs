namespace RedYifang.Functions.Tests.Organisations;

/// <summary>Creating and listing organisations in this class's own district; a test that lists children uses a parent of its own.</summary>
[Collection(Slices.Organisations)]
public sealed class CreateOrgTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private const string Admin = AppUnderTest.BootstrapAdmin;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("createorg");

    public Task DisposeAsync() => Task.CompletedTask;

    private string Fill(string text)
        => text.Replace("{street}", _d.StreetId).Replace("{community}", _d.CommunityId).Replace("{grid}", _d.GridId);

    public static TheoryData<string, string[]> BadBodies => new()
    {
        { """{"parentId":"{street}","name":"无类型"}""", ["kind=必填"] },
        {
            """{"kind":"province","parentId":"{street}","name":"省"}""",
            ["kind=取值必须是以下之一：district, street, community, grid, building, unit, volunteerTeam"] },
        { """{"kind":"unit","parentId":"{street}"}""", ["name=必填", "unitKind=必填"] },
        { $$"""{"kind":"unit","parentId":"{street}","name":"{{new string('名', 101)}}","unitKind":"agency"}""", ["name=长度不能超过 100 个字符"] },
        { """{"kind":"unit","parentId":"{street}","name":"无单位类型"}""", ["unitKind=必填"] },
        {
            """{"kind":"unit","parentId":"{street}","name":"坏类型","unitKind":"bank"}""",
            ["unitKind=取值必须是以下之一：agency, stateEnterprise, nonPublicEnterprise, socialOrganization"] },
        { """{"kind":"community","parentId":"{street}","name":"社区","unitKind":"agency"}""", ["unitKind=仅驻区单位（unit）可填写"] },
        { """{"kind":"unit","parentId":"{street}","name":"负数","unitKind":"agency","partyMembers":-3}""", ["partyMembers=取值范围为 0–1000000"] },
        { """{"kind":"unit","parentId":"{street}","name":"类型","unitKind":"agency","partyBranches":"two"}""", ["partyBranches=类型不正确"] },
        { """{"kind":"grid","parentId":"../etc","name":"路径"}""", ["parentId=不是有效的组织标识"] },
        { """{"kind":"grid","parentId":"{community}","name":"党员","partyMembers":3}""", ["partyMembers=仅社区、驻区单位和志愿服务队可填写"] },
        { """{"kind":"community","parentId":"{street}","name":"户数负","households":-1}""", ["households=取值范围为 0–10000000"] },
        { """{"kind":"grid","parentId":"{community}","name":"户数大","households":10000001}""", ["households=取值范围为 0–10000000"] },
        { """{"kind":"community","parentId":"{street}","name":"户数小数","households":12.5}""", ["households=类型不正确"] },
        { """{"kind":"community","parentId":"{street}","name":"户数文字","households":"1200"}""", ["households=类型不正确"] },
        { """{"kind":"community","parentId":"{street}","name":"户数全角","households":"１２"}""", ["households=类型不正确"] },
        { """{"kind":"unit","parentId":"{street}","name":"单位户数","unitKind":"agency","households":5}""", ["households=仅社区和网格可填写"] },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_exactly_its_field_errors_and_writes_nothing(string body, string[] errors)
    {
        var before = await ChildrenAsync(_d.StreetId);
        var problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, Fill(body))).ExpectProblemAsync(
            400,
            "validation_failed");

        var expected = errors.Select(e => e.Split('=', 2)).ToDictionary(e => e[0], e => new[] { e[1] });
        Assert.Equal(expected, problem.Errors());
        Assert.Equal(before, await ChildrenAsync(_d.StreetId));
    }

    [Theory]
    [InlineData("community", "{community}", "invalid_parent")]
    [InlineData("grid", "{street}", "invalid_parent")]
    [InlineData("unit", "{grid}", "invalid_parent")]
    [InlineData("district", "{street}", "invalid_parent")]
    [InlineData("street", "org_nothere", "parent_not_found")]
    public async Task A_wrong_parent_is_422(string kind, string parentId, string code)
    {
        var before = await ChildrenAsync(Fill(parentId));
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin,
            new { kind, parentId = Fill(parentId), name = "错层级", unitKind = kind == "unit" ? "agency" : null });
        await response.ExpectProblemAsync(422, code);
        Assert.Equal(before, await ChildrenAsync(Fill(parentId)));
    }

    [Fact]
    public async Task Only_a_district_is_created_without_a_parent_and_only_by_a_bootstrap_admin()
    {
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, new { kind = "street", name = "无上级街道" })).ExpectProblemAsync(
            422,
            "invalid_parent");
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", _d.DistrictAdmin, new { kind = "district", name = "又一个区（createorg）" }))
            .ExpectProblemAsync(403, "forbidden");
        await (await _app.SendAsync(
            HttpMethod.Post,
            "api/v1/orgs",
            _d.StreetAdmin,
            new { kind = "community", parentId = _d.StreetId, name = "街道建的社区" }))
            .ExpectAsync(201);
        await (await _app.SendAsync(
            HttpMethod.Post,
            "api/v1/orgs",
            _d.CommunityAdmin,
            new { kind = "street", parentId = _d.DistrictId, name = "社区建的街道" }))
            .ExpectProblemAsync(403, "forbidden");
    }

    [Fact]
    public async Task A_community_and_its_grid_are_created_with_their_households_and_read_back_with_them()
    {
        var community = await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin,
            new { kind = "community", parentId = _d.StreetId, name = "户数社区", households = 1_234 })).ExpectAsync(201);
        var grid = await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin,
            new { kind = "grid", parentId = community.Str("id"), name = "户数网格", households = 0 })).ExpectAsync(201);

        var read = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{community.Str("id")}", Admin)).ExpectAsync(200);
        var readGrid = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{grid.Str("id")}", Admin)).ExpectAsync(200);
        Assert.Equal((1_234, 0), (read["households"]!.GetValue<int>(), readGrid["households"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_name_is_unique_under_its_parent()
    {
        var street = await _d.OrgAsync(_app, "street", _d.DistrictId, "重名街道");
        var first = await (await _app.SendAsync(
            HttpMethod.Post,
            "api/v1/orgs",
            Admin,
            new { kind = "unit", parentId = street, name = "重名单位", unitKind = "agency" })).ExpectAsync(201);

        var again = await _app.SendAsync(
            HttpMethod.Post,
            "api/v1/orgs",
            Admin,
            new { kind = "volunteerTeam", parentId = street, name = " 重名单位" });

        await again.ExpectProblemAsync(409, "org_name_taken");
        Assert.Equal([first.Str("id")], await ChildrenAsync(street));
        // The same name under another parent is another organisation.
        await (await _app.SendAsync(
            HttpMethod.Post,
            "api/v1/orgs",
            Admin,
            new { kind = "unit", parentId = _d.StreetId, name = "重名单位", unitKind = "agency" })).ExpectAsync(201);
    }

    [Fact]
    public async Task A_created_unit_is_readable_and_listed_under_its_parent()
    {
        var street = await _d.OrgAsync(_app, "street", _d.DistrictId, "新单位街道");
        await _d.OrgAsync(_app, "community", street, "新单位社区");
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin,
            new
            {
                kind = "unit", parentId = street, name = "新单位", unitKind = "nonPublicEnterprise", partyBranches = 2, partyMembers = 31,
                address = "长春市",
            });
        var created = await response.ExpectAsync(201);
        var id = created.Str("id");
        Assert.Equal($"/api/v1/orgs/{id}", response.Headers.Location!.ToString());

        var read = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{id}", _d.Resident)).ExpectAsync(200);
        Assert.Equal(("新单位", "unit", "nonPublicEnterprise", street, "长春市"),
            (read.Str("name"), read.Str("kind"), read.Str("unitKind"), read.Str("parentId"), read.Str("address")));
        Assert.Equal((2, 31), (read["partyBranches"]!.GetValue<int>(), read["partyMembers"]!.GetValue<int>()));
        Assert.Equal([_d.DistrictId, street, id], read["path"]!.AsArray().Select(p => p!.GetValue<string>()));

        var units = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs?parentId={street}&kind=unit&limit=100", _d.Resident))
            .ExpectAsync(200);
        Assert.Equal([id], units.Ids());
        Assert.Equal(2, (await ChildrenAsync(street)).Count);                                   // the community and the unit
    }

    [Fact]
    public async Task Listing_pages_with_an_opaque_continuation_token()
    {
        var street = await _d.OrgAsync(_app, "street", _d.DistrictId, "分页街道");
        var communities = new List<string>();
        for (var c = 1; c <= 4; c++) communities.Add(await _d.OrgAsync(_app, "community", street, $"分页社区{c}"));
        await _d.OrgAsync(_app, "unit", street, "分页单位", "agency");                            // another kind: not listed
        var pages = new List<List<string>>();
        string? token = null;
        do
        {
            var path = $"api/v1/orgs?parentId={street}&kind=community&limit=3" + (token is null ? "" : $"&continuationToken={token}");
            var page = await (await _app.SendAsync(HttpMethod.Get, path, _d.Resident)).ExpectAsync(200);
            pages.Add(page.Ids());
            token = page["continuationToken"]?.GetValue<string>();
        } while (token is not null);

        Assert.Equal([3, 1], pages.Select(p => p.Count));
        Assert.Equal(communities.Order(StringComparer.Ordinal), pages.SelectMany(p => p));
        var bad = await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs?parentId={street}&limit=500&continuationToken=%%%", _d.Resident);
        var problem = await bad.ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["continuationToken", "limit"], problem.Errors().Keys.Order());
    }

    [Fact]
    public async Task An_unknown_or_malformed_id_is_404()
    {
        await (await _app.SendAsync(HttpMethod.Get, "api/v1/orgs/org_unknown1", Admin)).ExpectProblemAsync(404, "not_found");
        await (await _app.SendAsync(HttpMethod.Get, "api/v1/orgs/has%23hash", Admin)).ExpectProblemAsync(404, "not_found");
        Assert.Empty((await (await _app.SendAsync(HttpMethod.Get, "api/v1/orgs?parentId=org_unknown1", Admin)).ExpectAsync(200)).Ids());
    }

    private async Task<List<string>> ChildrenAsync(string parent)
    {
        var response = await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs?parentId={parent}&limit=100", Admin);
        return (await response.ExpectAsync(200)).Ids();
    }
}
