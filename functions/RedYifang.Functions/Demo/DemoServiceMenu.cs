using RedYifang.Functions.Evidence;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Matching;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Resources;

namespace RedYifang.Functions.Demo;

/// <summary>
/// The demo's service menu: a resource for every demo unit and volunteer team, and about 200 orders raised by
/// demo residents over the last three months, in every state of the lifecycle. Fixed ids and a fixed random
/// seed: loading again adds only what is missing.
/// </summary>
public sealed class DemoServiceMenu(OrgStore orgs, UserStore users, ResourceStore resources, OrderStore orders, CapacityLedger capacity,
    Suggestions suggestions, DemoEvidence evidence, IVerifiedEvidence orderEvidence, DemoMessages messages, TimeProvider clock)
{
    public const int OrderCount = 204;

    private static readonly (Category Category, string Title, string Description)[] Offers =
    [
        (Category.ElderlyCare, "上门助老服务", "为高龄、独居老人提供上门打扫、陪护与助餐。"),
        (Category.Medical, "义诊与健康讲座", "每季度组织医生进社区义诊，测血压血糖、讲解慢病管理。"),
        (Category.LegalAid, "法律咨询", "律师每月坐班，解答婚姻家庭、劳动纠纷、物业纠纷等问题。"),
        (Category.Repairs, "水电维修", "为困难家庭免费维修水电、更换灯具和水龙头。"),
        (Category.ChildrenEducation, "四点半课堂", "放学后为双职工家庭孩子提供作业辅导与兴趣课。"),
        (Category.Employment, "就业指导", "简历指导、岗位推荐与技能培训信息。"),
        (Category.Environment, "环境整治", "组织清理楼道杂物、绿化补植与垃圾分类宣传。"),
        (Category.Psychological, "心理疏导", "心理咨询师为有需要的居民提供一对一疏导。"),
        (Category.CultureSport, "文体活动", "组织广场舞、书画、象棋等文体活动。"),
        (Category.Disability, "助残服务", "为残疾人提供康复陪护与出行帮助。"),
        (Category.Financial, "金融知识进社区", "防诈骗宣传与养老金融知识讲座。"),
    ];

    private static readonly (Category Category, string Title, string Description)[] Needs =
    [
        (Category.ElderlyCare, "独居老人需要助餐", "楼里独居老人行动不便，希望每天有人送餐。"),
        (Category.Medical, "希望组织一次义诊", "小区老人多，希望有医生来量血压、看慢病。"),
        (Category.LegalAid, "物业纠纷咨询", "与物业就维修基金使用有争议，需要法律意见。"),
        (Category.Repairs, "楼道灯坏了", "单元楼道灯不亮，晚上出行不安全。"),
        (Category.ChildrenEducation, "孩子放学无人照看", "双职工家庭，孩子放学后需要托管辅导。"),
        (Category.Employment, "下岗职工求职", "希望获得就业指导和岗位信息。"),
        (Category.Environment, "楼道杂物堆积", "楼道堆放杂物存在消防隐患，需要清理。"),
        (Category.Psychological, "老人情绪低落", "老伴去世后老人情绪低落，需要心理疏导。"),
        (Category.CultureSport, "想组织象棋比赛", "社区象棋爱好者多，希望组织一次比赛。"),
        (Category.Disability, "残疾人出行帮助", "轮椅使用者就医出行需要陪同。"),
        (Category.Financial, "防诈骗讲座", "老人接到诈骗电话，希望开展防诈骗宣传。"),
    ];

    // How the demo orders are spread over the lifecycle (out of 12).
    private static readonly OrderState[] StateMix =
    [
        OrderState.Submitted, OrderState.Published, OrderState.Published, OrderState.Matched, OrderState.Agreed, OrderState.InProgress,
        OrderState.Completed, OrderState.Accepted, OrderState.Closed, OrderState.Closed, OrderState.Rejected, OrderState.Cancelled,
    ];

    /// <summary>What the demo unit or volunteer team at <paramref name="index"/> offers (its resource's category and title).</summary>
    public static (Category Category, string Title) OfferOf(int index) =>
        (Offers[index % Offers.Length].Category, Offers[index % Offers.Length].Title);

    public async Task SeedAsync(CancellationToken ct)
    {
        var units = await UnitsAsync(ct);
        var offered = new List<Resource>();
        for (var i = 0; i < units.Count; i++) offered.Add(await ResourceAsync(units[i], i, ct));
        var published = await OrdersAsync(offered, ct);
        var candidates = suggestions.NewCandidates();
        foreach (var id in published) await suggestions.RankOrderAsync(id, candidates, ct);
    }

    private async Task<List<Org>> UnitsAsync(CancellationToken ct)
    {
        var units = new List<Org>();
        for (var n = 1; n <= 46; n++) units.Add(await orgs.FindAsync($"org_demo-u{n:00}", ct) ?? throw Missing($"org_demo-u{n:00}"));
        for (var s = 1; s <= 3; s++)
        for (var c = 1; c <= 4; c++)
        {
            units.Add(await orgs.FindAsync($"org_demo-s{s}-c{c}-vt", ct) ?? throw Missing($"org_demo-s{s}-c{c}-vt"));
        }
        return units;
    }

    private async Task<Resource> ResourceAsync(Org unit, int index, CancellationToken ct)
    {
        var id = $"res_{unit.Id[4..]}-demo1";
        if (await resources.FindAsync(id, ct) is { } existing) return existing.Resource;
        // The first unit (dev-liaison's, a home-services company) offers elderly care; the others go round the catalogue.
        var (category, title, description) = Offers[index % Offers.Length];
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var funds = index % 10 == 9;
        var resource = new Resource
        {
            Id = id, UnitId = unit.Id, UnitPath = unit.Path, Title = title, Category = category, Description = description,
            Kind = funds ? ResourceKind.Funds : ResourceKind.Service, Amount = funds ? 5000m + (1000m * (index % 5)) : null,
            AreaIds = [unit.Path[1]], MonthlyCapacity = 2 + (index % 9),
            Availability = [new AvailabilityWindow(1 + (index % 5), "09:00", "11:30"), new AvailabilityWindow(6, "14:00", "17:00")],
            ValidFrom = today.AddMonths(-6), ValidTo = today.AddYears(1), Tags = [category.Chinese()],
            State = index % 13 == 12
                ? ResourceState.Paused
                : ResourceState.Published, CreatedAt = now.AddDays(-120), UpdatedAt = now.AddDays(-120),
        };
        await resources.AddAsync(resource, ct);
        return resource;
    }

    /// <summary>Adds the demo orders; returns the ids of those left published (to be ranked).</summary>
    private async Task<List<string>> OrdersAsync(IReadOnlyList<Resource> offered, CancellationToken ct)
    {
        var published = new List<string>();
        var random = new Random(20181018);
        var now = clock.GetUtcNow();
        for (var n = 1; n <= OrderCount; n++)
        {
            var street = 1 + (n % 3);
            var community = await orgs.FindAsync($"org_demo-s{street}-c{1 + (n / 3 % 4)}", ct) ?? throw Missing("community");
            var id = $"ord_{community.Id[4..]}-demo{n:000}";
            var need = Needs[random.Next(Needs.Length)];
            var state = StateMix[n % StateMix.Length];
            var created = now.AddDays(-random.Next(1, 90)).AddMinutes(-random.Next(0, 600));
            var residentOpenId = n % 5 == 0 ? "dev-resident" : $"demo-resident-{n % 30:00}";
            var owner = UserIds.FromOpenId(residentOpenId);
            if (await orders.FindAsync(id, ct) is not null) continue;
            await users.EnsureAsync(owner, residentOpenId == "dev-resident" ? "居民小王" : $"居民{n % 30:00}", ct);
            var provider = offered.FirstOrDefault(
                r => r.Category == need.Category && r.State == ResourceState.Published && r.AreaIds.Contains(community.Path[1]));
            if (provider is null && state >= OrderState.Matched && state <= OrderState.Closed) state = OrderState.Published;
            var draft = new DemoOrder(id, community, $"{community.Id}-g{1 + (n % 3)}", need, owner, created, n);
            var change = await WalkAsync(draft, state, provider, random, ct)
                ?? (await WalkAsync(draft, OrderState.Published, null, random, ct))!;
            // The history is written as it stands; what its events mean to Matching and the assessment is delivered here
            // and now, through the same translators and consumers as a live change, so the demo's rankings are ready.
            await orders.AddAsync(change with { Events = [] }, ct);
            foreach (var e in change.Events) await messages.DeliverAsync(e, ct);
            if (change.Order.State == OrderState.Published) published.Add(change.Order.Id);
        }
        return published;
    }

    /// <summary>A demo match holds its resource's capacity like a real one; a full resource leaves the order published.</summary>
    private async Task<bool> ReserveAsync(Resource provider, Order order, ProjectAgreement agreement, CancellationToken ct)
    {
        try
        {
            await capacity.ReserveAsync(provider, order.Id, agreement.Id, ChinaTime.Month(agreement.At), ct);
            return true;
        }
        catch (CapacityExhaustedException)
        {
            return false;
        }
    }

    private sealed record DemoOrder(string Id, Org Community, string GridId, (Category Category, string Title, string Description) Need,
        string Owner, DateTimeOffset Created, int Seed);

    /// <summary>
    /// Takes a new order through the real lifecycle, a few hours to days per step, up to <paramref name="target"/>: the
    /// same actions a live order takes, with a real photo as the completion's evidence.
    /// </summary>
    /// <returns>Null when the provider's capacity for the month is taken (the caller leaves the order published).</returns>
    private async Task<OrderChange?> WalkAsync(DemoOrder demo, OrderState target, Resource? provider, Random random, CancellationToken ct)
    {
        var admin = UserIds.FromOpenId("dev-community");
        var liaison = UserIds.FromOpenId("dev-liaison");
        var at = demo.Created;
        DateTimeOffset Next() => at = at.AddHours(2 + random.Next(0, 40));
        var draft = new NewOrder
        {
            GridId = demo.GridId, Level = OrderLevel.Community, Title = demo.Need.Title, Category = demo.Need.Category,
            Description = demo.Need.Description, Beneficiaries = 1 + random.Next(0, 40), Urgency = (Urgency)random.Next(0, 3),
            ContactPhone = $"13{random.Next(0, 10)}{random.Next(10_000_000, 99_999_999)}",
        };
        var change = Order.Submit(draft, demo.Id, demo.Community.Path, demo.Owner, at);
        switch (target)
        {
            case OrderState.Submitted: return change;
            case OrderState.Rejected: return change.Then(o => o.Apply(OrderAction.Reject, admin, Next(), "不属于社区服务范围"));
            case OrderState.Cancelled: return change.Then(o => o.Apply(OrderAction.Cancel, demo.Owner, Next(), "问题已自行解决"));
        }
        change = change.Then(o => o.Apply(OrderAction.Publish, admin, Next()));
        if (target == OrderState.Published) return change;
        change = change.Then(o => o.Match(new ProjectAgreement($"agr_{demo.Id[4..]}", provider!.Id, provider.UnitId, admin, Next())));
        if (!await ReserveAsync(provider!, change.Order, change.Order.Agreement!, ct)) return null;
        if (target == OrderState.Matched) return change;
        change = change.Then(o => o.Apply(OrderAction.Agree, liaison, Next()));
        if (target == OrderState.Agreed) return change;
        change = change.Then(o => o.Apply(OrderAction.Start, liaison, Next()));
        if (target == OrderState.InProgress) return change;
        var hours = 1 + (random.Next(0, 16) / 2m);
        var doneAt = Next();
        var photo = await evidence.PhotoAsync(demo.Id, demo.Community.Path, provider!.UnitId, liaison, demo.Seed, doneAt, ct);
        // The liaison served with a party member of the community (who earns points once the order is accepted; the liaison,
        // no party member, earns none).
        List<string> servedBy = DemoPartyMembers.ServerOf(demo.Community.Id, demo.Seed) is { } member
            ? [liaison, UserIds.FromOpenId(DemoPeople.MemberOpenId(member))]
            : [liaison];
        change = change.Then(o => o.Complete(new Completion([photo], hours, o.Beneficiaries, doneAt) { ServedBy = servedBy }, liaison));
        if (target == OrderState.Completed) return change;
        var verified = await orderEvidence.AllVerifiedAsync(OwnerType.Order, demo.Id, [photo], ct);
        change = change.Then(o => o.Accept(admin, Next(), verified));
        if (target == OrderState.Accepted) return change;
        return change.Then(o => o.Rate(new Rating(3 + random.Next(0, 3), "服务很好", Next()), demo.Owner));
    }

    private static InvalidOperationException Missing(string id) => new($"Demo organisation {id} is missing; load the district first.");
}
