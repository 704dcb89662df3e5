using RedYifang.Functions.Identity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Demo;

/// <summary>
/// The people the co-building part needs besides the dev users: an admin (书记) for every community and street, a liaison for
/// every unit, and the in-service party members who report to their communities. The dev users stand in where the README
/// names them (dev-street for 会展街道, dev-community for 博览社区, dev-liaison for 和美家政). A use case sees each as the API
/// would: a <see cref="Caller"/> with the roles the store holds for them.
/// </summary>
public sealed class DemoPeople(OrgStore orgs, UserStore users)
{
    public const int MemberCount = 40;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"];
    private static readonly string[] GivenNames = ["建国", "丽华", "海涛", "秀英", "志强", "春梅", "立新", "晓燕", "国庆", "文博", "雪梅"];

    public static string AdminOpenId(string orgId) => orgId switch
    {
        DemoDistrict.HuizhanStreetId => "dev-street",
        DemoDistrict.DevCommunityId => "dev-community",
        _ => $"demo-admin-{orgId[4..]}",
    };

    public static string LiaisonOpenId(string unitId) =>
        unitId == DemoDistrict.DevLiaisonUnitId ? "dev-liaison" : $"demo-liaison-{unitId[4..]}";

    public static string MemberOpenId(int n) => $"demo-member-{n:00}";

    /// <summary>A member's name: a surname and a given name, drawn so that no two of the forty share both.</summary>
    public static string MemberName(int n) => Surnames[n % Surnames.Length] + GivenNames[n % GivenNames.Length];

    /// <summary>Admins of the streets and communities, liaisons of the units (grants already held are left as they are).</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        for (var s = 1; s <= 3; s++)
        {
            await EnsureAdminAsync($"org_demo-s{s}", Role.StreetAdmin, "街道管理员", ct);
            for (var c = 1; c <= 4; c++) await EnsureAdminAsync($"org_demo-s{s}-c{c}", Role.CommunityAdmin, "社区书记", ct);
        }
        for (var n = 1; n <= 46; n++)
        {
            var unitId = $"org_demo-u{n:00}";
            if (unitId == DemoDistrict.DevLiaisonUnitId) continue;
            var unit = await OrgAsync(unitId, ct);
            var userId = UserIds.FromOpenId(LiaisonOpenId(unitId));
            await users.EnsureAsync(userId, $"{unit.Name}联络员", ct);
            await users.GrantAsync(userId, new RoleGrant(Role.Liaison, unit.Id, unit.Path), "demo", ct);
        }
        for (var n = 1; n <= MemberCount; n++) await users.EnsureAsync(UserIds.FromOpenId(MemberOpenId(n)), MemberName(n), ct);
    }

    public async Task<Caller> CallerAsync(string openId, CancellationToken ct)
    {
        var userId = UserIds.FromOpenId(openId);
        return new Caller(userId, await users.GetRolesAsync(userId, ct));
    }

    public Task<Caller> AdminAsync(string orgId, CancellationToken ct) => CallerAsync(AdminOpenId(orgId), ct);

    public async Task<Org> OrgAsync(string id, CancellationToken ct) =>
        await orgs.FindAsync(id, ct) ?? throw new InvalidOperationException($"Demo organisation {id} is missing; load the district first.");

    private async Task EnsureAdminAsync(string orgId, Role role, string title, CancellationToken ct)
    {
        var openId = AdminOpenId(orgId);
        if (openId.StartsWith("dev-", StringComparison.Ordinal)) return;
        var org = await OrgAsync(orgId, ct);
        var userId = UserIds.FromOpenId(openId);
        await users.EnsureAsync(userId, org.Name + title, ct);
        await users.GrantAsync(userId, new RoleGrant(role, org.Id, org.Path), "demo", ct);
    }
}
