using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Demo;

/// <summary>
/// The demo's co-building at <see cref="DemoApp.Now"/> (2026-05-20 12:00 China time): agreements of 35 units, 49 past activities
/// and one ahead, forty reported party members, the year's points rules and the points their approved attendance and the
/// accepted orders they served earned.
/// </summary>
[Collection(Slices.Demo)]
public sealed class DemoCoBuildingTests(DemoApp demo)
{
    private const string District = "org_demo-district";
    private readonly AppUnderTest _app = demo.App;

    [Fact]
    public async Task Thirty_five_units_have_agreements_four_of_them_due_for_renewal_and_each_signed_one_has_its_signed_copy()
    {
        var agreements = await ItemsAsync($"api/v1/agreements?orgId={District}&limit=100", "dev-admin");
        Assert.Equal(
            new Dictionary<string, int> { ["active"] = 33, ["terminated"] = 1, ["draft"] = 1 },
            agreements.GroupBy(a => a.Str("state")).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(35, agreements.Select(a => a.Str("unitId")).Distinct().Count());
        Assert.Equal([1, 2, 3], agreements.Select(a => a["commitments"]!.AsArray().Count).Distinct().Order());

        var expiring = await ItemsAsync($"api/v1/agreements?orgId={District}&expiringWithinDays=30&limit=100", "dev-admin");
        Assert.Equal(["org_demo-u05", "org_demo-u26", "org_demo-u33", "org_demo-u19"], expiring.Select(a => a.Str("unitId")));
        Assert.Equal(["2026-05-30", "2026-05-31", "2026-06-07", "2026-06-13"], expiring.Select(a => a.Str("termTo")));
        var inS1 = await ItemsAsync("api/v1/agreements?orgId=org_demo-s1&expiringWithinDays=30", "dev-street");
        Assert.Equal(["org_demo-u19"], inS1.Select(a => a.Str("unitId")));

        foreach (var agreement in agreements.Where(a => a.Str("state") != "draft"))
        {
            var files = await ItemsAsync($"api/v1/evidence?ownerType=agreement&ownerId={agreement.Str("id")}", "dev-admin");
            Assert.Equal(["verified"], files.Select(f => f.Str("state")));
        }
    }

    [Fact]
    public async Task Closed_activities_and_accepted_orders_fulfil_the_commitments()
    {
        var agreements = await ItemsAsync($"api/v1/agreements?orgId={District}&limit=100", "dev-admin");
        var commitments = new List<JsonNode>();
        foreach (var id in agreements.Select(a => a.Str("id")))
        {
            var agreement = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/agreements/{id}", "dev-admin")).ExpectAsync(200);
            commitments.AddRange(agreement["fulfilment"]!.AsArray().Select(c => c!));
        }
        var delivered = commitments.Where(c => c["delivered"]!.GetValue<int>() > 0).ToList();
        Assert.All(delivered, c => Assert.Equal(
            Math.Round((decimal)c["delivered"]!.GetValue<int>() / c["target"]!.GetValue<int>(), 2),
            Math.Round(c["ratio"]!.GetValue<decimal>(), 2)));
        var bySource = commitments.SelectMany(c => c["deliveries"]!.AsArray()).GroupBy(d => d.Str("source"))
            .ToDictionary(g => g.Key, g => g.Count());
        // 68 commitments; 30 have deliveries: 40 accepted orders and 25 closed activities of their units, in their categories and terms.
        Assert.Equal((68, 30), (commitments.Count, delivered.Count));
        Assert.Equal(new Dictionary<string, int> { ["order"] = 40, ["activity"] = 25 }, bySource);
        Assert.All(delivered, c => Assert.True(c["ratio"]!.GetValue<decimal>() > 0));
    }

    [Fact]
    public async Task Forty_nine_past_activities_are_closed_with_reviewed_attendance_and_one_is_ahead()
    {
        var activities = await ItemsAsync($"api/v1/activities?orgId={District}&limit=100", "dev-admin");
        Assert.Equal(
            new Dictionary<string, int> { ["closed"] = 49, ["scheduled"] = 1 },
            activities.GroupBy(a => a.Str("state")).ToDictionary(g => g.Key, g => g.Count()));
        var attendance = new List<JsonNode>();
        foreach (var activity in activities.Where(a => a.Str("state") == "closed"))
        {
            attendance.AddRange(await ItemsAsync($"api/v1/activities/{activity.Str("id")}/attendance?limit=100", "dev-admin"));
        }
        var byState = attendance.GroupBy(a => a.Str("state")).ToDictionary(g => g.Key, g => g.Count());
        // Every third participant does not check out (the record closes at the end, flagged); about one in thirteen is declined.
        Assert.Equal(new Dictionary<string, int> { ["approved"] = 399, ["declined"] = 33 }, byState);
        Assert.Equal((432, 118, 1014.36m),
            (attendance.Count, attendance.Count(a => a["closedAtEnd"]!.GetValue<bool>()),
                attendance.Sum(a => a["hours"]!.GetValue<decimal>())));
        Assert.Equal(
            ["communityWorkDay", "enterpriseServiceDay", "freeClinic", "jointMeeting", "legalOutreach", "organisationLife", "themePartyDay",
                "volunteerService"],
            activities.Select(a => a.Str("kind")).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Forty_members_reported_and_their_approved_attendance_earned_points()
    {
        var reports = new List<JsonNode>();
        for (var s = 1; s <= 3; s++)
        for (var c = 1; c <= 4; c++)
        {
            reports.AddRange(await ItemsAsync($"api/v1/party-member-reports?communityId=org_demo-s{s}-c{c}&limit=100", "dev-admin"));
        }
        Assert.Equal(
            new Dictionary<string, int> { ["approved"] = 34, ["pending"] = 4, ["declined"] = 2 },
            reports.GroupBy(r => r.Str("state")).ToDictionary(g => g.Key, g => g.Count()));

        var rules = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/districts/{District}/points/rules/2026", "dev-resident"))
            .ExpectAsync(200);
        var me = await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", "demo-member-06")).ExpectAsync(200);
        var memberId = me.Str("id");
        var ledger = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/party-members/{memberId}/points?period=2026", "demo-member-06"))
            .ExpectAsync(200);
        var ranking = await (await _app.SendAsync(HttpMethod.Get, "api/v1/communities/org_demo-s1-c1/points-ranking?period=2026",
            "dev-community")).ExpectAsync(200);
        var summary = await (await _app.SendAsync(HttpMethod.Get, "api/v1/party-members/points?workUnitId=org_demo-u01&quarter=2026-Q2",
            "dev-liaison")).ExpectAsync(200);
        var top = ranking["items"]!.AsArray();                       // 博览社区's two approved members (of four who reported)
        Assert.Equal(
            (1, 2, 125m, 2, 142.08m, 5, 208.52m),
            (rules["version"]!.GetValue<int>(), rules["sources"]!["checkIn"]!["points"]!.GetValue<int>(),
                ledger["total"]!.GetValue<decimal>(), top.Count, top.Sum(i => i!["points"]!.GetValue<decimal>()),
                summary["members"]!.GetValue<int>(), summary["total"]!.GetValue<decimal>()));
    }

    /// <summary>
    /// Demo orders name the liaison and a party member of the community as having served in person (Demo/DemoServiceMenu.cs);
    /// each member's ledger holds an order entry for each accepted order naming them, the liaison's (no party member) nothing.
    /// </summary>
    [Fact]
    public async Task Members_who_served_accepted_demo_orders_earned_points_for_each_and_the_liaison_none()
    {
        var entries = new List<(int Member, string Order, decimal Points)>();
        for (var n = 1; n <= 40; n++)
        {
            var openId = $"demo-member-{n:00}";
            var memberId = (await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", openId)).ExpectAsync(200)).Str("id");
            var ledger = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/party-members/{memberId}/points?limit=100", openId))
                .ExpectAsync(200);
            foreach (var entry in ledger["items"]!.AsArray().Where(e => e.Str("source") == "order"))
            {
                var order = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{entry.Str("sourceId")}", "dev-admin"))
                    .ExpectAsync(200);
                Assert.Contains(order.Str("state"), new[] { "accepted", "closed" });
                Assert.Contains(memberId, order["completion"]!["servedBy"]!.AsArray().Select(u => u!.GetValue<string>()));
                entries.Add((n, entry.Str("sourceId"), entry!["points"]!.GetValue<decimal>()));
            }
        }
        var liaisonId = (await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", "dev-liaison")).ExpectAsync(200)).Str("id");
        var liaison = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/party-members/{liaisonId}/points", "dev-liaison"))
            .ExpectAsync(200);

        // Each of the 45 accepted or closed orders gives the member it names 5 points (no month reaches the cap of 50); they lie in
        // three communities (s1-c4, s2-c3, s3-c3: the state mix repeats every twelve orders), whose nine approved members share them.
        var accepted = DemoData.OrdersByState["accepted"] + DemoData.OrdersByState["closed"];
        Assert.Equal((accepted, accepted, 9, 5m * accepted), (entries.Count, entries.Select(e => e.Order).Distinct().Count(),
            entries.Select(e => e.Member).Distinct().Count(), entries.Sum(e => e.Points)));
        Assert.Empty(liaison["items"]!.AsArray());
    }

    private async Task<List<JsonNode>> ItemsAsync(string path, string openId)
    {
        var page = await (await _app.SendAsync(HttpMethod.Get, path, openId)).ExpectAsync(200);
        Assert.Null(page["continuationToken"]);
        return [.. page["items"]!.AsArray().Select(n => n!)];
    }
}
