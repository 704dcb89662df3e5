using System.Text.Json.Nodes;

namespace RedYifang.Testing;

/// <summary>
/// A district of its own, made through the API by a bootstrap admin: one street, one community with a grid, one
/// non-public enterprise with a liaison, and users holding each role (the district's own admin among them). Names carry a suffix, so several districts
/// can share one store. Users are signed in by open id: "{prefix}-{role}".
/// </summary>
public sealed class TestDistrict
{
    public required string DistrictId { get; init; }
    public required string StreetId { get; init; }
    public required string CommunityId { get; init; }
    public required string GridId { get; init; }
    public required string UnitId { get; init; }

    public required string Admin { get; init; }
    public required string DistrictAdmin { get; init; }
    public required string StreetAdmin { get; init; }
    public required string CommunityAdmin { get; init; }
    public required string Liaison { get; init; }
    public required string Resident { get; init; }
    public required string OtherResident { get; init; }
    public required string Stranger { get; init; }

    public static async Task<TestDistrict> CreateAsync(ApiClient api, string bootstrapAdmin, string prefix)
    {
        async Task<string> Org(string kind, string? parentId, string name, string? unitKind = null)
        {
            var created = await (await api.SendAsync(HttpMethod.Post, "api/v1/orgs", bootstrapAdmin,
                new { kind, parentId, name = $"{name}（{prefix}）", unitKind })).ExpectAsync(201);
            return created.Str("id");
        }

        var district = await Org("district", null, "测试区");
        var street = await Org("street", district, "测试街道");
        var community = await Org("community", street, "测试社区");
        var grid = await Org("grid", community, "第一网格");
        var unit = await Org("unit", street, "测试家政服务有限公司", "nonPublicEnterprise");

        async Task<string> User(string role, string? grantRole = null, string? orgId = null)
        {
            var openId = $"{prefix}-{role}";
            var me = await (await api.SendAsync(HttpMethod.Get, "api/v1/me", openId)).ExpectAsync(200);
            if (grantRole is not null)
            {
                await (await api.SendAsync(HttpMethod.Put, $"api/v1/orgs/{orgId}/roles/{me.Str("id")}", bootstrapAdmin,
                    new { role = grantRole })).ExpectAsync(200);
            }
            return openId;
        }

        return new TestDistrict
        {
            DistrictId = district, StreetId = street, CommunityId = community, GridId = grid, UnitId = unit,
            Admin = bootstrapAdmin,
            DistrictAdmin = await User("district", "districtAdmin", district),
            StreetAdmin = await User("street", "streetAdmin", street),
            CommunityAdmin = await User("community", "communityAdmin", community),
            Liaison = await User("liaison", "liaison", unit),
            Resident = await User("resident"),
            OtherResident = await User("neighbour"),
            Stranger = await User("stranger"),
        };
    }

    /// <summary>A published service resource of the unit, serving the street, with the given monthly capacity.</summary>
    public async Task<string> PublishedResourceAsync(ApiClient api, int monthlyCapacity = 8, string category = "elderlyCare")
    {
        var created = await (await api.SendAsync(HttpMethod.Post, "api/v1/resources", Liaison, new
        {
            unitId = UnitId, title = "上门助老服务", category, description = "每周两次上门打扫与陪护", kind = "service",
            areaIds = new[] { StreetId }, monthlyCapacity,
            availability = new[] { new { weekday = 2, from = "09:00", to = "17:00" } },
            validFrom = "2026-01-01", validTo = "2030-12-31", tags = new[] { "助老" },
        })).ExpectAsync(201);
        var id = created.Str("id");
        await (await api.SendAsync(HttpMethod.Post, $"api/v1/resources/{id}/publish", Liaison)).ExpectAsync(200);
        return id;
    }

    /// <summary>An order the resident submitted in the community's grid (state submitted).</summary>
    public async Task<JsonObject> SubmitOrderAsync(ApiClient api) =>
        await (await api.SendAsync(HttpMethod.Post, "api/v1/orders", Resident, new
        {
            communityId = CommunityId, gridId = GridId, title = "独居老人需要助餐", category = "elderlyCare",
            description = "三楼独居老人行动不便，需要每日送餐", beneficiaries = 1, urgency = "high", contactPhone = "13812341234",
            level = "community",
        })).ExpectAsync(201);

    /// <summary>An order submitted and published by the community admin.</summary>
    public async Task<string> PublishedOrderAsync(ApiClient api)
    {
        var id = (await SubmitOrderAsync(api)).Str("id");
        await (await api.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/publish", CommunityAdmin, new { })).ExpectAsync(200);
        return id;
    }
}
