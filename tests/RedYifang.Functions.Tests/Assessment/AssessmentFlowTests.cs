using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Tests.Assessment;

/// <summary>
/// Assessment runs, rankings and indicator sets in this class's own district, whose non-public enterprises are its unit and
/// three more made once for the class. Each test records its facts in a period of its own, so every ranking is known exactly.
/// </summary>
[Collection(Slices.Assessment)]
public sealed class AssessmentFlowTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private FactStore Facts => _app.Services.GetRequiredService<FactStore>();
    private AssessmentRuns Runs => _app.Services.GetRequiredService<AssessmentRuns>();
    private Scene _s = null!;

    /// <summary>The district and its four non-public enterprises: the district's own unit, then E1–E3.</summary>
    private sealed record Scene(TestDistrict District, string E1, string E2, string E3)
    {
        public string[] Enterprises => [District.UnitId, E1, E2, E3];
    }

    public async Task InitializeAsync() => _s = await slice.OnceAsync("assessment", async () =>
    {
        var d = await slice.DistrictAsync("assess");
        var e1 = await d.OrgAsync(_app, "unit", d.StreetId, "第一企业", "nonPublicEnterprise");
        var e2 = await d.OrgAsync(_app, "unit", d.CommunityId, "第二企业", "nonPublicEnterprise");
        var e3 = await d.OrgAsync(_app, "unit", d.StreetId, "第三企业", "nonPublicEnterprise");
        return new Scene(d, e1, e2, e3);
    });

    public Task DisposeAsync() => Task.CompletedTask;

    private string District => _s.District.DistrictId;

    private static Period P(string text) => Period.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    private Fact Accepted(string org, string order, DateTimeOffset at, bool verified = true, decimal hours = 2, int beneficiaries = 3) =>
        new($"{order}|accepted|{org}", org, FactKind.Accepted, at, order, verified, hours, beneficiaries, DistrictId: District);

    private static List<(string OrgId, int? Rank, bool Eligible)> Items(JsonObject ranking) =>
        ranking["items"]!.AsArray().Select(i => (i.Str("orgId"), i!["rank"]?.GetValue<int>(), i["eligible"]!.GetValue<bool>())).ToList();

    [Fact]
    public async Task The_running_totals_equal_a_full_rebuild_from_the_facts_on_random_streams()
    {
        var period = P("2024-06");
        var random = new Random(606);
        var start = period.Start;
        var facts = Enumerable.Range(0, 300).Select(i =>
        {
            var org = $"org_rnd{random.Next(12)}";
            var at = start.AddMinutes(random.Next(0, 29 * 24 * 60));
            return (FactKind)random.Next(6) switch
            {
                FactKind.Published => new Fact(
                    $"o{i}|published",
                    org,
                    FactKind.Published,
                    at,
                    $"o{i}",
                    ResponseMinutes: random.Next(1, 5000)),
                FactKind.Matched => new Fact($"o{i}|matched", org, FactKind.Matched, at, $"o{i}"),
                FactKind.Accepted => Accepted(org, $"o{i}", at, random.Next(4) > 0, random.Next(1, 20) / 2m, random.Next(1, 40)),
                FactKind.Rated => new Fact($"o{i}|rated", org, FactKind.Rated, at, $"o{i}", Stars: random.Next(1, 6)),
                FactKind.Reopened => new Fact($"o{i}|reopened", org, FactKind.Reopened, at, $"o{i}"),
                _ => new Fact($"o{i}|lapsed", org, FactKind.Lapsed, at, $"o{i}"),
            } with { DistrictId = "org_rnd-district" };
        }).ToList();
        var stream = facts.Concat(facts.Where((_, i) => i % 7 == 0)).OrderBy(_ => random.Next()).ToList();   // with duplicates, shuffled

        await Parallel.ForEachAsync(
            stream,
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (f, ct) => await Facts.RecordAsync(f, ct));

        var running = await Facts.TotalsAsync(period, "org_rnd-district");
        var rebuilt = await Facts.RebuildAsync(period, "org_rnd-district");
        Assert.Equal(12, running.Count);
        Assert.Equal(
            JsonSerializer.Serialize(rebuilt.OrderBy(x => x.Key), Json.Options),
            JsonSerializer.Serialize(running.OrderBy(x => x.Key), Json.Options));
        var expected = facts.GroupBy(f => f.OrgId).ToDictionary(g => g.Key, g => g.Aggregate(Totals.Empty, (t, f) => t.Add(f)));
        Assert.Equal(
            JsonSerializer.Serialize(expected.OrderBy(x => x.Key), Json.Options),
            JsonSerializer.Serialize(running.OrderBy(x => x.Key), Json.Options));
    }

    [Fact]
    public async Task A_final_ranking_is_frozen_and_re_runs_are_byte_identical_with_304_on_a_matching_ETag()
    {
        var period = P("2024-03");
        await Facts.RecordAsync(Accepted(_s.E1, "ord_x1", period.Start.AddDays(3)));
        await Facts.RecordAsync(Accepted(_s.E2, "ord_x2", period.Start.AddDays(4), hours: 9));
        await Facts.RecordAsync(Accepted(_s.E3, "ord_x3", period.Start.AddDays(5), verified: false));
        await Runs.RunAsync(District, period, CancellationToken.None);

        var url = $"api/v1/rankings/2024-03?districtId={District}&peerGroup=nonPublicEnterprise";
        var first = await _app.Http.GetAsync(url);
        var body = await first.Content.ReadAsStringAsync();
        var json = await first.ExpectAsync(200);
        Assert.True(json["final"]!.GetValue<bool>());
        Assert.Equal(period.End.AddDays(15), DateTimeOffset.Parse(json.Str("generatedAt")));      // its evaluation window's close
        Assert.Equal("public, max-age=86400, immutable", first.Headers.CacheControl!.ToString());
        // E2 (9 hours) before E1 (2 hours); the unit with no verified evidence (E3) and the one with no facts are not eligible.
        var ineligible = new[] { _s.District.UnitId, _s.E3 }.Order(StringComparer.Ordinal).Select(o => (o, (int?)null, false));
        Assert.Equal([(_s.E2, 1, true), (_s.E1, 2, true), .. ineligible], Items(json));
        Assert.Equal([0.2, 0.0, 0.0, 0.0], json["items"]!.AsArray().Select(i => i!["score"]!.GetValue<double>()));

        await Facts.RecordAsync(Accepted(_s.E3, "ord_x4", period.Start.AddDays(6), hours: 50));    // a late fact
        await Runs.RunAsync(District, period, CancellationToken.None);
        var second = await _app.Http.GetAsync(url);
        Assert.Equal(body, await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await _app.Http.SendAsync(conditional);
        Assert.Equal(304, (int)notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var change = await _app.SendAsync(
            HttpMethod.Put,
            $"api/v1/districts/{District}/assessment/indicators/2024-03",
            _s.District.DistrictAdmin,
            new { peerGroups = new { agency = new[] { new { indicator = "ordersAccepted", weight = 1.0, direction = "higher" } } } });
        await change.ExpectProblemAsync(409, "ranking_final");
    }

    [Fact]
    public async Task Provisional_runs_with_no_new_facts_change_nothing_and_a_half_written_run_is_invisible()
    {
        var period = P($"{DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).Year + 1}");    // next year: provisional
        await Facts.RecordAsync(Accepted(_s.E1, "ord_y1", period.Start.AddDays(10)));
        var meta = await Runs.RunAsync(District, period, CancellationToken.None);
        var url = $"api/v1/rankings/{period.Text}?districtId={District}";
        var response = await _app.Http.GetAsync(url);
        var before = await response.Content.ReadAsStringAsync();
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        Assert.False(JsonNode.Parse(before)!["final"]!.GetValue<bool>());

        // A run that died after writing some rows of a new version: the meta row still points at the old one.
        var table = _app.Table("Rankings");
        await table.UpsertEntityAsync(
            RankingStore.Row(
                $"{District}|{period.Text}",
                new RankingScope(District, null).RowKey("g|nonPublicEnterprise|0000|deadbeef"),
                new[] { new Ranked("org_ghost", "半途", PeerGroup.NonPublicEnterprise, null, 1, 1, true, []) }));
        Assert.Equal(before, await (await _app.Http.GetAsync(url)).Content.ReadAsStringAsync());

        var again = await Runs.RunAsync(District, period, CancellationToken.None);
        Assert.Equal(meta!.Version, again!.Version);
        Assert.Equal(meta.GeneratedAt, again.GeneratedAt);
        Assert.False(again.Final);
        Assert.Equal(before, await (await _app.Http.GetAsync(url)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_provisional_run_reads_only_the_totals_written_since_the_last_and_ranks_them_all()
    {
        var period = P($"{DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).Year + 2}-07");    // provisional, this test's alone
        await Facts.RecordAsync(Accepted(_s.E1, "ord_k1", period.Start.AddDays(1), hours: 4));
        await Facts.RecordAsync(Accepted(_s.E2, "ord_k2", period.Start.AddDays(2), hours: 2));
        await Runs.RunAsync(District, period, CancellationToken.None);       // reads the month in full, and keeps it
        Assert.NotNull(_app.Services.GetRequiredService<KeptTotals>().Usable($"{period.Text}|{District}"));

        // Since: E2's row replaced (now 7 hours) and a row for E3, new to the month.
        await Facts.RecordAsync(Accepted(_s.E2, "ord_k3", period.Start.AddDays(3), hours: 5));
        await Facts.RecordAsync(Accepted(_s.E3, "ord_k4", period.Start.AddDays(4), hours: 1));
        await Runs.RunAsync(District, period, CancellationToken.None);

        var json = await (await _app.Http.GetAsync($"api/v1/rankings/{period.Text}?districtId={District}&peerGroup=nonPublicEnterprise"))
            .ExpectAsync(200);
        // Ranked on both: E2 (two orders, 7 hours), E1 (one, 4 hours), E3 (one, 1 hour); the district's own unit has no facts.
        Assert.Equal([(_s.E2, 1, true), (_s.E1, 2, true), (_s.E3, 3, true), (_s.District.UnitId, null, false)], Items(json));
        var e2 = await (await _app.Http.GetAsync($"api/v1/rankings/{period.Text}/orgs/{_s.E2}")).ExpectAsync(200);
        var hours = e2["item"]!["indicators"]!.AsArray().Single(i => i.Str("indicator") == "serviceHours")!["raw"]!.GetValue<double>();
        Assert.Equal(7.0, hours);
    }

    [Fact]
    public async Task The_breakdown_explains_every_indicator_and_the_facts_behind_it_can_be_listed()
    {
        var period = P("2024-04");
        await Facts.RecordAsync(Accepted(_s.E1, "ord_z1", period.Start.AddDays(1), hours: 4));
        await Facts.RecordAsync(Accepted(_s.E2, "ord_z2", period.Start.AddDays(2), hours: 2));
        await Runs.RunAsync(District, period, CancellationToken.None);

        var breakdown = await (await _app.Http.GetAsync($"api/v1/rankings/2024-04/orgs/{_s.E1}")).ExpectAsync(200);
        var item = breakdown["item"]!;
        Assert.Equal(
            (1, 0.2, true, "nonPublicEnterprise"),
            (item["rank"]!.GetValue<int>(), item["score"]!.GetValue<double>(), item["eligible"]!.GetValue<bool>(), item.Str("peerGroup")));
        var indicators = item["indicators"]!.AsArray()
            .Select(i => (i.Str("indicator"), i!["raw"]!.GetValue<double>(), i["normalised"]!.GetValue<double>(), i["weight"]!
                .GetValue<double>(),
                i["contribution"]!.GetValue<double>(), i["note"]?.GetValue<string>()))
            .ToList();
        // Only service hours differ between the two eligible enterprises (4 against 2), so only they count.
        Assert.Equal(
        [
            ("ordersAccepted", 1.0, 0.0, 0.25, 0.0, (string?)null),
            ("serviceHours", 4.0, 1.0, 0.2, 0.2, null),
            ("beneficiaries", 3.0, 0.0, 0.15, 0.0, null),
            ("satisfaction", 4.0, 0.0, 0.15, 0.0, null),
            ("completionRate", 0.866667, 0.0, 0.1, 0.0, null),
            ("fundsGiven", 0.0, 0.0, 0.05, 0.0, null),   // a source since Funding: nobody gave any
            ("commitmentFulfilment", 0.0, 0.0, 0.05, 0.0, RankingMath.NoData),      // no agreement of its own: nothing due
            ("activityParticipation", 0.0, 0.0, 0.05, 0.0, null),
        ], indicators);
        var facts = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/rankings/2024-04/orgs/{_s.E1}/facts", _s.District.DistrictAdmin))
            .ExpectAsync(200);
        Assert.Equal(["ord_z1"], facts.Ids("orderId"));
        Assert.Equal((District, _s.E1), (facts.Str("districtId"), facts.Str("orgId")));
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/rankings/2024-04/orgs/{_s.E1}/facts", _s.District.Resident))
            .ExpectProblemAsync(404, "not_found");
        await (await _app.Http.GetAsync($"api/v1/rankings/2024-05/orgs/{_s.E1}")).ExpectProblemAsync(404, "not_found");   // no run for that period
    }

    [Fact]
    public async Task Indicator_sets_are_validated_and_a_default_exists()
    {
        var url = $"api/v1/districts/{District}/assessment/indicators/2030-01";
        var view = await (await _app.SendAsync(HttpMethod.Get, url, _s.District.Resident)).ExpectAsync(200);
        Assert.True(view["isDefault"]!.GetValue<bool>());
        Assert.Equal(8, view["peerGroups"]!["agency"]!.AsArray().Count);
        Assert.Equal(5, view["peerGroups"]!["community"]!.AsArray().Count);
        var bad = await _app.SendAsync(HttpMethod.Put, url, _s.District.DistrictAdmin,
            new { peerGroups = new Dictionary<string, object> {
                ["agency"] = new[] { new { indicator = "ordersAccepted", weight = 0.7, direction = "higher" } },
                ["aliens"] = Array.Empty<object>() } });
        var problem = await bad.ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["peerGroups.agency", "peerGroups.aliens"], problem.Errors().Keys.Order(StringComparer.Ordinal));
        await (await _app.SendAsync(HttpMethod.Put, url, _s.District.StreetAdmin,
            new { peerGroups = new { agency = new[] {
                new { indicator = "ordersAccepted", weight = 1.0, direction = "higher" } } } })).ExpectProblemAsync(403, "forbidden");
        var saved = await (await _app.SendAsync(HttpMethod.Put, url, _s.District.DistrictAdmin,
            new { peerGroups = new { agency = new[] {
                new { indicator = "serviceHours", weight = 0.5, direction = "higher" },
                new { indicator = "satisfaction", weight = 0.5, direction = "higher" } } } })).ExpectAsync(200);
        Assert.Equal(["serviceHours", "satisfaction"], saved["peerGroups"]!["agency"]!.AsArray().Select(i => i.Str("indicator")));
        var read = await (await _app.SendAsync(HttpMethod.Get, url, _s.District.Resident)).ExpectAsync(200);
        Assert.False(read["isDefault"]!.GetValue<bool>());
        Assert.Equal(saved["peerGroups"]!.ToJsonString(), read["peerGroups"]!.ToJsonString());
        var badPeriod = await (await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/districts/{District}/assessment/indicators/2030-13",
            _s.District.DistrictAdmin))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["period"], badPeriod.Errors().Keys);
    }
}

/// <summary>The outcome figures of a district of its own, with its organisations, orders and facts all known.</summary>
[Collection(Slices.Assessment)]
public sealed class StatisticsTests(SliceApp slice)
{
    [Fact]
    public async Task Outcome_figures_per_scope_and_period()
    {
        var app = slice.App;
        var d = await slice.DistrictAsync("stats");
        var street2 = await d.OrgAsync(app, "street", d.DistrictId, "第二街道");
        var community2 = await d.OrgAsync(app, "community", street2, "第二社区");
        var stateEnterprise = await d.OrgAsync(app, "unit", street2, "国有企业", "stateEnterprise");    // no published resource
        await d.OrgAsync(app, "unit", d.CommunityId, "机关", "agency");
        await d.OrgAsync(app, "volunteerTeam", d.CommunityId, "志愿服务队");
        var street2Admin = await d.UserAsync(app, "street2", "streetAdmin", street2);
        await d.PublishedResourceAsync(app, category: "repairs");                                     // the district's non-public enterprise
        await d.SubmitOrderAsync(app, "repairs");
        await d.PublishedOrderAsync(app, "repairs");
        await d.PublishedOrderAsync(app, "repairs", community2);
        var facts = app.Services.GetRequiredService<FactStore>();
        var period = Period.TryParse("2025-03", out var p) ? p : throw new InvalidOperationException();
        Fact F(string id, string org, FactKind kind, bool verified = false, int stars = 0, int minutes = 0) =>
            new(id, org, kind, period.Start.AddDays(2), id.Split('|')[0], verified, 1.5m, 4, stars, minutes, d.DistrictId);
        await facts.RecordAsync(F("s1|published", d.CommunityId, FactKind.Published, minutes: 60));
        await facts.RecordAsync(F("s2|published", d.CommunityId, FactKind.Published, minutes: 180));
        await facts.RecordAsync(F("s1|accepted|c", d.CommunityId, FactKind.Accepted, verified: true));
        await facts.RecordAsync(F("s2|accepted|c", d.CommunityId, FactKind.Accepted, verified: false));
        await facts.RecordAsync(F("s1|rated|c", d.CommunityId, FactKind.Rated, stars: 4));
        await facts.RecordAsync(F("s3|lapsed", community2, FactKind.Lapsed));
        await facts.RecordAsync(F("s4|accepted|c", community2, FactKind.Accepted, verified: true));
        await facts.RecordAsync(F("s1|accepted|u", d.UnitId, FactKind.Accepted, verified: true));      // a unit's: not among the communities' figures

        var stats = await (await app.SendAsync(HttpMethod.Get, $"api/v1/stats?scopeOrgId={d.DistrictId}&period=2025-03", d.DistrictAdmin))
            .ExpectAsync(200);
        Assert.Equal((d.DistrictId, "2025-03"), (stats.Str("scopeOrgId"), stats.Str("period")));
        // Three units registered, none linked: no agreement was ever in force (CoBuildingFlowTests links one).
        Assert.Equal((2, 3, 0, 1, 1), (stats["communities"]!.GetValue<int>(), stats["registeredUnits"]!.GetValue<int>(),
            stats["linkedUnits"]!.GetValue<int>(), stats["enterprisesWithPublicServiceProjects"]!.GetValue<int>(),
            stats["volunteerTeams"]!.GetValue<int>()));
        Assert.Equal(new Dictionary<string, int>
            {
                ["submitted"] = 1, ["published"] = 2, ["matched"] = 0, ["agreed"] = 0, ["inProgress"] = 0, ["completed"] = 0, ["accepted"]
                    = 0,
                ["closed"] = 0, ["rejected"] = 0, ["cancelled"] = 0, ["expired"] = 0,
            },
            stats["ordersByStatus"]!.AsObject().ToDictionary(s => s.Key, s => s.Value!.GetValue<int>()));
        Assert.Equal((2, 2, 8, 3.0m), (stats["ordersPublished"]!.GetValue<int>(), stats["ordersAccepted"]!.GetValue<int>(),
            stats["beneficiaries"]!.GetValue<int>(), stats["serviceHours"]!.GetValue<decimal>()));
        Assert.Equal((2.0, 4.0, 0.6667), (stats["medianResponseHours"]!.GetValue<double>(), stats["averageStars"]!.GetValue<double>(),
            stats["completionRate"]!.GetValue<double>()));
        // No site registered in this district: no service station (Sites' slice counts them: SiteStatisticsTests).
        Assert.Equal(0, stats["servicesStations"]!.GetValue<int>());
        // No order raised by a resident was accepted here, and neither community has a households figure: no share.
        Assert.Equal((0, 2), (stats["householdsServed"]!.GetValue<int>(), stats["communitiesWithoutHouseholds"]!.GetValue<int>()));
        Assert.Null(stats["households"]);
        Assert.Null(stats["householdsServedShare"]);
        Assert.Equal("0.00", stats.Str("fundsGiven"));

        var street = await (await app.SendAsync(HttpMethod.Get, $"api/v1/stats?scopeOrgId={street2}&period=2025-03", street2Admin))
            .ExpectAsync(200);
        Assert.Equal((1, 1, 0, 0, 1, 1), (street["communities"]!.GetValue<int>(), street["registeredUnits"]!.GetValue<int>(),
            street["enterprisesWithPublicServiceProjects"]!.GetValue<int>(), street["volunteerTeams"]!.GetValue<int>(),
            street["ordersByStatus"]!["published"]!.GetValue<int>(), street["ordersAccepted"]!.GetValue<int>()));
        Assert.Equal(0.5, street["completionRate"]!.GetValue<double>());
        Assert.Null(street["averageStars"]);
        Assert.Null(street["medianResponseHours"]);
        Assert.Equal(stateEnterprise, (await (await app.SendAsync(
            HttpMethod.Get,
            $"api/v1/orgs?parentId={street2}&kind=unit",
            street2Admin)).ExpectAsync(200)).Ids().Single());
        await (await app.SendAsync(HttpMethod.Get, $"api/v1/stats?scopeOrgId={d.StreetId}&period=2025-03", street2Admin))
            .ExpectProblemAsync(404, "not_found");
        await (await app.SendAsync(HttpMethod.Get, $"api/v1/stats?scopeOrgId={d.DistrictId}&period=2025-03", d.StreetAdmin))
            .ExpectProblemAsync(404, "not_found");
    }
}
