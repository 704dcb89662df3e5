using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Demo;

/// <summary>
/// The demo's alliances at <see cref="DemoApp.Now"/> (2026-05-20 12:00 China time): one per street, ten units invited (eight
/// members, one declined, one not answered), three committee members holding the role on the street, half-year chair terms
/// (2025-H2, 2026-H1 — the current one, chaired by the street's first unit — and 2026-H2), and two joint meetings closed with
/// verified minutes whose attendance the units' facts count.
/// </summary>
[Collection(Slices.Demo)]
public sealed class DemoAllianceTests(DemoApp demo)
{
    private readonly AppUnderTest _app = demo.App;

    private async Task<List<JsonNode>> ItemsAsync(string path, string asOpenId) =>
        [.. (await (await _app.SendAsync(HttpMethod.Get, path, asOpenId)).ExpectAsync(200))["items"]!.AsArray().Select(n => n!)];

    [Fact]
    public async Task Each_street_has_an_alliance_with_members_a_committee_a_chair_history_and_two_closed_meetings()
    {
        var alliances = await ItemsAsync("api/v1/alliances?districtId=org_demo-district", "dev-admin");
        Assert.Equal(["org_demo-s1", "org_demo-s2", "org_demo-s3"], alliances.Select(a => a.Str("streetId")));
        Assert.Equal(["org_demo-u01", "org_demo-u02", "org_demo-u03"], alliances.Select(a => a["currentChair"].Str("unitId")));

        var s1 = Assert.Single(await ItemsAsync("api/v1/alliances?streetId=org_demo-s1", "dev-liaison"));
        Assert.Equal("会展街道“红驿舫”党建联盟", s1.Str("name"));
        var id = s1.Str("id");
        var members = await ItemsAsync($"api/v1/alliances/{id}/members?limit=100", "dev-street");
        Assert.Equal(new Dictionary<string, int> { ["active"] = 8, ["declined"] = 1, ["invited"] = 1 },
            members.GroupBy(m => m.Str("state")).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal("invited", members.Single(m => m.Str("unitId") == "org_demo-u28").Str("state"));

        var committee = await ItemsAsync($"api/v1/alliances/{id}/committee", "dev-street");
        Assert.Equal(["org_demo-u04", "org_demo-u07", "org_demo-u10"], committee.Select(s => s.Str("unitId")));
        var me = await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", "demo-liaison-demo-u04")).ExpectAsync(200);
        Assert.Contains(me["roles"]!.AsArray(), r => r.Str("role") == "partTimeCommitteeMember" && r.Str("orgId") == "org_demo-s1");

        var chairs = await ItemsAsync($"api/v1/alliances/{id}/chairs", "dev-liaison");
        Assert.Equal(
            [
                ("org_demo-u04", "2025-07-01", "2025-12-31", false), ("org_demo-u01", "2026-01-01", "2026-06-30", true),
                ("org_demo-u07", "2026-07-01", "2026-12-31", false),
            ],
            chairs.Select(t => (t.Str("unitId"), t.Str("from"), t.Str("to"), t!["current"]!.GetValue<bool>())));

        var meetings = await ItemsAsync($"api/v1/alliances/{id}/meetings", "dev-liaison");
        Assert.Equal([("closed", 6, 2), ("closed", 5, 2)], meetings.Select(m => (m.Str("state"), m["attendingUnitIds"]!.AsArray().Count,
            m["decisions"]!.AsArray().Count)));
        foreach (var meeting in meetings)
        {
            var minutes = await ItemsAsync($"api/v1/evidence?ownerType=meeting&ownerId={meeting.Str("id")}", "dev-street");
            Assert.Equal(["verified"], minutes.Select(e => e.Str("state")));
        }

        // 和美家政 attended both: each is an activity it took part in, in the month the meeting was held (April, May).
        foreach (var (month, meeting) in new[] { ("2026-04", meetings[0].Str("id")), ("2026-05", meetings[1].Str("id")) })
        {
            var facts = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/rankings/{month}/orgs/org_demo-u01/facts", "dev-admin"))
                .ExpectAsync(200);
            Assert.Contains(facts["items"]!.AsArray(),
                f => f.Str("kind") == "activityClosed" && f!["activityId"]?.GetValue<string>() == meeting);
        }
    }
}
