using RedYifang.Functions.Activities;

namespace RedYifang.Functions.Tests.Activities;

/// <summary>
/// Checking in and out over HTTP with the code the organiser's admins show: inside the window only, with the current (or
/// just previous) code only, once per person however often and however concurrently they try, and never past the capacity
/// when more come at once than it holds.
/// </summary>
[Collection(Slices.Activities)]
public sealed class CheckinTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;
    private ActivityParties _p = null!;

    public async Task InitializeAsync()
    {
        _d = await slice.DistrictAsync("checkins");
        _p = new ActivityParties(_app);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>An activity of the district's community that started 10 minutes ago and runs two hours: check-in is open.</summary>
    private Task<string> RunningAsync(int? capacity = null) =>
        _p.CreatedAsync(_d.CommunityAdmin,
            ActivityParties.Body(_d.CommunityId, TimeSpan.FromMinutes(-10), TimeSpan.FromHours(2), capacity, "volunteerService"));

    [Fact]
    public async Task A_participant_checks_in_once_and_out_once_with_the_code_shown()
    {
        var id = await RunningAsync();
        var code = await _p.CodeAsync(id, _d.CommunityAdmin);
        var resident = await TestDistrict.UserIdAsync(_app, _d.Resident);

        var first = await (await _p.CheckInAsync(id, _d.Resident, code)).ExpectAsync(201);
        Assert.Equal((id, resident, "checkIn", "pending", true, false),
            (first.Str("activityId"), first.Str("userId"), first.Str("source"), first.Str("state"), first["open"]!.GetValue<bool>(),
                first["closedAtEnd"]!.GetValue<bool>()));
        var again = await (await _p.CheckInAsync(id, _d.Resident, code)).ExpectAsync(200);
        Assert.Equal(first["checkedInAt"]!.GetValue<DateTimeOffset>(), again["checkedInAt"]!.GetValue<DateTimeOffset>());

        // The participant now sees the activity; a resident who did not check in does not.
        Assert.Equal(1, (await (await _p.GetAsync(id, _d.Resident)).ExpectAsync(200))["checkedIn"]!.GetValue<int>());
        await (await _p.GetAsync(id, _d.OtherResident)).ExpectProblemAsync(404, "not_found");

        var out1 = await (await _p.CheckOutAsync(id, _d.Resident, code)).ExpectAsync(200);
        var out2 = await (await _p.CheckOutAsync(id, _d.Resident, code)).ExpectAsync(200);
        Assert.Equal(out1["checkedOutAt"]!.GetValue<DateTimeOffset>(), out2["checkedOutAt"]!.GetValue<DateTimeOffset>());
        Assert.False(out2["open"]!.GetValue<bool>());
        Assert.Equal(["checkIn", "checkOut"], out2["history"]!.AsArray().Select(s => s.Str("action")));
        await (await _p.CheckOutAsync(id, _d.OtherResident, code)).ExpectProblemAsync(409, "not_checked_in");
    }

    [Fact]
    public async Task Only_the_organisers_admins_see_the_code_and_it_changes_with_the_30_second_step()
    {
        var id = await RunningAsync();
        var shown = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/activities/{id}/checkin-code", _d.CommunityAdmin))
            .ExpectAsync(200);
        var validUntil = shown["validUntil"]!.GetValue<DateTimeOffset>();
        Assert.Equal(0, validUntil.ToUnixTimeSeconds() % 30);

        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/activities/{id}/checkin-code", _d.Resident))
            .ExpectProblemAsync(404, "not_found");
        await (await _p.CheckInAsync(id, _d.Resident, shown.Str("code"))).ExpectAsync(201);
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/activities/{id}/checkin-code", _d.Resident))
            .ExpectProblemAsync(403, "forbidden");

        // The use case itself, a step apart: another code; the secret behind them shows nowhere.
        var admin = ActivityParties.Admin("usr_anyadmin", _d.CommunityId);
        var now = ActivityParties.Now;
        var (a, b) = (await _p.At<GetCheckinCode>(now).HandleAsync(admin, id, default),
            await _p.At<GetCheckinCode>(now.AddSeconds(30)).HandleAsync(admin, id, default));
        Assert.NotEqual(a.Code, b.Code);
        Assert.Equal(a.ValidUntil.AddSeconds(30), b.ValidUntil);
    }

    [Fact]
    public async Task A_wrong_or_stale_code_is_422_a_malformed_one_400_and_neither_checks_anyone_in()
    {
        var id = await RunningAsync();
        var admin = ActivityParties.Admin("usr_anyadmin", _d.CommunityId);
        var now = ActivityParties.Now;
        var current = await _p.CodeAsync(id, _d.CommunityAdmin);
        // Shown 60 and 90 seconds ago: two and three steps back, whatever the second now is.
        var stale = new[]
        {
            (await _p.At<GetCheckinCode>(now.AddSeconds(-60)).HandleAsync(admin, id, default)).Code,
            (await _p.At<GetCheckinCode>(now.AddSeconds(-90)).HandleAsync(admin, id, default)).Code,
        };
        var wrong = ((int.Parse(current, System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6",
            System.Globalization.CultureInfo.InvariantCulture);

        foreach (var code in stale.Where(c => c != current).Append(wrong))
        {
            var problem = await (await _p.CheckInAsync(id, _d.Resident, code)).ExpectProblemAsync(422, "checkin_code_invalid");
            Assert.Equal(["code"], problem.Errors().Keys);
        }
        foreach (var code in new[] { "12345", "abcdef", "1234567" })
        {
            Assert.Equal(["code"], (await (await _p.CheckInAsync(id, _d.Resident, code)).ExpectProblemAsync(400, "validation_failed"))
                .Errors().Keys);
        }
        Assert.Empty(await _p.AttendanceAsync(id, _d.CommunityAdmin));
    }

    [Fact]
    public async Task Outside_30_minutes_before_the_start_to_30_minutes_after_the_end_it_is_409_checkin_closed()
    {
        var later = await _p.CreatedAsync(_d.CommunityAdmin,
            ActivityParties.Body(_d.CommunityId, TimeSpan.FromHours(3), TimeSpan.FromHours(1)));
        var ended = await _p.CreatedAsync(_d.CommunityAdmin,
            ActivityParties.Body(_d.CommunityId, TimeSpan.FromHours(-3), TimeSpan.FromHours(2)));

        foreach (var id in new[] { later, ended })
        {
            var code = await _p.CodeAsync(id, _d.CommunityAdmin);
            await (await _p.CheckInAsync(id, _d.Resident, code)).ExpectProblemAsync(409, "checkin_closed");
            await (await _p.CheckOutAsync(id, _d.Resident, code)).ExpectProblemAsync(409, "checkin_closed");
            Assert.Empty(await _p.AttendanceAsync(id, _d.CommunityAdmin));
        }

        // The same activities on a clock inside their windows take the check-in: the window, not the code, refused it.
        var admin = ActivityParties.Admin("usr_anyadmin", _d.CommunityId);
        var resident = await TestDistrict.UserIdAsync(_app, _d.Resident);
        await _p.CheckInAtAsync(later, resident, ActivityParties.Now.AddHours(3).AddMinutes(-25), admin);
        await _p.CheckInAtAsync(ended, resident, ActivityParties.Now.AddMinutes(-50), admin);
        Assert.Single(await _p.AttendanceAsync(later, _d.CommunityAdmin));
        Assert.Single(await _p.AttendanceAsync(ended, _d.CommunityAdmin));
    }

    [Fact]
    public async Task Fifty_concurrent_check_ins_of_one_person_make_one_record()
    {
        var id = await RunningAsync();
        var code = await _p.CodeAsync(id, _d.CommunityAdmin);
        await _app.TokenAsync(_d.OtherResident);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            var response = await _p.CheckInAsync(id, _d.OtherResident, code);
            return ((int)response.StatusCode, await response.ExpectAsync((int)response.StatusCode));
        }));

        Assert.Equal((1, 49), (answers.Count(a => a.Item1 == 201), answers.Count(a => a.Item1 == 200)));
        Assert.Single(answers.Select(a => a.Item2["checkedInAt"]!.GetValue<DateTimeOffset>()).Distinct());
        Assert.Single(await _p.AttendanceAsync(id, _d.CommunityAdmin));
        Assert.Equal(1, (await (await _p.GetAsync(id, _d.CommunityAdmin)).ExpectAsync(200))["checkedIn"]!.GetValue<int>());
    }

    [Fact]
    public async Task With_five_places_and_fifteen_people_at_once_exactly_five_check_in()
    {
        const int Places = 5;
        var id = await RunningAsync(capacity: Places);
        var code = await _p.CodeAsync(id, _d.CommunityAdmin);
        var people = await Task.WhenAll(Enumerable.Range(0, Places + 10).Select(async i =>
        {
            var openId = await _d.UserAsync(_app, $"crowd-{i}");
            await _app.TokenAsync(openId);
            return openId;
        }));

        var answers = await Task.WhenAll(people.Select(async person =>
        {
            var response = await _p.CheckInAsync(id, person, code);
            var body = await response.ExpectAsync((int)response.StatusCode);
            return ((int)response.StatusCode, body["code"]?.GetValue<string>());
        }));

        Assert.Equal([(201, (string?)null), (409, "activity_full")],
            answers.Distinct().Order());
        Assert.Equal((Places, 10), (answers.Count(a => a.Item1 == 201), answers.Count(a => a.Item1 == 409)));
        Assert.Equal(Places, (await _p.AttendanceAsync(id, _d.CommunityAdmin)).Count);
        Assert.Equal(Places, (await (await _p.GetAsync(id, _d.CommunityAdmin)).ExpectAsync(200))["checkedIn"]!.GetValue<int>());
        // Someone who got a place checking in again still gets it back (200), full or not.
        var placed = people[Array.FindIndex(answers, a => a.Item1 == 201)];
        await (await _p.CheckInAsync(id, placed, code)).ExpectAsync(200);
    }
}
