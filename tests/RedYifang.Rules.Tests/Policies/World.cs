using RedYifang.Functions.Orders;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Rules.Tests.Policies;

/// <summary>
/// The fixed, in-memory world every policy table is written against. The tree:
/// <code>
/// d1 ─┬─ s1 ─┬─ c11 ── u4 (a unit hung under the community)
///     │      ├─ c12
///     │      ├─ u1 (the unit that serves the order)
///     │      └─ u2
///     └─ s2 ─┬─ c21
///            └─ u3
/// d2 ─── s3 ─── c31
/// </code>
/// The order is raised in c11 by the resident owner; u1 is the unit it gets matched to. Every caller also holds the
/// unscoped resident role, as every signed-in user does (CallerAuthenticator), and every scoped grant carries its
/// organisation's path, as GrantRole stores it.
/// </summary>
internal static class World
{
    public const string Owner = "resident owner of the order";
    public const string OtherResident = "other resident";
    public const string PartyMemberC11 = "party member of c11";
    public const string CommunityAdminC11 = "community admin of c11";
    public const string CommunityAdminC12 = "community admin of c12 (sibling community)";
    public const string CommunityAdminC21 = "community admin of c21 (other street)";
    public const string StreetAdminS1 = "street admin of s1";
    public const string StreetAdminS2 = "street admin of s2 (other street)";
    public const string DistrictAdminD1 = "district admin of d1";
    public const string DistrictAdminD2 = "district admin of d2 (other district)";
    public const string GlobalAdmin = "bootstrap admin (district admin of every org)";
    public const string LiaisonU1 = "liaison of u1 (unit in s1)";
    public const string LiaisonU2 = "liaison of u2 (other unit in s1)";
    public const string LiaisonU3 = "liaison of u3 (unit in s2)";

    public static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly Org D1 = Organisation("d1", OrgKind.District);
    public static readonly Org D2 = Organisation("d2", OrgKind.District);
    public static readonly Org S1 = Organisation("s1", OrgKind.Street, D1);
    public static readonly Org S2 = Organisation("s2", OrgKind.Street, D1);
    public static readonly Org S3 = Organisation("s3", OrgKind.Street, D2);
    public static readonly Org C11 = Organisation("c11", OrgKind.Community, S1);
    public static readonly Org C12 = Organisation("c12", OrgKind.Community, S1);
    public static readonly Org C21 = Organisation("c21", OrgKind.Community, S2);
    public static readonly Org C31 = Organisation("c31", OrgKind.Community, S3);
    public static readonly Org U1 = Organisation("u1", OrgKind.Unit, S1);
    public static readonly Org U2 = Organisation("u2", OrgKind.Unit, S1);
    public static readonly Org U3 = Organisation("u3", OrgKind.Unit, S2);
    public static readonly Org U4 = Organisation("u4", OrgKind.Unit, C11);

    /// <summary>The callers of every table, by the name a failing row shows.</summary>
    public static readonly IReadOnlyDictionary<string, Caller> Callers = new Dictionary<string, Caller>
    {
        [Owner] = Person("owner"),
        [OtherResident] = Person("resident-2"),
        [PartyMemberC11] = Person("pm-c11", (Role.PartyMember, C11)),
        [CommunityAdminC11] = Person("ca-c11", (Role.CommunityAdmin, C11)),
        [CommunityAdminC12] = Person("ca-c12", (Role.CommunityAdmin, C12)),
        [CommunityAdminC21] = Person("ca-c21", (Role.CommunityAdmin, C21)),
        [StreetAdminS1] = Person("sa-s1", (Role.StreetAdmin, S1)),
        [StreetAdminS2] = Person("sa-s2", (Role.StreetAdmin, S2)),
        [DistrictAdminD1] = Person("da-d1", (Role.DistrictAdmin, D1)),
        [DistrictAdminD2] = Person("da-d2", (Role.DistrictAdmin, D2)),
        [GlobalAdmin] = new("bootstrap", [new RoleGrant(Role.Resident, null), new RoleGrant(Role.DistrictAdmin, null)]),
        [LiaisonU1] = Person("l-u1", (Role.Liaison, U1)),
        [LiaisonU2] = Person("l-u2", (Role.Liaison, U2)),
        [LiaisonU3] = Person("l-u3", (Role.Liaison, U3)),
    };

    /// <summary>Every admin role in the world, whatever its scope.</summary>
    public static readonly string[] AnyAdmin =
    [
        CommunityAdminC11, CommunityAdminC12, CommunityAdminC21, StreetAdminS1, StreetAdminS2, DistrictAdminD1, DistrictAdminD2,
        GlobalAdmin,
    ];

    /// <summary>The admins whose scope holds c11 (and so u4, hung under it): its own, its street's, its district's, bootstrap.</summary>
    public static readonly string[] AdminsOverC11 = [CommunityAdminC11, StreetAdminS1, DistrictAdminD1, GlobalAdmin];

    /// <summary>The admins whose scope holds s1 (and u1, u2 hung under it).</summary>
    public static readonly string[] AdminsOverS1 = [StreetAdminS1, DistrictAdminD1, GlobalAdmin];

    /// <summary>The admins whose scope holds s2 (and u3).</summary>
    public static readonly string[] AdminsOverS2 = [StreetAdminS2, DistrictAdminD1, GlobalAdmin];

    public static readonly string[] AdminsOverD1 = [DistrictAdminD1, GlobalAdmin];

    /// <summary>A community-level order in c11, as its owner submitted it.</summary>
    public static readonly Order Submitted = Submit("ord-community", OrderLevel.Community);

    /// <summary>A street-level project (项目) in c11, waiting for 立项.</summary>
    public static readonly Order StreetProject = Submit("ord-street", OrderLevel.Street);

    /// <summary>A district-level project in c11, waiting for 立项.</summary>
    public static readonly Order DistrictProject = Submit("ord-district", OrderLevel.District);

    public static readonly Order Published = Submitted.Apply(OrderAction.Publish, Id(CommunityAdminC11), At).Order;

    /// <summary>Cancelled by its owner while published: no unit ever took it.</summary>
    public static readonly Order CancelledWhilePublished = Published.Apply(OrderAction.Cancel, Id(Owner), At, "no longer needed").Order;

    public static readonly Order MatchedToU1 = Published.Match(new("agr-1", "res-u1", U1.Id, Id(CommunityAdminC11), At)).Order;

    public static readonly Order CompletedByU1 = MatchedToU1.Apply(OrderAction.Agree, Id(LiaisonU1), At)
        .Then(o => o.Apply(OrderAction.Start, Id(LiaisonU1), At))
        .Then(o => o.Complete(new Completion(["evd-1"], 2m, 3, At), Id(LiaisonU1)))
        .Order;

    public static readonly Order AcceptedFromU1 = CompletedByU1.Accept(Id(CommunityAdminC11), At, evidenceVerified: true).Order;

    public static readonly Order ClosedAfterU1 = AcceptedFromU1.Rate(new Rating(5, null, At), Id(Owner)).Order;

    /// <summary>Served by u3, a unit of the other street.</summary>
    public static readonly Order MatchedToU3 = Published.Match(new("agr-3", "res-u3", U3.Id, Id(CommunityAdminC11), At)).Order;

    /// <summary>The user id of a named caller.</summary>
    public static string Id(string caller) => Callers[caller].UserId;

    private static Org Organisation(string id, OrgKind kind, Org? parent = null) => new()
    {
        Id = id,
        Kind = kind,
        ParentId = parent?.Id,
        Name = id,
        Path = [.. parent?.Path ?? [], id],
        CreatedAt = At,
    };

    /// <summary>A signed-in user: the unscoped resident role and the given roles, each scoped to an organisation.</summary>
    public static Caller Person(string userId, params (Role Role, Org At)[] grants) =>
        new(userId, [new RoleGrant(Role.Resident, null), .. grants.Select(g => new RoleGrant(g.Role, g.At.Id, g.At.Path))]);

    private static Order Submit(string id, OrderLevel level)
    {
        var draft = new NewOrder
        {
            Level = level,
            Title = "楼道灯维修",
            Category = Category.Repairs,
            Description = "三单元楼道灯不亮",
            Beneficiaries = 12,
            Urgency = Urgency.Normal,
            ContactPhone = "13812341234",
        };
        return Order.Submit(draft, id, C11.Path, Id(Owner), At).Order;
    }
}
