using System.Text.Json.Nodes;

namespace RedYifang.Testing;

/// <summary>
/// A district of its own, made through the API by a bootstrap admin: one street, one community with a grid, one
/// non-public enterprise with a liaison, and users holding each role (the district's own admin among them). Names carry a suffix, so several districts
/// can share one store. Users are signed in by open id: "{prefix}-{role}". Tests add what else they need (more
/// communities, units, volunteer teams, users) through <see cref="OrgAsync"/> and <see cref="UserAsync"/>.
/// </summary>
public sealed class TestDistrict
{
    public required string Prefix { get; init; }
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

    private static readonly string[] json = new[] { "助老" };

    /// <summary>The name a test gives an organisation, with the district's suffix: "{name}（{prefix}）".</summary>
    public string Named(string name) => $"{name}（{Prefix}）";

    public static async Task<TestDistrict> CreateAsync(ApiClient api, string bootstrapAdmin, string prefix)
    {
        async Task<string> Org(string kind, string? parentId, string name, string? unitKind = null) =>
            (await (await api.SendAsync(HttpMethod.Post, "api/v1/orgs", bootstrapAdmin,
                new { kind, parentId, name = $"{name}（{prefix}）", unitKind })).ExpectAsync(201)).Str("id");

        var district = await Org("district", null, "测试区");
        var street = await Org("street", district, "测试街道");
        var community = await Org("community", street, "测试社区");
        var grid = await Org("grid", community, "第一网格");
        var unit = await Org("unit", street, "测试家政服务有限公司", "nonPublicEnterprise");

        return new TestDistrict
        {
            Prefix = prefix, DistrictId = district, StreetId = street, CommunityId = community, GridId = grid, UnitId = unit,
            Admin = bootstrapAdmin,
            DistrictAdmin = await SignInAsync(api, bootstrapAdmin, $"{prefix}-district", "districtAdmin", district),
            StreetAdmin = await SignInAsync(api, bootstrapAdmin, $"{prefix}-street", "streetAdmin", street),
            CommunityAdmin = await SignInAsync(api, bootstrapAdmin, $"{prefix}-community", "communityAdmin", community),
            Liaison = await SignInAsync(api, bootstrapAdmin, $"{prefix}-liaison", "liaison", unit),
            Resident = await SignInAsync(api, bootstrapAdmin, $"{prefix}-resident"),
            OtherResident = await SignInAsync(api, bootstrapAdmin, $"{prefix}-neighbour"),
            Stranger = await SignInAsync(api, bootstrapAdmin, $"{prefix}-stranger"),
        };
    }

    /// <summary>Signs a user in (which creates it) and, when asked, grants it a role at an organisation; returns the open id.</summary>
    private static async Task<string> SignInAsync(
        ApiClient api,
        string bootstrapAdmin,
        string openId,
        string? role = null,
        string? orgId = null)
    {
        var me = await (await api.SendAsync(HttpMethod.Get, "api/v1/me", openId)).ExpectAsync(200);
        if (role is not null)
        {
            await (await api.SendAsync(HttpMethod.Put, $"api/v1/orgs/{orgId}/roles/{me.Str("id")}", bootstrapAdmin, new { role }))
                .ExpectAsync(200);
        }
        return openId;
    }

    /// <summary>Another organisation of this district, created by the bootstrap admin; returns its id.</summary>
    public async Task<string> OrgAsync(ApiClient api, string kind, string parentId, string name, string? unitKind = null) =>
        (await (await api.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, new { kind, parentId, name = Named(name), unitKind }))
            .ExpectAsync(201)).Str("id");

    /// <summary>Another user, open id "{prefix}-{name}", holding a role at an organisation when one is given; returns the open id.</summary>
    public Task<string> UserAsync(ApiClient api, string name, string? role = null, string? orgId = null) =>
        SignInAsync(api, Admin, $"{Prefix}-{name}", role, orgId);

    /// <summary>The user id behind an open id, as <c>GET /v1/me</c> shows it.</summary>
    public static async Task<string> UserIdAsync(ApiClient api, string openId) =>
        (await (await api.SendAsync(HttpMethod.Get, "api/v1/me", openId)).ExpectAsync(200)).Str("id");

    /// <summary>
    /// A published service resource (of the district's unit unless another is named, created by that unit's liaison or an
    /// admin), serving the street unless other areas are named, with the given monthly capacity.
    /// </summary>
    public async Task<string> PublishedResourceAsync(ApiClient api, int monthlyCapacity = 8, string category = "elderlyCare",
        string[]? areaIds = null, string? unitId = null, string? asOpenId = null)
    {
        var by = asOpenId ?? Liaison;
        var created = await (await api.SendAsync(HttpMethod.Post, "api/v1/resources", by, new
        {
            unitId = unitId ?? UnitId, title = "上门助老服务", category, description = "每周两次上门打扫与陪护", kind = "service",
            areaIds = areaIds ?? [StreetId], monthlyCapacity,
            availability = new[] { new { weekday = 2, from = "09:00", to = "17:00" } },
            validFrom = "2026-01-01", validTo = "2030-12-31", tags = json,
        })).ExpectAsync(201);
        var id = created.Str("id");
        await (await api.SendAsync(HttpMethod.Post, $"api/v1/resources/{id}/publish", by)).ExpectAsync(200);
        return id;
    }

    /// <summary>
    /// An order (state submitted) the resident (or another user) raised: in the district's community and its grid unless another
    /// community is named (then without a grid).
    /// </summary>
    public async Task<JsonObject> SubmitOrderAsync(ApiClient api, string category = "elderlyCare", string? communityId = null,
        string level = "community", string urgency = "high", string? asOpenId = null) =>
        await (await api.SendAsync(HttpMethod.Post, "api/v1/orders", asOpenId ?? Resident, new
        {
            communityId = communityId ?? CommunityId, gridId = communityId is null ? GridId : null, title = "独居老人需要助餐", category,
            description = "三楼独居老人行动不便，需要每日送餐", beneficiaries = 1, urgency, contactPhone = "13812341234", level,
        })).ExpectAsync(201);

    /// <summary>An order submitted as <see cref="SubmitOrderAsync"/> does and published (by the community admin in its community, else the district admin).</summary>
    public async Task<string> PublishedOrderAsync(
        ApiClient api,
        string category = "elderlyCare",
        string? communityId = null,
        string urgency = "high",
        string? asOpenId = null)
    {
        var id = (await SubmitOrderAsync(api, category, communityId, urgency: urgency, asOpenId: asOpenId)).Str("id");
        var publisher = communityId is null || communityId == CommunityId ? CommunityAdmin : DistrictAdmin;
        await (await api.SendAsync(HttpMethod.Post, $"api/v1/orders/{id}/publish", publisher, new { })).ExpectAsync(200);
        return id;
    }
}
