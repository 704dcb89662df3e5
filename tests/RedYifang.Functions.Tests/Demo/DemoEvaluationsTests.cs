using System.Text.Json.Nodes;

namespace RedYifang.Functions.Tests.Demo;

/// <summary>
/// The demo's two-way evaluation at <see cref="DemoApp.Now"/> (2026-05-20 12:00 China time): April 2026, whose window closed on
/// 16 May — 143 evaluations of 68 organisations (Demo/DemoEvaluations.cs), summed up and counted in April's final ranking.
/// </summary>
[Collection(Slices.Demo)]
public sealed class DemoEvaluationsTests(DemoApp demo)
{
    private const string April = "2026-04";
    private readonly AppUnderTest _app = demo.App;

    private async Task<JsonObject> GetAsync(string path, string openId) =>
        await (await _app.SendAsync(HttpMethod.Get, path, openId)).ExpectAsync(200);

    [Fact]
    public async Task Aprils_window_is_closed_and_its_streets_and_communities_see_a_mean_where_three_evaluated_them()
    {
        var street = await GetAsync($"api/v1/evaluations/received?orgId=org_demo-s1&period={April}", "dev-street");
        Assert.Equal(("available", 16, 84.38m),
            (street.Str("state"), street["evaluators"]!.GetValue<int>(), street["mean"]!.GetValue<decimal>()));
        // 博览社区 has no unit of its own: only its volunteer team evaluated it.
        var bolan = await GetAsync($"api/v1/evaluations/received?orgId=org_demo-s1-c1&period={April}", "dev-community");
        Assert.Equal("notEnoughEvaluations", bolan.Str("state"));
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/evaluations", "dev-liaison", new
        {
            period = April, evaluatorOrgId = "org_demo-u01", subjectOrgId = "org_demo-s1", score = 90, opinion = "补交",
        })).ExpectProblemAsync(409, "evaluation_window_closed");

        // 会展社区's five evaluators, for the street's admin; the liaison of 和美家政 sees what it gave (its street only).
        var entries = await GetAsync($"api/v1/evaluations?subjectOrgId=org_demo-s1-c2&period={April}", "dev-street");
        Assert.Equal(5, entries["items"]!.AsArray().Count);
        var given = await GetAsync($"api/v1/evaluations?evaluatorOrgId=org_demo-u01&period={April}", "dev-liaison");
        Assert.Equal(["org_demo-s1"], given["items"]!.AsArray().Select(i => i.Str("subjectOrgId")));

        // April's final ranking counts it: 会展社区's mean, no data for 博览社区.
        var ranking = await GetAsync($"api/v1/rankings/{April}?districtId=org_demo-district&peerGroup=community", "dev-resident");
        Assert.True(ranking["final"]!.GetValue<bool>());
        (string, double, string?)[] expected = [("org_demo-s1-c2", 86.4, null), ("org_demo-s1-c1", 0.0, "本期无数据，按本组最差计")];
        foreach (var (community, raw, note) in expected)
        {
            var breakdown = await GetAsync($"api/v1/rankings/{April}/orgs/{community}", "dev-resident");
            var indicator = breakdown["item"]!["indicators"]!.AsArray().Single(i => i.Str("indicator") == "evaluationsReceived")!;
            Assert.Equal((raw, note), (indicator["raw"]!.GetValue<double>(), indicator["note"]?.GetValue<string>()));
        }
    }

    [Fact]
    public async Task The_awards_list_of_2026_marks_the_units_without_participation_or_an_opinion_from_above()
    {
        var list = await GetAsync("api/v1/awards/eligibility?year=2026&streetId=org_demo-s1", "dev-street");
        var items = list["items"]!.AsArray().Select(i => i!).ToList();
        Assert.Equal(16 + 4, items.Count);                                    // 会展街道's units and its communities' teams
        var reasons = items.SelectMany(i => i["reasons"]!.AsArray().Select(r => r.Str("code"))).GroupBy(c => c)
            .ToDictionary(g => g.Key, g => g.Count());
        // Streets give no opinion of volunteer teams (they hear the communities'), nor of every fifth unit; 会展街道's: u10, u25, u40.
        Assert.Equal(new Dictionary<string, int>
        {
            ["noCoBuildingParticipation"] = 6, ["noStreetEvaluation"] = 3 + 4, ["noCommunityEvaluation"] = 1,
        }, reasons);
        // Eleven eligible: six units of the street itself, then five of its communities' (the list goes by community). u16 has no
        // activity or agreement; attending the alliance's joint meetings (Demo/DemoAlliances.cs) is its co-building participation.
        Assert.Equal("u01 u07 u13 u19 u31 u37 u04 u16 u22 u34 u46",
            string.Join(' ', items.Where(i => i["eligible"]!.GetValue<bool>()).Select(i => i.Str("orgId")[9..])));
    }
}
