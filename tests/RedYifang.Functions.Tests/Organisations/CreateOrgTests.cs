namespace RedYifang.Functions.Tests.Organisations;

[Collection("app")]
public sealed class CreateOrgTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;
    private const string Admin = AppUnderTest.BootstrapAdmin;
    private const string Street = "org_demo-s3";

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { """{"parentId":"org_demo-s3","name":"无类型"}""", "kind", "必填" },
        { """{"kind":"province","parentId":"org_demo-s3","name":"省"}""", "kind", "取值必须是以下之一：district, street, community, grid, building, unit, volunteerTeam" },
        { """{"kind":"unit","parentId":"org_demo-s3"}""", "name", "必填" },
        { $$"""{"kind":"unit","parentId":"org_demo-s3","name":"{{new string('名', 101)}}","unitKind":"agency"}""", "name", "长度不能超过 100 个字符" },
        { """{"kind":"unit","parentId":"org_demo-s3","name":"无单位类型"}""", "unitKind", "必填" },
        { """{"kind":"unit","parentId":"org_demo-s3","name":"坏类型","unitKind":"bank"}""", "unitKind", "取值必须是以下之一：agency, stateEnterprise, nonPublicEnterprise, socialOrganization" },
        { """{"kind":"community","parentId":"org_demo-s3","name":"社区","unitKind":"agency"}""", "unitKind", "仅驻区单位（unit）可填写" },
        { """{"kind":"unit","parentId":"org_demo-s3","name":"负数","unitKind":"agency","partyMembers":-3}""", "partyMembers", "取值范围为 0–1000000" },
        { """{"kind":"unit","parentId":"org_demo-s3","name":"类型","unitKind":"agency","partyBranches":"two"}""", "partyBranches", "类型不正确" },
        { """{"kind":"grid","parentId":"../etc","name":"路径"}""", "parentId", "不是有效的组织标识" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_field_error_and_writes_nothing(string body, string field, string message)
    {
        var before = await CountAsync(Street);
        var problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, body)).ExpectAsync(400);

        Assert.Equal("validation_failed", problem.Str("code"));
        Assert.Contains(message, problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(before, await CountAsync(Street));
    }

    [Theory]
    [InlineData("community", "org_demo-s1-c1", "invalid_parent")]
    [InlineData("grid", "org_demo-s3", "invalid_parent")]
    [InlineData("unit", "org_demo-s1-c1-g1", "invalid_parent")]
    [InlineData("street", "org_nothere", "parent_not_found")]
    public async Task A_wrong_parent_is_422(string kind, string parentId, string code)
    {
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin,
            new { kind, parentId, name = "错层级" + Guid.NewGuid(), unitKind = kind == "unit" ? "agency" : null });
        Assert.Equal(code, (await response.ExpectAsync(422)).Str("code"));
    }

    [Fact]
    public async Task Only_a_district_is_created_without_a_parent()
    {
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, new { kind = "street", name = "无上级街道" });
        Assert.Equal("invalid_parent", (await response.ExpectAsync(422)).Str("code"));
    }

    [Fact]
    public async Task A_name_is_unique_under_its_parent()
    {
        var name = "重名单位" + Guid.NewGuid().ToString("N")[..6];
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, new { kind = "unit", parentId = Street, name, unitKind = "agency" })).ExpectAsync(201);
        var before = await CountAsync(Street);

        var again = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, new { kind = "volunteerTeam", parentId = Street, name = " " + name });

        Assert.Equal("org_name_taken", (await again.ExpectAsync(409)).Str("code"));
        Assert.Equal(before, await CountAsync(Street));
    }

    [Fact]
    public async Task A_created_unit_is_readable_and_listed_under_its_parent()
    {
        var name = "新单位" + Guid.NewGuid().ToString("N")[..6];
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin,
            new { kind = "unit", parentId = Street, name, unitKind = "nonPublicEnterprise", partyBranches = 2, partyMembers = 31, address = "长春市" });
        var created = await response.ExpectAsync(201);
        var id = created.Str("id");
        Assert.Equal($"/api/v1/orgs/{id}", response.Headers.Location!.ToString());

        var read = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs/{id}", "dev-resident")).ExpectAsync(200);
        Assert.Equal(name, read.Str("name"));
        Assert.Equal("nonPublicEnterprise", read.Str("unitKind"));
        Assert.Equal(31, read["partyMembers"]!.GetValue<int>());
        Assert.Equal(["org_demo-district", Street, id], read["path"]!.AsArray().Select(p => p!.GetValue<string>()));

        var units = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs?parentId={Street}&kind=unit&limit=100", "dev-resident")).ExpectAsync(200);
        Assert.Contains(units["items"]!.AsArray(), u => u.Str("id") == id);
        Assert.All(units["items"]!.AsArray(), u => Assert.Equal("unit", u.Str("kind")));
    }

    [Fact]
    public async Task Listing_pages_with_an_opaque_continuation_token()
    {
        var seen = new List<string>();
        string? token = null;
        do
        {
            var path = $"api/v1/orgs?parentId=org_demo-s1&kind=community&limit=3" + (token is null ? "" : $"&continuationToken={token}");
            var page = await (await _app.SendAsync(HttpMethod.Get, path, "dev-resident")).ExpectAsync(200);
            seen.AddRange(page["items"]!.AsArray().Select(i => i.Str("id")));
            token = page["continuationToken"]?.GetValue<string>();
        } while (token is not null);

        Assert.Equal(["org_demo-s1-c1", "org_demo-s1-c2", "org_demo-s1-c3", "org_demo-s1-c4"], seen);
        var bad = await _app.SendAsync(HttpMethod.Get, "api/v1/orgs?parentId=org_demo-s1&limit=500&continuationToken=%%%", "dev-resident");
        var problem = await bad.ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["limit"]);
        Assert.NotNull(problem["errors"]!["continuationToken"]);
    }

    [Fact]
    public async Task An_unknown_or_malformed_id_is_404()
    {
        await (await _app.SendAsync(HttpMethod.Get, "api/v1/orgs/org_unknown1", Admin)).ExpectAsync(404);
        await (await _app.SendAsync(HttpMethod.Get, "api/v1/orgs/has%23hash", Admin)).ExpectAsync(404);
    }

    private async Task<int> CountAsync(string parent)
    {
        var response = await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs?parentId={parent}&limit=100", Admin);
        return (await response.ExpectAsync(200))["items"]!.AsArray().Count;
    }
}
