using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;
using RedYifang.Functions.Sites;

namespace RedYifang.Functions.Demo;

/// <summary>
/// The demo's sites (阵地) and their shared use (阵地联用), registered 60 days before the load: in each street a party–mass service
/// station of every community (shared), a 红色文化基地 of the street (shared), a 党员之家 of a unit (shared in 会展街道 and 临河街道, kept
/// to itself in 东方广场街道) and a liaison station of the street (not shared). Shared sites are booked by the street's
/// organisations — three times in the past three weeks and twice in the coming ten days, in turn the owner, a community and a unit —
/// the others by their owners, once past and once ahead; one booking ahead at 博览社区's station is cancelled. Each street has six
/// non-public enterprises, so needs 300 m² of shared site: 会展街道 and 临河街道 have more, 东方广场街道 less. Ids come from fixed
/// seeds, so a load that stopped half-way finds what it made; the stations reach the statistics at once (<see cref="DemoMessages"/>).
/// </summary>
public sealed class DemoSites(DemoPeople people, DemoMessages messages, SiteStore sites, OrgStore orgs, ISiteActivities activities,
    TimeProvider loadClock)
{
    /// <summary>The stations' floor areas per street (community 1–4), m².</summary>
    private static readonly decimal[][] StationAreas = [[120.50m, 95.00m, 88.25m, 76.80m], [110.00m, 64.50m, 92.40m, 70.00m],
        [45.50m, 38.00m, 52.25m, 41.00m]];

    /// <summary>The street base, the unit's 党员之家 and the liaison station per street, m².</summary>
    private static readonly (decimal Base, decimal Home, decimal Liaison)[] OtherAreas = [(150.00m, 60.50m, 30m), (98.60m, 45.00m, 25m),
        (80.00m, 200.00m, 20m)];

    private static readonly string[] StreetNames = ["会展街道", "临河街道", "东方广场街道"];

    private readonly DemoClock _clock = new(loadClock.GetUtcNow());

    /// <summary>One planned site: who keeps it and who registers it (their admin or liaison), what and where.</summary>
    public sealed record Plan(string Key, string OwnerId, string ManagerOpenId, SiteKind Kind, string Name, decimal Area, int Capacity,
        Dictionary<string, string?> Hours, bool Shared, List<string?> Facilities);

    private static Dictionary<string, string?> Days(string window, params string[] days) => days.ToDictionary(d => d, _ => (string?)window);

    public static IReadOnlyList<Plan> Plans()
    {
        var plans = new List<Plan>();
        for (var s = 1; s <= 3; s++)
        {
            var street = $"org_demo-s{s}";
            for (var c = 1; c <= 4; c++)
            {
                var community = $"{street}-c{c}";
                var hours = Days("08:30-17:30", "mon", "tue", "wed", "thu", "fri");
                hours["sat"] = "09:00-12:00";
                plans.Add(new Plan($"s{s}-c{c}-station", community, DemoPeople.AdminOpenId(community), SiteKind.ServiceStation,
                    "党群服务站", StationAreas[s - 1][c - 1], 30 + (10 * c), hours, true, ["会议室", "图书角", "投影仪"]));
            }
            var (baseArea, homeArea, liaisonArea) = OtherAreas[s - 1];
            plans.Add(new Plan($"s{s}-base", street, DemoPeople.AdminOpenId(street), SiteKind.RedCultureBase,
                StreetNames[s - 1] + "红色文化基地", baseArea, 80, Days("09:00-16:00", "tue", "thu", "sat"), true, ["展厅", "多功能厅"]));
            var unit = $"org_demo-u{s:00}";
            plans.Add(new Plan($"s{s}-home", unit, DemoPeople.LiaisonOpenId(unit), SiteKind.PartyMembersHomeBase, "党员之家", homeArea, 25,
                Days("14:00-18:00", "wed", "fri"), s != 3, ["党建书架", "会议桌"]));
            plans.Add(new Plan($"s{s}-liaison", street, DemoPeople.AdminOpenId(street), SiteKind.LiaisonStation,
                StreetNames[s - 1] + "党代表联络站", liaisonArea, 12, Days("09:00-11:30", "mon", "wed"), false, ["接待室"]));
        }
        return plans;
    }

    /// <summary>Returns how many sites and bookings the demo holds.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(loadClock.GetUtcNow());
        var made = 0;
        foreach (var plan in Plans())
        {
            var site = await RegisterAsync(plan, today, ct);
            made += 1 + await BookAsync(plan, site, today, ct);
        }
        return made;
    }

    private async Task<Site> RegisterAsync(Plan plan, DateOnly today, CancellationToken ct)
    {
        var at = ChinaTime.At(today.AddDays(-60).ToDateTime(TimeOnly.MinValue), new TimeOnly(10, 0));
        _clock.Now = at;
        var caller = await people.CallerAsync(plan.ManagerOpenId, ct);
        var owner = await people.OrgAsync(plan.OwnerId, ct);
        var site = default(Site);
        using (SeededIds.Begin($"demo-site|{plan.Key}", at, resuming: true))
        {
            site = await new CreateSite(sites, orgs, _clock).HandleAsync(caller, new CreateSite.Request
            {
                OwnerOrgId = plan.OwnerId, Kind = EnumText.ToText(plan.Kind), Name = NameOf(plan, owner),
                Address = $"{owner.Name}办公楼一层", FloorAreaM2 = plan.Area, Capacity = plan.Capacity, OpeningHours = plan.Hours,
                SharedUse = plan.Shared, Facilities = plan.Facilities,
            }, ct);
        }
        await messages.DeliverAsync(new SiteEvent.Registered(site), ct);
        return site;
    }

    /// <summary>
    /// The site's bookings: shared, five by the street's organisations in turn; otherwise two by its owner. Returns how many.
    /// </summary>
    private async Task<int> BookAsync(Plan plan, Site site, DateOnly today, CancellationToken ct)
    {
        int[] offsets = plan.Shared ? [-21, -14, -7, 2, 9] : [-10, 5];
        string[] bookers = plan.Shared
            ? [plan.OwnerId, NeighbourCommunity(plan.OwnerId, site.StreetId), UnitOf(site.StreetId)]
            : [plan.OwnerId];
        var changes = new SiteChanges(sites, _clock);
        for (var i = 0; i < offsets.Length; i++)
        {
            var orgId = bookers[i % bookers.Length];
            var day = OpenDay(site.Hours, today.AddDays(offsets[i]));
            var window = site.Hours.On(day.DayOfWeek)!.Value;
            var from = ChinaTime.At(day.ToDateTime(TimeOnly.MinValue), window.Opens.AddMinutes(30));
            _clock.Now = from.AddDays(-2);
            var caller = await ActorAsync(orgId, ct);
            using (SeededIds.Begin($"demo-booking|{site.Id}|{i}", _clock.Now, resuming: true))
            {
                var (booking, _) = await new BookSite(changes, sites, orgs, activities, _clock).HandleAsync(caller, site.Id,
                    new BookSite.Request(orgId, Iso(from), Iso(from.AddMinutes(90)), null), ct);
                if (plan.Key == "s1-c1-station" && offsets[i] == 9 && booking.State == BookingState.Active)
                {
                    _clock.Now = from.AddDays(-1);
                    await new CancelBooking(changes, sites).HandleAsync(caller, site.Id, booking.Id, ct);
                }
            }
        }
        return offsets.Length;
    }

    /// <summary>A station and a 党员之家 are named after who keeps them (博览社区党群服务站); a street's sites carry its name already.</summary>
    private static string NameOf(Plan plan, Org owner) =>
        plan.Kind is SiteKind.ServiceStation or SiteKind.PartyMembersHomeBase ? owner.Name + plan.Name : plan.Name;

    /// <summary>A community of the street other than the owner: the next one after a community, the second for anyone else.</summary>
    private static string NeighbourCommunity(string ownerId, string streetId) =>
        ownerId.Length > streetId.Length && ownerId.StartsWith(streetId + "-c", StringComparison.Ordinal)
            ? $"{streetId}-c{(int.Parse(ownerId[^1..], System.Globalization.CultureInfo.InvariantCulture) % 4) + 1}"
            : $"{streetId}-c2";

    /// <summary>A unit of the street that keeps no site here: units go round the streets, so u04, u05, u06 are of streets 1–3.</summary>
    private static string UnitOf(string streetId) =>
        $"org_demo-u{int.Parse(streetId[^1..], System.Globalization.CultureInfo.InvariantCulture) + 3:00}";

    /// <summary>Who books for an organisation: a community's or street's admin, a unit's liaison.</summary>
    private Task<Caller> ActorAsync(string orgId, CancellationToken ct) =>
        orgId.StartsWith("org_demo-u", StringComparison.Ordinal)
            ? people.CallerAsync(DemoPeople.LiaisonOpenId(orgId), ct)
            : people.AdminAsync(orgId, ct);

    /// <summary>The first day from <paramref name="day"/> on that the site is open.</summary>
    private static DateOnly OpenDay(OpeningHours hours, DateOnly day)
    {
        while (hours.On(day.DayOfWeek) is null) day = day.AddDays(1);
        return day;
    }

    private static string Iso(DateTimeOffset at) =>
        at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
