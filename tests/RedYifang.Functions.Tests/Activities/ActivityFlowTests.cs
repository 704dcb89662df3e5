
namespace RedYifang.Functions.Tests.Activities;

/// <summary>
/// Activities over HTTP in a district of this class's own: announced by whoever acts for the organiser, seen and listed
/// within its scope only, refused (and nothing written) when the input or the organiser does not fit, called off with a
/// reason. A second district stands for everyone the activity is none of the business of.
/// </summary>
[Collection(Slices.Activities)]
public sealed class ActivityFlowTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private TestDistrict _d = null!;
    private TestDistrict _other = null!;
    private ActivityParties _p = null!;

    public async Task InitializeAsync()
    {
        _d = await slice.DistrictAsync("activities");
        _other = await slice.DistrictAsync("activities-other");
        _p = new ActivityParties(_app);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Announced_for_a_community_it_is_seen_by_those_who_act_for_it_and_listed_by_start_within_their_scope()
    {
        var community = await _d.OrgAsync(_app, "community", _d.StreetId, "活动社区");
        var admin = await _d.UserAsync(_app, "activity-community-admin", "communityAdmin", community);
        var body = ActivityParties.Body(community, TimeSpan.FromHours(5), TimeSpan.FromHours(2), capacity: 40, kind: "themePartyDay");

        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/activities", admin, body);
        var created = await response.ExpectAsync(201);
        var id = created.Str("id");
        Assert.Equal($"/api/v1/activities/{id}", response.Headers.Location!.ToString());
        Assert.StartsWith($"act_{_d.DistrictId[4..]}-", id);                                  // the id carries its district
        var startsAt = (DateTimeOffset)body["startsAt"]!;
        Assert.Equal(("scheduled", "themePartyDay", "主题党日", community, _d.DistrictId, 40, 0),
            (created.Str("state"), created.Str("kind"), created.Str("kindName"), created.Str("organiserOrgId"), created.Str("districtId"),
                created["capacity"]!.GetValue<int>(), created["checkedIn"]!.GetValue<int>()));
        Assert.Equal((startsAt.AddMinutes(-30), startsAt.AddHours(2).AddMinutes(30)),
            (created["checkinOpensAt"]!.GetValue<DateTimeOffset>(), created["checkinClosesAt"]!.GetValue<DateTimeOffset>()));
        Assert.DoesNotContain("secret", created.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // Who sees it: its admin and the admins above; not the district's other community, a resident or another district.
        await (await _p.GetAsync(id, admin)).ExpectAsync(200);
        await (await _p.GetAsync(id, _d.StreetAdmin)).ExpectAsync(200);
        foreach (var outsider in new[] { _d.CommunityAdmin, _d.Resident, _other.DistrictAdmin })
        {
            await (await _p.GetAsync(id, outsider)).ExpectProblemAsync(404, "not_found");
        }

        // Listed under the community and the street, by start; a window that ends before it leaves it out.
        Assert.Equal([id], await _p.ListAsync(community, admin));
        Assert.Contains(id, await _p.ListAsync(_d.StreetId, _d.StreetAdmin));
        var before = Uri.EscapeDataString(startsAt.ToString("O"));
        Assert.Empty(await _p.ListAsync(community, admin, $"&to={before}"));
        Assert.Equal([id], await _p.ListAsync(community, admin, $"&from={before}"));
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/activities?orgId={community}", _d.CommunityAdmin))
            .ExpectProblemAsync(403, "forbidden");
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/activities?orgId={community}", _other.DistrictAdmin))
            .ExpectProblemAsync(403, "forbidden");
    }

    [Fact]
    public async Task A_units_liaison_announces_for_it_and_the_same_idempotency_key_replays_the_first_answer()
    {
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, "活动单位", "nonPublicEnterprise");
        var liaison = await _d.UserAsync(_app, "activity-unit-liaison", "liaison", unit);
        var body = ActivityParties.Body(unit, TimeSpan.FromDays(2), TimeSpan.FromHours(3), kind: "enterpriseServiceDay");
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "activity-once" };

        var first = await (await _app.SendAsync(HttpMethod.Post, "api/v1/activities", liaison, body, key)).ExpectAsync(201);
        var replay = await _app.SendAsync(HttpMethod.Post, "api/v1/activities", liaison, body, key);

        Assert.Equal(first.Str("id"), (await replay.ExpectAsync(201)).Str("id"));
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal([first.Str("id")], await _p.ListAsync(unit, liaison));
    }

    [Fact]
    public async Task An_organiser_outside_the_callers_scope_is_403_and_writes_nothing()
    {
        var body = ActivityParties.Body(_other.CommunityId, TimeSpan.FromHours(5), TimeSpan.FromHours(1));

        foreach (var caller in new[] { _d.CommunityAdmin, _d.Liaison, _d.Resident })
        {
            await (await _app.SendAsync(HttpMethod.Post, "api/v1/activities", caller, body)).ExpectProblemAsync(403, "forbidden");
        }
        var community = await _d.OrgAsync(_app, "community", _d.StreetId, "越权社区");
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/activities", _d.Liaison,
            ActivityParties.Body(community, TimeSpan.FromHours(5), TimeSpan.FromHours(1)))).ExpectProblemAsync(403, "forbidden");
        Assert.Empty(await _p.ListAsync(_other.CommunityId, _other.CommunityAdmin));
        Assert.Empty(await _p.ListAsync(community, _d.StreetAdmin));
    }

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { "endsAt", "too long", "the activity lasts at most 24 hours" },
        { "endsAt", "before", "must be after startsAt" },
        { "kind", "unknown", "must be one of" },
        { "title", "missing", "is required" },
        { "capacity", "zero", "must be between 1 and 10000" },
        { "commitmentIndex", "alone", "goes with agreementId" },
        { "startsAt", "not a time", "has the wrong type" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_400_naming_the_field_and_writes_nothing(string field, string change, string message)
    {
        var community = await slice.OnceAsync("activities|bad-input-community",
            () => _d.OrgAsync(_app, "community", _d.StreetId, "坏输入社区"));
        var body = ActivityParties.Body(community, TimeSpan.FromHours(5), TimeSpan.FromHours(1));
        var start = (DateTimeOffset)body["startsAt"]!;
        switch (change)
        {
            case "too long": body["endsAt"] = start.AddHours(24).AddMinutes(1); break;
            case "before": body["endsAt"] = start.AddMinutes(-1); break;
            case "unknown": body["kind"] = "picnic"; break;
            case "missing": body.Remove("title"); break;
            case "zero": body["capacity"] = 0; break;
            case "alone": body["commitmentIndex"] = 0; break;
            default: body["startsAt"] = "next tuesday"; break;
        }

        var english = new Dictionary<string, string> { ["Accept-Language"] = "en" };
        var problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/activities", _d.StreetAdmin, body, english))
            .ExpectProblemAsync(400, "validation_failed");

        Assert.Equal([field], problem.Errors().Keys);
        Assert.Contains(problem.Errors()[field], m => m.Contains(message, StringComparison.Ordinal));
        Assert.Empty(await _p.ListAsync(community, _d.StreetAdmin));
    }

    [Fact]
    public async Task Organisers_agreements_and_orders_that_do_not_fit_are_422_and_write_nothing()
    {
        var unit = await _d.OrgAsync(_app, "unit", _d.StreetId, "不符单位", "nonPublicEnterprise");
        var body = ActivityParties.Body("org_nosuchorg1", TimeSpan.FromHours(5), TimeSpan.FromHours(1));
        var problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/activities", _d.StreetAdmin, body))
            .ExpectProblemAsync(422, "invalid_reference");
        Assert.Equal(["organiserOrgId"], problem.Errors().Keys);

        // An agreement that does not exist (or whose unit is another organisation) and an order of another district.
        body = ActivityParties.Body(unit, TimeSpan.FromHours(5), TimeSpan.FromHours(1));
        body["agreementId"] = $"cba_{_d.DistrictId[4..]}-0000000000nosuchagreement";
        body["commitmentIndex"] = 0;
        problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/activities", _d.StreetAdmin, body))
            .ExpectProblemAsync(422, "invalid_reference");
        Assert.Equal(["agreementId"], problem.Errors().Keys);
        body = ActivityParties.Body(unit, TimeSpan.FromHours(5), TimeSpan.FromHours(1));
        body["orderId"] = await _other.PublishedOrderAsync(_app);
        problem = await (await _app.SendAsync(HttpMethod.Post, "api/v1/activities", _d.StreetAdmin, body))
            .ExpectProblemAsync(422, "invalid_reference");
        Assert.Equal(["orderId"], problem.Errors().Keys);
        Assert.Empty(await _p.ListAsync(unit, _d.StreetAdmin));

        // An order of the organiser's district fits.
        body["orderId"] = await _d.PublishedOrderAsync(_app);
        Assert.Equal(body["orderId"], (await _p.CreateAsync(_d.StreetAdmin, body)).Str("orderId"));
    }

    [Fact]
    public async Task Called_off_with_a_reason_it_takes_no_more_check_ins_and_shows_no_code()
    {
        var id = await _p.CreatedAsync(_d.CommunityAdmin,
            ActivityParties.Body(_d.CommunityId, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)));
        var code = await _p.CodeAsync(id, _d.CommunityAdmin);

        var noReason = await (await _p.PostAsync(id, "cancel", _d.CommunityAdmin, new { })).ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["reason"], noReason.Errors().Keys);
        await (await _p.PostAsync(id, "cancel", _d.Liaison, new { reason = "x" })).ExpectProblemAsync(404, "not_found");
        var cancelled = await (await _p.PostAsync(id, "cancel", _d.CommunityAdmin, new { reason = "暴雨停办" })).ExpectAsync(200);

        Assert.Equal("cancelled", cancelled.Str("state"));
        var step = cancelled["history"]!.AsArray()[^1]!;
        Assert.Equal(("cancel", "scheduled", "cancelled", "暴雨停办"),
            (step.Str("action"), step.Str("from"), step.Str("to"), step.Str("reason")));
        await (await _p.CheckInAsync(id, _d.Resident, code)).ExpectProblemAsync(409, "invalid_transition");
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/activities/{id}/checkin-code", _d.CommunityAdmin))
            .ExpectProblemAsync(409, "invalid_transition");
        await (await _p.PostAsync(id, "cancel", _d.CommunityAdmin, new { reason = "again" })).ExpectProblemAsync(409, "invalid_transition");
    }
}
