using RedYifang.Functions.Alliances;
using RedYifang.Functions.Evidence;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Demo;

/// <summary>
/// The demo's party-building alliances (党建联盟), one per street, each run by its street's admin through the feature's own use
/// cases on a clock set to when each step happened: founded about a year and a half before the load; the street's first ten
/// units invited (eight accept, one declines, one has not answered); three part-time committee members (兼职委员: the liaisons of
/// the second to fourth members, holding the role on the street); a chair history of half-year terms (轮值主席: the second
/// member last half-year, the first this one, the third the next); and two joint meetings (联席会议) 45 and 15 days before the
/// load, with decisions and a verified photo of their minutes, closed the next morning — their attendance is each attending
/// unit's co-building participation in the rankings the load runs next. Ids are seeded and each step looks first, so a load
/// that stopped half-way completes.
/// </summary>
public sealed class DemoAlliances(
    DemoPeople people,
    DemoEvidence evidence,
    DemoMessages messages,
    AllianceStore alliances,
    OrgStore orgs,
    UserStore users,
    IVerifiedEvidence verified,
    TimeProvider loadClock)
{
    public const int InvitedPerStreet = 10;
    public const int MembersPerStreet = 8;
    public const int CommitteePerStreet = 3;

    private static readonly string[][] Decisions =
    [
        ["成员单位每季度至少联合开展一次进社区服务", "建立成员单位资源清单，每半年更新一次"],
        ["下半年轮值主席单位牵头组织“党群服务月”活动", "各成员单位确定一名联络员参加网格共建"],
    ];

    private readonly DemoClock _clock = new(loadClock.GetUtcNow());

    /// <summary>The units of demo street <paramref name="street"/> (1–3) in id order: the units go round the streets.</summary>
    public static IReadOnlyList<string> UnitsOf(int street) =>
        [.. Enumerable.Range(0, 46).Where(i => i % 3 == street - 1).Select(i => $"org_demo-u{i + 1:00}")];

    /// <summary>Returns how many records the alliances hold: alliances, invitations, committee seats, chair terms and meetings.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var made = 0;
        for (var street = 1; street <= 3; street++) made += await SeedStreetAsync(street, ct);
        return made;
    }

    private async Task<int> SeedStreetAsync(int street, CancellationToken ct)
    {
        var streetId = $"org_demo-s{street}";
        var today = ChinaTime.Today(loadClock.GetUtcNow());
        var half = new DateOnly(today.Year, today.Month <= 6 ? 1 : 7, 1);
        var founded = At(half.AddMonths(-6).AddDays(-20), 9, 0);
        var admin = await people.AdminAsync(streetId, ct);
        var reads = new AllianceReads(alliances, _clock);

        _clock.Now = founded;
        var alliance = await alliances.FindByStreetAsync(DemoDistrict.DistrictId, streetId, ct);
        if (alliance is null)
        {
            using var ids = SeededIds.Begin($"demo-alliance|{streetId}", founded, resuming: true);
            var name = (await people.OrgAsync(streetId, ct)).Name + "“红驿舫”党建联盟";
            alliance = await new CreateAlliance(alliances, orgs, _clock).HandleAsync(admin, new CreateAlliance.Request(streetId, name), ct);
        }

        var units = UnitsOf(street).Take(InvitedPerStreet).ToList();
        for (var j = 0; j < units.Count; j++) await JoinAsync(reads, alliance, admin, units[j], j, founded, ct);
        var members = units.Take(MembersPerStreet).ToList();

        for (var j = 1; j <= CommitteePerStreet; j++)
        {
            var person = UserIds.FromOpenId(DemoPeople.LiaisonOpenId(members[j]));
            if (await alliances.FindSeatOfUserAsync(alliance, person, ct) is not null) continue;
            _clock.Now = founded.AddDays(10 + j);
            var seat = await new AppointCommitteeMember(reads, alliances, users).HandleAsync(admin, alliance.Id,
                new AppointCommitteeMember.Request(person, members[j]), ct);
            await messages.DeliverAsync(new AllianceEvent.CommitteeAppointed(seat), ct);
        }

        var terms = (await alliances.ChairsAsync(alliance, ct)).Value;
        (string Unit, DateOnly From)[] rota = [(members[1], half.AddMonths(-6)), (members[0], half), (members[2], half.AddMonths(6))];
        foreach (var (unit, from) in rota)
        {
            var to = from.AddMonths(6).AddDays(-1);
            if (terms.Overlapping(from, to) is not null) continue;
            // Set two weeks before the term begins, or yesterday for a term that begins sooner than that after the load.
            var setOn = from.AddDays(-14) < today ? from.AddDays(-14) : today.AddDays(-1);
            _clock.Now = At(setOn, 10, 0);
            await new AddChairTerm(reads, alliances).HandleAsync(admin, alliance.Id,
                new AddChairTerm.Request(unit, Day(from), Day(to)), ct);
        }

        await MeetAsync(reads, alliance, admin, 0, At(today.AddDays(-45), 14, 30), [.. members.Take(6)], ct);
        List<string> second = [members[0], members[2], members[4], members[6], members[7]];
        await MeetAsync(reads, alliance, admin, 1, At(today.AddDays(-15), 14, 30), second, ct);
        return 1 + units.Count + CommitteePerStreet + rota.Length + 2;
    }

    /// <summary>Invites the unit a day after the founding; the unit answers the day after: all but the last two accept.</summary>
    private async Task JoinAsync(AllianceReads reads, Alliance alliance, Caller admin, string unitId, int j, DateTimeOffset founded,
        CancellationToken ct)
    {
        var member = (await alliances.FindMemberAsync(alliance, unitId, ct))?.Value;
        if (member is null)
        {
            _clock.Now = founded.AddDays(1).AddMinutes(j);
            member = await new InviteMember(reads, alliances, orgs).HandleAsync(admin, alliance.Id, new InviteMember.Request(unitId), ct);
        }
        if (member.State != MemberState.Invited || j == InvitedPerStreet - 1) return;
        _clock.Now = founded.AddDays(2).AddHours(j);
        var liaison = await people.CallerAsync(DemoPeople.LiaisonOpenId(unitId), ct);
        var answer = new AnswerInvitation(reads, alliances);
        if (j < MembersPerStreet) await new AcceptInvitation(answer).HandleAsync(liaison, alliance.Id, unitId, ct);
        else await new DeclineInvitation(answer).HandleAsync(liaison, alliance.Id, unitId, ct);
    }

    /// <summary>
    /// A joint meeting called a week ahead, its two decisions taken at it, a photo of its minutes filed after it, closed the next
    /// morning; the close delivered to the assessment at once.
    /// </summary>
    private async Task MeetAsync(AllianceReads reads, Alliance alliance, Caller admin, int n, DateTimeOffset at, List<string> attending,
        CancellationToken ct)
    {
        _clock.Now = at.AddDays(-7);
        Meeting meeting;
        using (SeededIds.Begin($"demo-meeting|{alliance.StreetId}|{n}", _clock.Now, resuming: true))
        {
            meeting = await new ScheduleMeeting(reads, alliances, _clock).HandleAsync(admin, alliance.Id,
                new ScheduleMeeting.Request(at, "“红驿舫”党建联盟联席会议：共驻共建事项", [.. attending]), ct);
        }
        if (meeting.State == MeetingState.Closed) return;
        for (var k = meeting.Decisions.Count; k < Decisions[n].Length; k++)
        {
            _clock.Now = at.AddMinutes(40 + (10 * k));
            meeting = await new RecordDecision(reads, alliances).HandleAsync(admin, alliance.Id, meeting.Id,
                new RecordDecision.Request(Decisions[n][k]), ct);
        }
        var placement = new OwnerPlacement(alliance.StreetPath, alliance.StreetId, alliance.StreetPath);
        var seed = 9700 + (10 * int.Parse(alliance.StreetId[^1..], System.Globalization.CultureInfo.InvariantCulture)) + n;
        var minutes = await evidence.PhotoAsync(OwnerType.Meeting, meeting.Id, placement, "联席会议纪要.jpg", admin.UserId, seed,
            at.AddHours(2), ct);
        _clock.Now = ChinaTime.At(ChinaTime.Of(at).Date.AddDays(1), new TimeOnly(10, 0));
        var closed = await new CloseMeeting(reads, alliances, verified).HandleAsync(admin, alliance.Id, meeting.Id,
            new CloseMeeting.Request([minutes.Id]), ct);
        await messages.DeliverAsync(new AllianceEvent.MeetingClosed(closed), ct);
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute) =>
        ChinaTime.At(day.ToDateTime(TimeOnly.MinValue), new TimeOnly(hour, minute));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
