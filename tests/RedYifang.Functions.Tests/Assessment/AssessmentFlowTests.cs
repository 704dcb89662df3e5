using System.IO.Compression;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Tests.Assessment;

[Collection("app")]
public sealed class AssessmentFlowTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;
    private FactStore Facts => _app.Services.GetRequiredService<FactStore>();
    private AssessmentRuns Runs => _app.Services.GetRequiredService<AssessmentRuns>();

    private static Period P(string text) => Period.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    private const string District = "org_demo-district";

    private static Fact Accepted(string org, string order, DateTimeOffset at, bool verified = true, decimal hours = 2, int beneficiaries = 3) =>
        new($"{order}|accepted|{org}", org, FactKind.Accepted, at, order, verified, hours, beneficiaries, DistrictId: District);

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
                FactKind.Published => new Fact($"o{i}|published", org, FactKind.Published, at, $"o{i}", ResponseMinutes: random.Next(1, 5000)),
                FactKind.Matched => new Fact($"o{i}|matched", org, FactKind.Matched, at, $"o{i}"),
                FactKind.Accepted => Accepted(org, $"o{i}", at, random.Next(4) > 0, random.Next(1, 20) / 2m, random.Next(1, 40)),
                FactKind.Rated => new Fact($"o{i}|rated", org, FactKind.Rated, at, $"o{i}", Stars: random.Next(1, 6)),
                FactKind.Reopened => new Fact($"o{i}|reopened", org, FactKind.Reopened, at, $"o{i}"),
                _ => new Fact($"o{i}|lapsed", org, FactKind.Lapsed, at, $"o{i}"),
            } with { DistrictId = "org_rnd-district" };
        }).ToList();
        var stream = facts.Concat(facts.Where((_, i) => i % 7 == 0)).OrderBy(_ => random.Next()).ToList();   // with duplicates, shuffled

        await Parallel.ForEachAsync(stream, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (f, ct) => await Facts.RecordAsync(f, ct));

        var running = await Facts.TotalsAsync(period, "org_rnd-district");
        var rebuilt = await Facts.RebuildAsync(period, "org_rnd-district");
        Assert.Equal(12, running.Count);
        Assert.Equal(JsonSerializer.Serialize(rebuilt.OrderBy(x => x.Key), Json.Options), JsonSerializer.Serialize(running.OrderBy(x => x.Key), Json.Options));
        var expected = facts.GroupBy(f => f.OrgId).ToDictionary(g => g.Key, g => g.Aggregate(Totals.Empty, (t, f) => t.Add(f)));
        Assert.Equal(JsonSerializer.Serialize(expected.OrderBy(x => x.Key), Json.Options), JsonSerializer.Serialize(running.OrderBy(x => x.Key), Json.Options));
    }

    [Fact]
    public async Task A_final_ranking_is_frozen_and_re_runs_are_byte_identical_with_304_on_a_matching_ETag()
    {
        var period = P("2024-03");
        await Facts.RecordAsync(Accepted("org_demo-u03", "ord_x1", period.Start.AddDays(3)));
        await Facts.RecordAsync(Accepted("org_demo-u06", "ord_x2", period.Start.AddDays(4), hours: 9));
        await Facts.RecordAsync(Accepted("org_demo-u09", "ord_x3", period.Start.AddDays(5), verified: false));
        await Runs.RunAsync(District, period, CancellationToken.None);

        var first = await _app.Http.GetAsync("api/v1/rankings/2024-03?districtId=org_demo-district&peerGroup=nonPublicEnterprise");
        var body = await first.Content.ReadAsStringAsync();
        var json = await first.ExpectAsync(200);
        Assert.True(json["final"]!.GetValue<bool>());
        Assert.Contains("immutable", first.Headers.CacheControl!.ToString());
        var items = json["items"]!.AsArray();
        Assert.Equal("org_demo-u06", items.First(i => i!["rank"]?.GetValue<int>() == 1).Str("orgId"));
        Assert.False(items.Single(i => i.Str("orgId") == "org_demo-u09")!["eligible"]!.GetValue<bool>());   // its evidence was not verified

        await Facts.RecordAsync(Accepted("org_demo-u09", "ord_x4", period.Start.AddDays(6), hours: 50));    // a late fact
        await Runs.RunAsync(District, period, CancellationToken.None);
        var second = await _app.Http.GetAsync("api/v1/rankings/2024-03?districtId=org_demo-district&peerGroup=nonPublicEnterprise");
        Assert.Equal(body, await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "api/v1/rankings/2024-03?districtId=org_demo-district&peerGroup=nonPublicEnterprise");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(304, (int)(await _app.Http.SendAsync(conditional)).StatusCode);

        var change = await _app.SendAsync(HttpMethod.Put, "api/v1/districts/org_demo-district/assessment/indicators/2024-03", "dev-admin",
            new { peerGroups = new { agency = new[] { new { indicator = "ordersAccepted", weight = 1.0, direction = "higher" } } } });
        Assert.Equal("ranking_final", (await change.ExpectAsync(409)).Str("code"));
    }

    [Fact]
    public async Task Provisional_runs_with_no_new_facts_change_nothing_and_a_half_written_run_is_invisible()
    {
        var period = P($"{DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).Year + 1}");    // next year: provisional
        await Facts.RecordAsync(Accepted("org_demo-u10", "ord_y1", period.Start.AddDays(10)));
        var meta = await Runs.RunAsync(District, period, CancellationToken.None);
        var before = await (await _app.Http.GetAsync($"api/v1/rankings/{period.Text}?districtId={District}")).Content.ReadAsStringAsync();

        // A run that died after writing some rows of a new version: the meta row still points at the old one.
        var table = _app.Table("Rankings");
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity($"{District}|{period.Text}", "v|deadbeef|group|agency|0000") { ["Doc"] = "[]" });
        Assert.Equal(before, await (await _app.Http.GetAsync($"api/v1/rankings/{period.Text}?districtId={District}")).Content.ReadAsStringAsync());

        var again = await Runs.RunAsync(District, period, CancellationToken.None);
        Assert.Equal(meta!.Version, again!.Version);
        Assert.Equal(meta.GeneratedAt, again.GeneratedAt);
        Assert.False(again.Final);
        Assert.Equal(before, await (await _app.Http.GetAsync($"api/v1/rankings/{period.Text}?districtId={District}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_breakdown_explains_every_indicator_and_the_facts_behind_it_can_be_listed()
    {
        var period = P("2024-04");
        await Facts.RecordAsync(Accepted("org_demo-u12", "ord_z1", period.Start.AddDays(1), hours: 4));
        await Runs.RunAsync(District, period, CancellationToken.None);

        var breakdown = await (await _app.Http.GetAsync("api/v1/rankings/2024-04/orgs/org_demo-u12")).ExpectAsync(200);
        var indicators = breakdown["item"]!["indicators"]!.AsArray();
        Assert.Equal(8, indicators.Count);
        var hours = indicators.Single(i => i.Str("indicator") == "serviceHours");
        Assert.Equal(4, hours!["raw"]!.GetValue<double>());
        Assert.Equal(Math.Round(hours["weight"]!.GetValue<double>() * hours["normalised"]!.GetValue<double>(), 6), hours["contribution"]!.GetValue<double>());
        Assert.Contains(indicators, i => i.Str("indicator") == "fundsGiven" && i.Str("note") == RankingMath.NotAvailable);
        var facts = await (await _app.SendAsync(HttpMethod.Get, "api/v1/rankings/2024-04/orgs/org_demo-u12/facts", "dev-admin")).ExpectAsync(200);
        Assert.Equal("ord_z1", Assert.Single(facts["items"]!.AsArray()).Str("orderId"));
        await (await _app.SendAsync(HttpMethod.Get, "api/v1/rankings/2024-04/orgs/org_demo-u12/facts", "dev-resident")).ExpectAsync(404);
    }

    [Fact]
    public async Task Indicator_sets_are_validated_and_a_default_exists()
    {
        var view = await (await _app.SendAsync(HttpMethod.Get, "api/v1/districts/org_demo-district/assessment/indicators/2030-01", "dev-resident")).ExpectAsync(200);
        Assert.True(view["isDefault"]!.GetValue<bool>());
        var bad = await _app.SendAsync(HttpMethod.Put, "api/v1/districts/org_demo-district/assessment/indicators/2030-01", "dev-admin",
            new { peerGroups = new Dictionary<string, object> { ["agency"] = new[] { new { indicator = "ordersAccepted", weight = 0.7, direction = "higher" } }, ["aliens"] = Array.Empty<object>() } });
        var problem = await bad.ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["peerGroups.agency"]);
        Assert.NotNull(problem["errors"]!["peerGroups.aliens"]);
        await (await _app.SendAsync(HttpMethod.Put, "api/v1/districts/org_demo-district/assessment/indicators/2030-01", "dev-street",
            new { peerGroups = new { agency = new[] { new { indicator = "ordersAccepted", weight = 1.0, direction = "higher" } } } })).ExpectAsync(403);
        var saved = await (await _app.SendAsync(HttpMethod.Put, "api/v1/districts/org_demo-district/assessment/indicators/2030-01", "dev-admin",
            new { peerGroups = new { agency = new[] { new { indicator = "serviceHours", weight = 0.5, direction = "higher" }, new { indicator = "satisfaction", weight = 0.5, direction = "higher" } } } })).ExpectAsync(200);
        Assert.Equal(2, saved["peerGroups"]!["agency"]!.AsArray().Count);
        await (await _app.SendAsync(HttpMethod.Get, "api/v1/districts/org_demo-district/assessment/indicators/2030-13", "dev-admin")).ExpectAsync(400);
    }

    [Fact]
    public async Task The_demo_has_a_final_ranking_for_last_month_a_provisional_one_for_this_month_and_an_export()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset);
        var last = await (await _app.Http.GetAsync($"api/v1/rankings/{now.AddMonths(-1):yyyy-MM}?districtId={District}")).ExpectAsync(200);
        var current = await (await _app.Http.GetAsync($"api/v1/rankings/{now:yyyy-MM}?streetId=org_demo-s1")).ExpectAsync(200);
        Assert.True(last["final"]!.GetValue<bool>());
        Assert.False(current["final"]!.GetValue<bool>());
        Assert.Contains(last["items"]!.AsArray(), i => i!["rank"]?.GetValue<int>() == 1 && i.Str("peerGroup") == "community");
        Assert.All(current["items"]!.AsArray(), i => Assert.Equal("org_demo-s1", i.Str("streetId")));
        Assert.Equal(("street", "org_demo-s1"), (current["scope"].Str("kind"), current["scope"].Str("orgId")));
        Assert.Equal("street", current.Str("peerGroupScope"));
        foreach (var group in current["items"]!.AsArray().GroupBy(i => i.Str("peerGroup")))
        {
            var ranks = group.Where(i => i!["rank"] is not null).Select(i => i!["rank"]!.GetValue<int>()).ToList();
            Assert.Equal(Enumerable.Range(1, ranks.Count), ranks);                    // 1..n within the street
        }

        var export = await _app.SendAsync(HttpMethod.Get, $"api/v1/rankings/{now.AddMonths(-1):yyyy-MM}/export?streetId=org_demo-s1", "dev-street");
        Assert.Equal(200, (int)export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
        var sheet = await new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("名次", sheet);
        Assert.Contains("博览社区", sheet);
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/rankings/{now.AddMonths(-1):yyyy-MM}/export?streetId=org_demo-s1", "dev-resident")).ExpectAsync(403);
        await (await _app.SendAsync(HttpMethod.Get, $"api/v1/rankings/{now.AddMonths(-1):yyyy-MM}/export?districtId={District}", "dev-street")).ExpectAsync(403);
    }
}

[Collection("app")]
public sealed class StatisticsTests(AppFixture fixture)
{
    [Fact]
    public async Task Outcome_figures_per_scope_and_period()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(RedYifang.Functions.Platform.Periods.ChinaTime.Offset);
        var stats = await (await fixture.App.SendAsync(HttpMethod.Get, $"api/v1/stats?scopeOrgId=org_demo-district&period={now.Year}", "dev-admin")).ExpectAsync(200);
        Assert.Equal(12, stats["communities"]!.GetValue<int>());
        Assert.True(stats["linkedUnits"]!.GetValue<int>() >= 46);
        Assert.True(stats["volunteerTeams"]!.GetValue<int>() >= 12);
        Assert.True(stats["enterprisesWithPublicServiceProjects"]!.GetValue<int>() > 0);
        Assert.True(stats["ordersByStatus"]!["closed"]!.GetValue<int>() > 0);
        Assert.True(stats["ordersAccepted"]!.GetValue<int>() > 0);
        var street = await (await fixture.App.SendAsync(HttpMethod.Get, $"api/v1/stats?scopeOrgId=org_demo-s1&period={now.Year}", "dev-street")).ExpectAsync(200);
        Assert.Equal(4, street["communities"]!.GetValue<int>());
        await (await fixture.App.SendAsync(HttpMethod.Get, $"api/v1/stats?scopeOrgId=org_demo-s2&period={now.Year}", "dev-street")).ExpectAsync(404);
    }
}
