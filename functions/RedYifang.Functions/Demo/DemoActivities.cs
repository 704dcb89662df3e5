using RedYifang.Functions.Activities;
using RedYifang.Functions.Agreements;
using RedYifang.Functions.Evidence;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Demo;

/// <summary>
/// Past activities (活动) over the twelve weeks before the load, each run as it happened on a clock set to its moments: two per
/// community (a 主题党日 and a work day, service day or meeting), one by each unit of every third active agreement's kind (a
/// free clinic, legal outreach, a volunteer service) delivering its first commitment, and a second by every fourth unit with
/// more commitments. Party members and residents check in with the code of that moment, most check out; the next day the
/// organiser's admins approve the attendance (declining about one in thirteen), file a verified photo and close it — closed
/// linked activities are the agreements' deliveries, approved attendance the members' points. One activity of 博览社区 is
/// still ahead, for trying the check-in. Ids come from fixed seeds, so a load that stopped half-way finds what it made.
/// </summary>
public sealed class DemoActivities(
    DemoPeople people,
    DemoEvidence evidence,
    DemoMessages messages,
    ActivityStore activities,
    OrgStore orgs,
    OrderQueries orders,
    IActivityAgreements activityAgreements,
    TimeProvider loadClock)
{
    /// <summary>How far back the demo's activities go.</summary>
    public const int DaysBack = 84;

    private static readonly ActivityKind[] SecondKinds =
        [ActivityKind.CommunityWorkDay, ActivityKind.VolunteerService, ActivityKind.JointMeeting, ActivityKind.OrganisationLife];

    private readonly DemoClock _clock = new(loadClock.GetUtcNow());

    /// <summary>One planned activity: who holds it, what, when (China time), what it delivers, and who comes.</summary>
    public sealed record Plan(string Key, string OrganiserId, string ManagerOrgId, string CreatorOpenId, ActivityKind Kind, string Title,
        DateTimeOffset StartsAt, TimeSpan Length, string? AgreementId, int? CommitmentIndex, IReadOnlyList<string> Participants);

    /// <summary>Whether participant <paramref name="j"/> of activity <paramref name="a"/> is declined (about one in thirteen).</summary>
    public static bool Declined(int a, int j) => (a + (3 * j)) % 13 == 6;

    public static IReadOnlyList<Plan> Plans(IReadOnlyDictionary<int, Agreement> agreements, DateOnly today)
    {
        var plans = new List<Plan>();
        for (var k = 0; k < 12; k++)
        {
            var communityId = $"org_demo-s{(k / 4) + 1}-c{(k % 4) + 1}";
            var street = (k / 4) + 1;
            var first = today.AddDays(-10 - (k * 5 % 70));
            plans.Add(new Plan($"c{k}-1", communityId, communityId, DemoPeople.AdminOpenId(communityId), ActivityKind.ThemePartyDay,
                "主题党日：重温入党誓词", At(first, 9, 0), TimeSpan.FromHours(2), null, null, Members(street, k, 0)));
            var kind = SecondKinds[k % SecondKinds.Length];
            plans.Add(new Plan($"c{k}-2", communityId, communityId, DemoPeople.AdminOpenId(communityId), kind,
                kind.Chinese() + "：楼院环境与邻里服务", At(today.AddDays(-20 - (k * 7 % 60)), 14, 0), TimeSpan.FromHours(2.5), null, null,
                Members(street, k, 1)));
        }
        foreach (var (unit, agreement) in agreements.OrderBy(a => a.Key))
        {
            if (agreement.State != AgreementState.Active || unit % 3 == 2) continue;
            var unitId = agreement.UnitId;
            var street = int.Parse(agreement.UnitPath[1][^1..], System.Globalization.CultureInfo.InvariantCulture);
            var earliest = agreement.TermFrom > today.AddDays(-DaysBack) ? agreement.TermFrom : today.AddDays(-DaysBack);
            var span = Math.Max(1, today.AddDays(-3).DayNumber - earliest.DayNumber);
            var (_, title) = DemoServiceMenu.OfferOf(unit);
            var kind = agreement.Commitments[0].Category switch
            {
                Category.Medical => ActivityKind.FreeClinic,
                Category.LegalAid => ActivityKind.LegalOutreach,
                _ => unit % 2 == 0 ? ActivityKind.EnterpriseServiceDay : ActivityKind.VolunteerService,
            };
            plans.Add(new Plan($"u{unit}-1", unitId, agreement.UnitPath[^2], DemoPeople.LiaisonOpenId(unitId), kind, title + "进社区",
                At(earliest.AddDays(unit * 11 % span), 9, 30), TimeSpan.FromHours(3), agreement.Id, 0, Members(street, unit, 2)));
            if (unit % 4 == 1 && agreement.Commitments.Count > 1)
            {
                plans.Add(new Plan($"u{unit}-2", unitId, agreement.UnitPath[^2], DemoPeople.LiaisonOpenId(unitId),
                    ActivityKind.VolunteerService, "志愿服务：" + (agreement.Commitments[1].Description ?? "社区服务"),
                    At(earliest.AddDays(unit * 17 % span), 14, 30), TimeSpan.FromHours(2), agreement.Id, 1, Members(street, unit, 3)));
            }
        }
        return plans;
    }

    /// <summary>
    /// Who comes: the party members living in the street (pending ones included: their attendance is approved but earns them
    /// nothing yet), about half of them by turns, and two residents who are not members.
    /// </summary>
    private static List<string> Members(int street, int seed, int turn)
    {
        var members = Enumerable.Range(1, DemoPeople.MemberCount)
            .Where(n => DemoPartyMembers.StreetOf(n) == street && (n + seed + turn) % 2 == 0)
            .Select(DemoPeople.MemberOpenId);
        var resident = (seed * 7) + turn;
        return [.. members, $"demo-resident-{resident % 30:00}", $"demo-resident-{(resident + 11) % 30:00}"];
    }

    /// <summary>Returns how many activities the demo holds (the one ahead included).</summary>
    public async Task<int> SeedAsync(IReadOnlyDictionary<int, Agreement> agreements, CancellationToken ct)
    {
        var today = ChinaTime.Today(loadClock.GetUtcNow());
        var plans = Plans(agreements, today);
        for (var a = 0; a < plans.Count; a++) await HoldAsync(a, plans[a], ct);
        await UpcomingAsync(today, ct);
        return plans.Count + 1;
    }

    private async Task HoldAsync(int a, Plan plan, CancellationToken ct)
    {
        var changes = new ActivityChanges(activities, _clock);
        var admin = await people.AdminAsync(plan.ManagerOrgId, ct);
        var activity = await CreateAsync(plan, plan.StartsAt.AddDays(-7), ct);
        if (activity.State == ActivityState.Closed) return;
        var code = new GetCheckinCode(changes);
        for (var j = 0; j < plan.Participants.Count; j++)
        {
            var who = new Caller(UserIds.FromOpenId(plan.Participants[j]), []);
            _clock.Now = plan.StartsAt.AddMinutes(-20 + (3 * j));
            var body = new CheckIn.Request((await code.HandleAsync(admin, activity.Id, ct)).Code);
            await new CheckIn(changes, activities).HandleAsync(who, activity.Id, body, ct);
            if (j % 3 == 2) continue;                                              // no check-out: the record closes at the end, flagged
            _clock.Now = plan.StartsAt + plan.Length - TimeSpan.FromMinutes(5 * j % 40);
            body = new CheckIn.Request((await code.HandleAsync(admin, activity.Id, ct)).Code);
            await new CheckOut(changes, activities).HandleAsync(who, activity.Id, body, ct);
        }
        var review = new ReviewAttendance(changes, activities);
        for (var j = 0; j < plan.Participants.Count; j++)
        {
            var userId = UserIds.FromOpenId(plan.Participants[j]);
            if (await activities.FindAttendanceAsync(activity, userId, ct) is not { Attendance.State: AttendanceState.Pending }) continue;
            _clock.Now = plan.StartsAt.AddDays(1).AddMinutes(30 + j);
            if (Declined(a, j))
            {
                await new DeclineAttendance(review).HandleAsync(admin, activity.Id, userId, new ReviewAttendance.Request("经核实未实际参加活动"), ct);
            }
            else
            {
                await new ApproveAttendance(review).HandleAsync(admin, activity.Id, userId, new ReviewAttendance.Request(null), ct);
            }
            var reviewed = await activities.FindAttendanceAsync(activity, userId, ct)
                ?? throw new InvalidOperationException($"Attendance at {activity.Id} missing.");
            var hours = reviewed.Attendance.Hours(activity, _clock.Now).Hours;
            await messages.DeliverAsync(reviewed.Attendance.State == AttendanceState.Approved
                ? new AttendanceEvent.Approved(activity, reviewed.Attendance, hours)
                : new AttendanceEvent.Declined(activity, reviewed.Attendance, hours), ct);
        }
        if (await activities.VerifiedEvidenceAsync(activity, 1, ct) == 0)
        {
            var placement = new OwnerPlacement(activity.OrganiserPath, activity.OrganiserOrgId, activity.OrganiserPath);
            var photo = await evidence.PhotoAsync(OwnerType.Activity, activity.Id, placement, "活动现场.jpg", admin.UserId, 9000 + a,
                plan.StartsAt.AddMinutes(40), ct);
            if (photo.State == EvidenceState.Verified) await messages.DeliverAsync(new EvidenceEvent.Verified(photo), ct);
        }
        _clock.Now = plan.StartsAt.AddDays(1).AddHours(2);
        var closed = await new CloseActivity(changes, activities).HandleAsync(admin, activity.Id, ct);
        await messages.DeliverAsync(new ActivityEvent.Closed(closed), ct);
    }

    /// <summary>A 主题党日 of 博览社区 three days after the load: dev-community shows its check-in code, dev-resident may scan it then.</summary>
    private async Task UpcomingAsync(DateOnly today, CancellationToken ct)
    {
        var plan = new Plan("upcoming", DemoDistrict.DevCommunityId, DemoDistrict.DevCommunityId, "dev-community",
            ActivityKind.ThemePartyDay, "主题党日：学习新修订的党章", At(today.AddDays(3), 9, 0), TimeSpan.FromHours(2), null, null, []);
        await CreateAsync(plan, loadClock.GetUtcNow(), ct);
    }

    /// <summary>Creates the activity under ids seeded by its key, so a second run finds the first run's activity instead of adding one.</summary>
    private async Task<Activity> CreateAsync(Plan plan, DateTimeOffset at, CancellationToken ct)
    {
        _clock.Now = at;
        var creator = await people.CallerAsync(plan.CreatorOpenId, ct);
        using var ids = SeededIds.Begin($"demo-activity|{plan.Key}", at, resuming: true);
        var create = new CreateActivity(activities, orgs, orders, activityAgreements, _clock);
        return await create.HandleAsync(creator, new CreateActivity.Request
        {
            OrganiserOrgId = plan.OrganiserId, Kind = EnumText.ToText(plan.Kind), Title = plan.Title, StartsAt = plan.StartsAt,
            EndsAt = plan.StartsAt + plan.Length, AgreementId = plan.AgreementId, CommitmentIndex = plan.CommitmentIndex,
        }, ct);
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute) =>
        ChinaTime.At(day.ToDateTime(TimeOnly.MinValue), new TimeOnly(hour, minute));
}
