using RedYifang.Functions.Identity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.PartyMembers;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Demo;

/// <summary>
/// In-service party members (在职党员报到): forty demo users report to their home communities about three months before the
/// load; their community's 书记 approves most the next day (the role is granted as the queue would grant it), leaves four
/// pending and declines two. The district's points rules are set for every year the demo's activities fall in. Each report is
/// looked up before it is made, so a load that stopped half-way goes on where it stopped.
/// </summary>
public sealed class DemoPartyMembers(
    DemoPeople people,
    DemoMessages messages,
    ReportStore reports,
    PointsRulesStore pointsRules,
    OrgStore orgs,
    TimeProvider loadClock)
{
    /// <summary>Points per approved check-in, per hour attended and per accepted order served in person, each with a monthly cap.</summary>
    public static readonly PutPointsRules.Request Rules = new(new Dictionary<string, PutPointsRules.SourceRequest?>
    {
        ["checkIn"] = new(2, 20), ["attendance"] = new(3, 60), ["order"] = new(5, 50),
    });

    private static readonly string[] Skills = ["急救", "法律咨询", "水电维修", "心理疏导", "书法", "电脑维修", "理发", "家电维修", "英语辅导", "摄影"];
    private static readonly string[] Employers = ["吉林大学第二医院", "长春市第二实验小学", "一汽解放集团", "农业银行经开支行"];
    private static readonly Category[] Offered =
        [Category.ElderlyCare, Category.Medical, Category.LegalAid, Category.Repairs, Category.ChildrenEducation, Category.Environment];

    private readonly DemoClock _clock = new(loadClock.GetUtcNow());

    public static bool IsPending(int n) => n % 10 == 7;

    public static bool IsDeclined(int n) => n is 13 or 29;

    public static bool IsApproved(int n) => !IsPending(n) && !IsDeclined(n);

    /// <summary>Member <paramref name="n"/>'s home community: the twelve in turn.</summary>
    public static string CommunityOf(int n) => $"org_demo-s{StreetOf(n)}-c{((n - 1) % 4) + 1}";

    /// <summary>
    /// An approved member of the community (one of the twelve) who served a demo order in person, taking turns by the order's
    /// number <paramref name="seed"/> (with its twelfths added: the service menu's states repeat every twelve orders, so the
    /// number alone would name the same member for every accepted order of a community); none outside the twelve.
    /// </summary>
    public static int? ServerOf(string communityId, int seed)
    {
        var members = Enumerable.Range(1, DemoPeople.MemberCount).Where(n => CommunityOf(n) == communityId && IsApproved(n)).ToList();
        return members.Count == 0 ? null : members[(seed + (seed / 12)) % members.Count];
    }

    /// <summary>The street (1–3) of member <paramref name="n"/>'s home community.</summary>
    public static int StreetOf(int n) => ((n - 1) % 12 / 4) + 1;

    /// <summary>A registered employer for most (every sixth works at dev-liaison's 和美家政), a name for every fifth.</summary>
    public static string? WorkUnitOf(int n) => n % 5 == 0 ? null : $"org_demo-u{(n % 6 * 3) + 1:00}";

    public async Task SeedAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(loadClock.GetUtcNow());
        await RulesAsync(today, ct);
        for (var n = 1; n <= DemoPeople.MemberCount; n++) await ReportAsync(n, today, ct);
    }

    private async Task RulesAsync(DateOnly today, CancellationToken ct)
    {
        var put = new PutPointsRules(pointsRules, orgs, _clock);
        var admin = new Caller(UserIds.FromOpenId("dev-admin"), [new RoleGrant(Role.DistrictAdmin, null)]);
        var first = today.AddDays(-DemoActivities.DaysBack - 10);
        for (var year = first.Year; year <= today.Year; year++)
        {
            if (await pointsRules.CurrentAsync(DemoDistrict.DistrictId, year, ct) is not null) continue;
            var day = year == first.Year ? first : new DateOnly(year, 1, 1);
            _clock.Now = At(day, 9, 0);
            await put.HandleAsync(admin, DemoDistrict.DistrictId, $"{year}", null, Rules, ct);
        }
    }

    private async Task ReportAsync(int n, DateOnly today, CancellationToken ct)
    {
        var member = await people.CallerAsync(DemoPeople.MemberOpenId(n), ct);
        var communityId = CommunityOf(n);
        var existing = (await reports.ListMineAsync(member.UserId, communityId, null, new Paging(10, null), ct)).Items;
        var report = existing.Count > 0 ? existing[^1] : null;
        if (report is null)
        {
            var submitted = IsPending(n) ? today.AddDays(-1 - (n % 5)) : today.AddDays(-DemoActivities.DaysBack - 10 + (n % 7));
            _clock.Now = At(submitted, 19, n % 60);
            var skills = new List<string?> { Skills[n % Skills.Length] };
            if (n % 3 == 0) skills.Add(Skills[(n + 4) % Skills.Length]);
            var categories = new List<string?> { EnumText.ToText(Offered[n % Offered.Length]) };
            if (n % 4 == 0) categories.Add(EnumText.ToText(Category.CultureSport));
            report = await new SubmitReport(reports, orgs, _clock).HandleAsync(member, new SubmitReport.Request
            {
                CommunityId = communityId, GridId = n % 3 == 0 ? $"{communityId}-g{1 + (n / 3 % 3)}" : null, WorkUnitId = WorkUnitOf(n),
                WorkUnitName = WorkUnitOf(n) is null ? Employers[n / 5 % Employers.Length] : null, Skills = skills,
                ServiceCategories = categories,
            }, ct);
        }
        if (report.State != ReportState.Pending || IsPending(n)) return;
        var secretary = await people.AdminAsync(communityId, ct);
        _clock.Now = report.CreatedAt.AddHours(14);
        var changes = new ReportChanges(reports, _clock);
        if (IsDeclined(n))
        {
            await new DeclineReport(changes).HandleAsync(secretary, report.Id, new DeclineReport.Request("经核实，组织关系不在本社区，请向组织关系所在社区报到"), ct);
            return;
        }
        var approved = await new ApproveReport(changes).HandleAsync(secretary, report.Id, ct);
        await messages.DeliverAsync(new ReportEvent.Approved(approved), ct);
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute) =>
        ChinaTime.At(day.ToDateTime(TimeOnly.MinValue), new TimeOnly(hour, minute));
}
