using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Demo;

/// <summary>
/// A demo district modelled on the seed report (长春经开区): three streets, twelve communities with grids,
/// 46 resident units of the four kinds, twelve volunteer teams, and the dev-login users of the README; then its service menu
/// (<see cref="DemoServiceMenu"/>), its co-building (<see cref="DemoCoBuilding"/>), its sites (<see cref="DemoSites"/>), its
/// streets' alliances (<see cref="DemoAlliances"/>), a closed evaluation window (<see cref="DemoEvaluations"/>), its funding
/// (<see cref="DemoFunding"/>) and its rankings.
/// Unit and community names are invented. Loaded once, on an empty store, by the local host; ids are fixed,
/// so a load interrupted half-way completes on the next start.
/// </summary>
public sealed partial class DemoDistrict(
    OrgStore orgs,
    UserStore users,
    DemoServiceMenu serviceMenu,
    DemoCoBuilding coBuilding,
    DemoSites sites,
    DemoAlliances alliances,
    DemoEvaluations evaluations,
    DemoFunding funding,
    Assessment.AssessmentRuns rankings,
    Tables tables,
    TimeProvider clock,
    ILogger<DemoDistrict> logger)
{
    public const string DistrictId = "org_demo-district";
    public const string HuizhanStreetId = "org_demo-s1";
    public const string DevCommunityId = "org_demo-s1-c1";
    public const string DevLiaisonUnitId = "org_demo-u01";
    private const string MarkerTable = "Demo";

    public static readonly (string OpenId, string Nickname)[] DevUsers =
    [
        ("dev-admin", "区党工委管理员"), ("dev-street", "会展街道管理员"), ("dev-community", "博览社区书记"),
        ("dev-liaison", "和美家政联络员"), ("dev-resident", "居民小王"),
    ];

    private static readonly (string Name, string[] Communities)[] Streets =
    [
        ("会展街道", ["博览社区", "会展社区", "新城社区", "东盛社区"]),
        ("临河街道", ["临河社区", "仁和社区", "世纪社区", "龙腾社区"]),
        ("东方广场街道", ["东方社区", "广场社区", "华润社区", "南阳社区"]),
    ];

    private static readonly (UnitKind Kind, string[] Names)[] Units =
    [
        (UnitKind.NonPublicEnterprise, ["长春和美家政服务有限公司", "长春华信科技有限公司", "吉林德润物流有限公司", "长春博远汽车零部件有限公司",
            "长春仁康医药连锁有限公司", "长春新锐软件有限公司", "吉林鼎盛建设有限公司", "长春百佳超市有限公司", "长春益民眼镜有限公司",
            "长春安居物业服务有限公司", "长春绿源环保科技有限公司", "长春启航教育咨询有限公司", "长春康泰健身有限公司",
            "长春美景装饰工程有限公司", "长春顺达汽车维修有限公司", "长春智联电子有限公司", "长春金穗餐饮管理有限公司", "长春明德律师事务所"]),
        (UnitKind.Agency, ["经开区人民法院", "经开区人民检察院", "经开区税务局", "经开区市场监督管理局", "经开区人民医院",
            "经开区第一中学", "经开区公安分局", "经开区司法局", "经开区消防救援大队", "经开区图书馆"]),
        (UnitKind.StateEnterprise, ["国网经开供电公司", "长春水务经开分公司", "中国邮政经开支局", "中国银行经开支行", "中国移动经开营业部",
            "一汽配套产业园", "长春燃气经开分公司", "中国建设银行经开支行", "长春公交经开分公司", "吉林高速经开管理处"]),
        (UnitKind.SocialOrganization, ["经开区社会工作服务中心", "经开区慈善协会", "经开区老年人协会", "经开区青年志愿者协会",
            "经开区残疾人联合会服务站", "经开区心理咨询师协会", "经开区书画协会", "经开区家庭教育指导中心"]),
    ];

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        var markers = await tables.GetAsync(MarkerTable, ct);
        if (!await IsLoadedAsync(markers, "district", ct))
        {
            var districts = await orgs.ListChildrenAsync(null, OrgKind.District, new Platform.Http.Paging(1, null), ct);
            if (districts.Items.Count > 0 && districts.Items[0].Id != DistrictId)
            {
                LogNotEmpty();
                return;
            }
            var created = await SeedOrganisationsAsync(ct);
            await SeedUsersAsync(ct);
            await MarkLoadedAsync(markers, "district", ct);
            await MarkLoadedAsync(markers, "district-keys", ct);
            LogLoaded("district", created);
        }
        else if (!await IsLoadedAsync(markers, "district-keys", ct))
        {
            // Loaded before organisations, facts and rankings were keyed by district (README: existing stores).
            LogOldLayout();
            return;
        }
        if (!await IsLoadedAsync(markers, "service-menu", ct))
        {
            // The members first: the service menu's accepted orders name some of them as having served in person.
            await coBuilding.MembersAsync(ct);
            await serviceMenu.SeedAsync(ct);
            await MarkLoadedAsync(markers, "service-menu", ct);
            LogLoaded("service menu", DemoServiceMenu.OrderCount);
        }
        if (!await IsLoadedAsync(markers, "co-building", ct))
        {
            // Before the rankings, so that they are run over the co-building the demo shows.
            var made = await coBuilding.SeedAsync(ct);
            await MarkLoadedAsync(markers, "co-building", ct);
            LogLoaded("co-building", made);
        }
        if (!await IsLoadedAsync(markers, "sites", ct))
        {
            var made = await sites.SeedAsync(ct);
            await MarkLoadedAsync(markers, "sites", ct);
            LogLoaded("sites", made);
        }
        if (!await IsLoadedAsync(markers, "alliances", ct))
        {
            // Before the rankings too: the joint meetings' attendance is the attending units' participation.
            var made = await alliances.SeedAsync(ct);
            await MarkLoadedAsync(markers, "alliances", ct);
            LogLoaded("alliances", made);
        }
        if (!await IsLoadedAsync(markers, "evaluations", ct))
        {
            // Before the rankings too: a closed evaluation window counts in its month's ranking.
            var made = await evaluations.SeedAsync(ct);
            await MarkLoadedAsync(markers, "evaluations", ct);
            LogLoaded("evaluations", made);
        }
        if (!await IsLoadedAsync(markers, "funding", ct))
        {
            var made = await funding.SeedAsync(ct);
            await MarkLoadedAsync(markers, "funding", ct);
            LogLoaded("funding", made);
        }
        if (!await IsLoadedAsync(markers, "rankings", ct))
        {
            // The last complete month's ranking (final once its evaluation window has closed) and this month's (provisional), as the
            // nightly run leaves them; and the evaluated month's (final), when it is the one before (a load in the first half of a month).
            var now = ChinaTime.Of(clock.GetUtcNow());
            var months = new[] { evaluations.Period.Text, ChinaTime.Month(now.AddMonths(-1)), ChinaTime.Month(now) }.Distinct().ToList();
            foreach (var text in months)
            {
                Period.TryParse(text, out var period);
                await rankings.RunAsync(DistrictId, period, ct);
            }
            await MarkLoadedAsync(markers, "rankings", ct);
            LogLoaded("rankings", months.Count);
        }
    }

    private static async Task<bool> IsLoadedAsync(TableClient markers, string part, CancellationToken ct) =>
        (await markers.GetEntityIfExistsAsync<TableEntity>("demo", part, cancellationToken: ct)).HasValue;

    private async Task MarkLoadedAsync(TableClient markers, string part, CancellationToken ct) =>
        await markers.UpsertEntityAsync(new TableEntity("demo", part) { ["LoadedAt"] = clock.GetUtcNow() }, cancellationToken: ct);

    private async Task<int> SeedOrganisationsAsync(CancellationToken ct)
    {
        var created = 0;
        var district = Org(DistrictId, OrgKind.District, null, "长春经开区", address: "吉林省长春市经济技术开发区");
        created += await AddAsync(district, ct);
        for (var s = 0; s < Streets.Length; s++)
        {
            var street = Org($"org_demo-s{s + 1}", OrgKind.Street, district, Streets[s].Name);
            created += await AddAsync(street, ct);
            for (var c = 0; c < Streets[s].Communities.Length; c++)
            {
                var name = Streets[s].Communities[c];
                var households = CommunityHouseholds(c);
                var community = Org($"{street.Id}-c{c + 1}", OrgKind.Community, street, name, branches: 3 + c, members: 60 + (17 * c)) with
                {
                    Households = households,
                };
                created += await AddAsync(community, ct);
                for (var g = 1; g <= 3; g++)
                {
                    created += await AddAsync(Org($"{community.Id}-g{g}", OrgKind.Grid, community, $"第{"一二三"[g - 1]}网格") with
                    {
                        Households = (households / 3) + (g <= households % 3 ? 1 : 0),
                    }, ct);
                }
                created += await AddAsync(Org($"{community.Id}-vt", OrgKind.VolunteerTeam, community,
                    name.Replace("社区", "") + "志愿服务队", branches: 1, members: 8 + (3 * c)), ct);
            }
        }
        created += await SeedUnitsAsync(ct);
        return created;
    }

    /// <summary>
    /// The registry's households of a street's community <paramref name="c"/> (0–3): 1,175, 1,225, 1,275 and 1,325, 5,000 a street,
    /// the seed's 15,000 households over the district's three streets; a community's grids share them as evenly as they divide.
    /// </summary>
    public static int CommunityHouseholds(int c) => 1_175 + (50 * c);

    /// <summary>Units go round the three streets; every other one belongs to a community rather than the street.</summary>
    private async Task<int> SeedUnitsAsync(CancellationToken ct)
    {
        var created = 0;
        var index = 0;
        foreach (var (kind, names) in Units)
        {
            foreach (var name in names)
            {
                var street = index % Streets.Length;
                var parentId = index % 2 == 0 ? $"org_demo-s{street + 1}" : $"org_demo-s{street + 1}-c{(index / 3 % 4) + 1}";
                var parent = await orgs.FindAsync(parentId, ct) ?? throw new InvalidOperationException($"Demo parent {parentId} missing.");
                var unit = Org($"org_demo-u{index + 1:00}", OrgKind.Unit, parent, name, kind,
                    branches: 1 + (index % 4), members: 6 + (index * 37 % 180));
                created += await AddAsync(unit, ct);
                index++;
            }
        }
        return created;
    }

    private async Task SeedUsersAsync(CancellationToken ct)
    {
        foreach (var (openId, nickname) in DevUsers)
        {
            await users.EnsureAsync(UserIds.FromOpenId(openId), nickname, ct);
        }
        await GrantAsync("dev-street", Role.StreetAdmin, HuizhanStreetId, ct);
        await GrantAsync("dev-community", Role.CommunityAdmin, DevCommunityId, ct);
        await GrantAsync("dev-community", Role.PartyMember, DevCommunityId, ct);
        await GrantAsync("dev-liaison", Role.Liaison, DevLiaisonUnitId, ct);
        await GrantAsync("dev-resident", Role.Resident, DevCommunityId, ct);
    }

    private async Task GrantAsync(string openId, Role role, string orgId, CancellationToken ct)
    {
        var org = await orgs.FindAsync(orgId, ct) ?? throw new InvalidOperationException($"Demo org {orgId} missing.");
        await users.GrantAsync(UserIds.FromOpenId(openId), new RoleGrant(role, org.Id, org.Path), "demo", ct);
    }

    private async Task<int> AddAsync(Org org, CancellationToken ct)
    {
        if (await orgs.FindAsync(org.Id, ct) is not null) return 0;
        await orgs.AddAsync(org, "demo", ct);
        return 1;
    }

    private Org Org(string id, OrgKind kind, Org? parent, string name, UnitKind? unitKind = null,
        int? branches = null, int? members = null, string? address = null) =>
        new()
        {
            Id = id, Kind = kind, ParentId = parent?.Id, Name = name, UnitKind = unitKind, PartyBranches = branches, PartyMembers = members,
            Address = address, Path = [.. parent?.Path ?? [], id],
            // Registered as of 1 January last year (China time): the registry stood before the year whose entitlements the demo pays.
            CreatedAt = ChinaTime.At(new DateTime(ChinaTime.Today(clock.GetUtcNow()).Year - 1, 1, 1), TimeOnly.MinValue),
        };

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "This store was written before data was kept per district: delete .azurite/ and run ./run.sh again to reload the demo")]
    private partial void LogOldLayout();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store holds another district; the demo is not loaded")]
    private partial void LogNotEmpty();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo {Part} loaded ({Count} records)")]
    private partial void LogLoaded(string part, int count);
}
