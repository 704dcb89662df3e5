using RedYifang.Functions.PartyMembers;

namespace RedYifang.Functions.Tests.PartyMembers;

/// <summary>
/// Points over HTTP and the attendance queue, in a district of this class's own whose rules for this year are 2 points a
/// check-in (at most 5 a month) and 3 an hour (at most 30 a month): members made through the API, attendance decisions sent
/// on queue party-member-attendance as the Activities feature will send them, and what ledgers, the community ranking and a
/// work unit's summary then show. Each test's members are its own; decisions are dated now (this month in China).
/// </summary>
[Collection(Slices.PartyMembers)]
public sealed class PointsLedgerTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;
    private PartyMemberParties _p = null!;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private static string Month => Now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM",
        System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        _d = await slice.DistrictAsync("pm-points");
        _p = new PartyMemberParties(slice, _d);
        await slice.OnceAsync("pm-points-rules", async () =>
            await (await _app.SendAsync(HttpMethod.Put,
                $"api/v1/districts/{_d.DistrictId}/points/rules/{Now.ToOffset(TimeSpan.FromHours(8)).Year}",
                _d.DistrictAdmin, PartyMemberParties.Rules(2, 5, 3, 30))).ExpectAsync(200));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private AttendanceMessage Attendance(string userId, string activity, decimal hours, DateTimeOffset at, bool checkedIn = true,
        AttendanceOutcome outcome = AttendanceOutcome.Approved) => PartyMemberParties.Attendance(_d, userId, activity, hours,
            at, checkedIn, outcome);

    [Fact]
    public async Task Approved_attendance_earns_check_in_and_hour_points_once_however_often_it_arrives()
    {
        var (member, userId, _) = await _p.MemberAsync("attendee");
        var activity = PartyMemberParties.NewActivity();
        var approved = Attendance(userId, activity, 1.5m, Now);

        await _p.SendAsync(approved, approved, approved);                                         // three copies at once
        await _p.DrainedAsync();
        await _p.SendAsync(approved);                                                             // and one more, later
        await _p.DrainedAsync();

        var ledger = await _p.LedgerAsync(userId, member, Month);
        Assert.Equal([("checkIn", activity, 2m, (int?)1, (string?)null, false), ("attendance", activity, 4.5m, 1, null, false)],
            PartyMemberParties.Entries(ledger).OrderBy(e => e.Item1 == "attendance"));
        Assert.Equal((6.5m, 1.5m, 2m, 4.5m), (ledger["total"]!.GetValue<decimal>(), ledger["hours"]!.GetValue<decimal>(),
            ledger["bySource"]!["checkIn"]!.GetValue<decimal>(), ledger["bySource"]!["attendance"]!.GetValue<decimal>()));
        Assert.Equal(6.5m, (await _p.LedgerAsync(userId, member))["total"]!.GetValue<decimal>());   // all periods
        Assert.Empty(PartyMemberParties.Entries(await _p.LedgerAsync(userId, member, "2020-01")));
    }

    /// <summary>
    /// The whole way: a member checks in at the community's activity, the organiser's admin approves the attendance, and the
    /// ledger gets the check-in and the hours (Activities' review → PartyMembers/AttendanceTranslator.cs → the attendance queue);
    /// the decline afterwards reverses both.
    /// </summary>
    [Fact]
    public async Task An_attendance_reviewed_at_the_activity_reaches_the_ledger_and_its_decline_reverses_it()
    {
        var (member, userId, _) = await _p.MemberAsync("activity-goer");
        var activities = new Activities.ActivityParties(_app);
        // From four hours ago to two hours ago; checked in 20 minutes before the start and never out: 2 hours, closed at the end.
        var created = await activities.CreateAsync(_d.CommunityAdmin,
            Activities.ActivityParties.Body(_d.CommunityId, TimeSpan.FromHours(-4), TimeSpan.FromHours(2)));
        var (id, start) = (created.Str("id"), created["startsAt"]!.GetValue<DateTimeOffset>());
        var admin = Activities.ActivityParties.Admin(await TestDistrict.UserIdAsync(_app, _d.CommunityAdmin), _d.CommunityId);
        await activities.CheckInAtAsync(id, userId, start.AddMinutes(-20), admin);

        await (await activities.PostAsync(id, $"attendance/{userId}/approve", _d.CommunityAdmin, new { })).ExpectAsync(200);
        await Eventually.WaitAsync(async () => PartyMemberParties.Entries(await _p.LedgerAsync(userId, member)).Count == 2,
            TimeSpan.FromSeconds(60));
        var ledger = await _p.LedgerAsync(userId, member);
        Assert.Equal([("checkIn", id, 2m, (int?)1, (string?)null, false), ("attendance", id, 6m, 1, null, false)],
            PartyMemberParties.Entries(ledger).OrderBy(e => e.Item1 == "attendance"));
        Assert.Equal((8m, 2m), (ledger["total"]!.GetValue<decimal>(), ledger["hours"]!.GetValue<decimal>()));

        await (await activities.PostAsync(id, $"attendance/{userId}/decline", _d.CommunityAdmin, new { reason = "未实际参加" }))
            .ExpectAsync(200);
        await Eventually.WaitAsync(async () => PartyMemberParties.Entries(await _p.LedgerAsync(userId, member)).Count == 4,
            TimeSpan.FromSeconds(60));
        ledger = await _p.LedgerAsync(userId, member);
        Assert.Equal([-6m, -2m, 2m, 6m], PartyMemberParties.Entries(ledger).Select(e => e.Item3).Order());
        Assert.Equal(0m, ledger["total"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task An_entry_that_would_pass_the_monthly_cap_gives_what_is_left_and_says_so()
    {
        var (member, userId, _) = await _p.MemberAsync("capped");
        var activities = Enumerable.Range(0, 4).Select(_ => PartyMemberParties.NewActivity()).ToList();

        // One at a time, in order: the cap of 5 check-in points a month leaves 2, 2, 1, 0.
        for (var i = 0; i < activities.Count; i++)
        {
            await _p.SendAsync(Attendance(userId, activities[i], 0, Now.AddSeconds(i)));
            await _p.DrainedAsync();
        }

        var checkIns = PartyMemberParties.Entries(await _p.LedgerAsync(userId, member, Month)).Where(e => e.Item1 == "checkIn").ToList();
        Assert.Equal([(2m, false), (2m, false), (1m, true), (0m, true)], checkIns.Select(e => (e.Item3, e.Item6)));
        var capped = (await _p.LedgerAsync(userId, member, Month))["items"]!.AsArray().First(e => e!["points"]!.GetValue<decimal>() == 1m)!;
        Assert.Equal(2m, capped["uncapped"]!.GetValue<decimal>());
        Assert.Equal(5m, (await _p.LedgerAsync(userId, member, Month))["bySource"]!["checkIn"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Declined_attendance_adds_reversals_of_what_it_gave_and_a_late_approval_adds_nothing()
    {
        var (member, userId, _) = await _p.MemberAsync("reversed");
        var activity = PartyMemberParties.NewActivity();
        var approvedAt = Now;
        await _p.SendAsync(Attendance(userId, activity, 2, approvedAt));
        await _p.DrainedAsync();

        var declined = Attendance(userId, activity, 2, approvedAt.AddMinutes(1), outcome: AttendanceOutcome.Declined);
        await _p.SendAsync(declined, declined);
        await _p.DrainedAsync();
        await _p.SendAsync(Attendance(userId, activity, 2, approvedAt));                            // the approval again, late
        await _p.DrainedAsync();

        var ledger = await _p.LedgerAsync(userId, member, Month);
        var items = ledger["items"]!.AsArray();
        Assert.Equal(4, items.Count);
        var awards = items.Where(e => e!["reversalOf"] is null).ToDictionary(e => e.Str("source"), e => e.Str("id"));
        Assert.Equal(
            [("checkIn", -2m, awards["checkIn"]), ("attendance", -6m, awards["attendance"])],
            items.Where(e => e!["reversalOf"] is not null).Select(e => (e.Str("source"), e!["points"]!.GetValue<decimal>(),
                e.Str("reversalOf")))
                .OrderBy(e => e.Item1 == "attendance"));
        Assert.Equal((0m, 0m), (ledger["total"]!.GetValue<decimal>(), ledger["hours"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task Attendance_of_a_user_who_is_not_a_party_member_earns_nothing()
    {
        var resident = await TestDistrict.UserIdAsync(_app, _d.OtherResident);
        await _p.SendAsync(Attendance(resident, PartyMemberParties.NewActivity(), 3, Now));
        await _p.DrainedAsync();

        Assert.Empty(PartyMemberParties.Entries(await _p.LedgerAsync(resident, _d.OtherResident)));
    }

    [Fact]
    public async Task A_ledger_is_its_members_and_the_admins_over_their_community_and_nobody_elses()
    {
        var other = await slice.DistrictAsync("pm-points-other");
        var (member, userId, _) = await _p.MemberAsync("private");
        var sibling = await _d.OrgAsync(_app, "community", _d.StreetId, "积分兄弟社区");
        var siblingAdmin = await _d.UserAsync(_app, "points-sibling-admin", "communityAdmin", sibling);

        foreach (var reader in new[] { member, _d.CommunityAdmin, _d.StreetAdmin, _d.DistrictAdmin })
        {
            Assert.Equal(userId, (await _p.LedgerAsync(userId, reader)).Str("userId"));
        }
        foreach (var stranger in new[] { other.DistrictAdmin, siblingAdmin, _d.Resident, _d.Liaison })
        {
            await (await _app.SendAsync(HttpMethod.Get, $"api/v1/party-members/{userId}/points",
                stranger)).ExpectProblemAsync(404, "not_found");
        }
        var bad = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/party-members/{userId}/points?period=2026-13", member))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["period"], bad.Errors().Keys);
    }

    [Fact]
    public async Task The_community_ranking_orders_members_by_points_then_hours_and_is_for_its_admins_and_members()
    {
        var community = await _d.OrgAsync(_app, "community", _d.StreetId, "排名社区");
        var (first, firstId, _) = await _p.MemberAsync("rank-first", community);
        var (_, secondId, _) = await _p.MemberAsync("rank-second", community);
        var (_, thirdId, _) = await _p.MemberAsync("rank-third", community);
        var (_, idleId, _) = await _p.MemberAsync("rank-idle", community);
        // first: 2 + 3 = 5 points, 1 hour; second: 2 + 3 = 5 points, 1 hour, later; third: 5 points from 1⅔ hours, no check-in.
        await _p.SendAsync(
            Attendance(firstId, PartyMemberParties.NewActivity(), 1, Now.AddMinutes(-10)),
            Attendance(secondId, PartyMemberParties.NewActivity(), 1, Now.AddMinutes(-5)),
            Attendance(thirdId, PartyMemberParties.NewActivity(), 1.67m, Now.AddMinutes(-1), checkedIn: false));
        await _p.DrainedAsync();

        var ranking = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/communities/{community}/points-ranking?period={Month}", first))
            .ExpectAsync(200);

        Assert.Equal("points desc, hours desc, firstAt asc (none last), userId asc", ranking.Str("tieBreak"));
        Assert.Equal([(1, thirdId, 5.01m), (2, firstId, 5m), (3, secondId, 5m), (4, idleId, 0m)],
            ranking["items"]!.AsArray().Select(i => (i!["rank"]!.GetValue<int>(), i.Str("userId"), i["points"]!.GetValue<decimal>())));
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/communities/{community}/points-ranking?period={Month}", _d.StreetAdmin))
            .ExpectAsync(200);
        foreach (var outsider in new[] { _d.CommunityAdmin, _d.Resident, _d.Liaison })
        {
            await (await _app.SendAsync(HttpMethod.Get, $"api/v1/communities/{community}/points-ranking?period={Month}", outsider))
                .ExpectProblemAsync(403, "forbidden");
        }
        Assert.Equal(["period"], (await (await _app.SendAsync(HttpMethod.Get, $"api/v1/communities/{community}/points-ranking", first))
            .ExpectProblemAsync(400, "validation_failed")).Errors().Keys);
    }

    [Fact]
    public async Task A_work_unit_sees_the_quarter_of_the_members_it_employs_and_nobody_else_does()
    {
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, "双岗双责单位", "stateEnterprise");
        var liaison = await _d.UserAsync(_app, "duty-liaison", "liaison", unit);
        var (_, employedId, _) = await _p.MemberAsync("employed", workUnitId: unit);
        var (_, elsewhereId, _) = await _p.MemberAsync("employed-elsewhere");
        await _p.SendAsync(Attendance(employedId, PartyMemberParties.NewActivity(), 2, Now),
            Attendance(elsewhereId, PartyMemberParties.NewActivity(), 2, Now));
        await _p.DrainedAsync();
        var china = Now.ToOffset(TimeSpan.FromHours(8));
        var quarter = $"{china.Year}-Q{((china.Month - 1) / 3) + 1}";

        var summary = await (await _app.SendAsync(HttpMethod.Get,
            $"api/v1/party-members/points?workUnitId={unit}&quarter={quarter}", liaison))
            .ExpectAsync(200);

        Assert.Equal((quarter, 1, 8m, 2m), (summary.Str("quarter"), summary["members"]!.GetValue<int>(),
            summary["total"]!.GetValue<decimal>(),
            summary["hours"]!.GetValue<decimal>()));
        var item = Assert.Single(summary["items"]!.AsArray());
        Assert.Equal((employedId, _d.CommunityId, 2m, 6m), (item.Str("userId"), item!["communityIds"]![0]!.GetValue<string>(),
            item["bySource"]!["checkIn"]!.GetValue<decimal>(), item["bySource"]!["attendance"]!.GetValue<decimal>()));
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/party-members/points?workUnitId={unit}&quarter={quarter}", _d.StreetAdmin))
            .ExpectAsync(200);
        foreach (var outsider in new[] { _d.Liaison, _d.CommunityAdmin, _d.Resident })
        {
            await (await _app.SendAsync(HttpMethod.Get, $"api/v1/party-members/points?workUnitId={unit}&quarter={quarter}", outsider))
                .ExpectProblemAsync(403, "forbidden");
        }
        Assert.Equal(["quarter"], (await (await _app.SendAsync(HttpMethod.Get,
            $"api/v1/party-members/points?workUnitId={unit}&quarter={Month}", liaison)).ExpectProblemAsync(400,
                "validation_failed")).Errors().Keys);
    }
}
