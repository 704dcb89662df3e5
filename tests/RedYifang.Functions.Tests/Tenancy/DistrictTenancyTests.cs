using System.IO.Compression;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Tests.Tenancy;

/// <summary>
/// Two districts in one store: each one's indicator sets, runs, rankings (district and street), breakdowns, exports
/// and statistics hold only its own organisations, and the other's admins can change none of them.
/// </summary>
[Collection("two districts")]
public sealed partial class DistrictTenancyTests(TwoDistrictsFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;
    private TwoDistrictsFixture.Shape A => fixture.A;
    private TwoDistrictsFixture.Shape B => fixture.B;

    private static Period P(string text) => Period.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    private Task Accepted(TwoDistrictsFixture.Shape d, string org, string order, Period period, int day = 3) =>
        fixture.Facts.RecordAsync(new Fact($"{order}|accepted|{org}", org, FactKind.Accepted, period.Start.AddDays(day), order, true, 2, 3,
            DistrictId: d.District.DistrictId));

    private Task Lapsed(TwoDistrictsFixture.Shape d, string org, string order, Period period) =>
        fixture.Facts.RecordAsync(new Fact($"{order}|lapsed|{org}", org, FactKind.Lapsed, period.Start.AddDays(4), order,
            DistrictId: d.District.DistrictId));

    /// <summary>Starts a run as the district's own admin and waits until its ranking is there.</summary>
    private async Task<JsonObject> RunAsync(TwoDistrictsFixture.Shape d, Period period)
    {
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/assessment/runs", d.District.DistrictAdmin,
            new { districtId = d.District.DistrictId, period = period.Text })).ExpectAsync(202);
        HttpResponseMessage response = null!;
        await Eventually.WaitAsync(async () =>
            (int)(response = await _app.Http.GetAsync($"api/v1/rankings/{period.Text}?districtId={d.District.DistrictId}"))
                .StatusCode == 200,
            TimeSpan.FromSeconds(30));
        return await response.ExpectAsync(200);
    }

    private static HashSet<string> OrgsOf(TwoDistrictsFixture.Shape d) => [.. d.Units, .. d.Communities];

    [Fact]
    public async Task Rankings_breakdowns_exports_and_statistics_of_each_district_hold_only_its_own()
    {
        var period = P("2025-05");
        int[] acceptedA = [3, 1, 2, 0], acceptedB = [1, 4, 0, 3];
        for (var u = 0; u < 4; u++)
        {
            for (var k = 0; k < acceptedA[u]; k++) await Accepted(A, A.Units[u], $"oa{u}-{k}", period);
            for (var k = 0; k < acceptedB[u]; k++) await Accepted(B, B.Units[u], $"ob{u}-{k}", period);
        }
        for (var k = 0; k < 2; k++) await Accepted(A, A.Communities[0], $"ca{k}", period);
        for (var k = 0; k < 5; k++) await Accepted(B, B.Communities[1], $"cb{k}", period);

        var rankingA = await RunAsync(A, period);
        var rankingB = await RunAsync(B, period);

        Assert.Equal(OrgsOf(A), rankingA["items"]!.AsArray().Select(i => i.Str("orgId")).ToHashSet());
        Assert.Equal(OrgsOf(B), rankingB["items"]!.AsArray().Select(i => i.Str("orgId")).ToHashSet());
        var enterprisesA = rankingA["items"]!.AsArray().Where(i => i.Str("peerGroup") == "nonPublicEnterprise").ToList();
        Assert.Equal([A.Units[0], A.Units[2], A.Units[1], A.Units[3]], enterprisesA.Select(i => i.Str("orgId")));
        Assert.Equal([1, 2, 3], enterprisesA.Take(3).Select(i => i!["rank"]!.GetValue<int>()));
        Assert.False(enterprisesA[3]!["eligible"]!.GetValue<bool>());
        Assert.Equal(("district", A.District.DistrictId), (rankingA["scope"].Str("kind"), rankingA["scope"].Str("orgId")));

        // Within a street: only its members, ranked 1..n among themselves.
        var street = await (await _app.Http
            .GetAsync($"api/v1/rankings/{period.Text}?streetId={A.SecondStreet}&peerGroup=nonPublicEnterprise")).ExpectAsync(200);
        Assert.Equal([A.Units[2], A.Units[3]], street["items"]!.AsArray().Select(i => i.Str("orgId")));
        Assert.Equal(1, street["items"]![0]!["rank"]!.GetValue<int>());
        Assert.Null(street["items"]![1]!["rank"]);
        Assert.Equal("street", street.Str("peerGroupScope"));
        Assert.Equal("仅在本街道同类组内排名（名次为街道内 1..n）；同分（保留6位小数）时，按本组权重最高指标的原始值排序，再按组织标识排序", street.Str("tieBreak"));
        Assert.Equal("在全区同类组内排名；同分（保留6位小数）时，按本组权重最高指标的原始值排序，再按组织标识排序", rankingA.Str("tieBreak"));
        var sameStreetB = await (await _app.Http
            .GetAsync($"api/v1/rankings/{period.Text}?streetId={B.District.StreetId}&peerGroup=nonPublicEnterprise")).ExpectAsync(200);
        Assert.Equal([1, 2], sameStreetB["items"]!.AsArray().Select(i => i!["rank"]!.GetValue<int>()));   // B's first street: units 1 (4) and 0 (1)
        Assert.Equal([B.Units[1], B.Units[0]], sameStreetB["items"]!.AsArray().Select(i => i.Str("orgId")));

        var breakdown = await (await _app.Http.GetAsync($"api/v1/rankings/{period.Text}/orgs/{A.Units[0]}")).ExpectAsync(200);
        Assert.Equal(1, breakdown["item"]!["rank"]!.GetValue<int>());
        var inStreet = await (await _app.Http.GetAsync($"api/v1/rankings/{period.Text}/orgs/{A.Units[2]}?streetId={A.SecondStreet}"))
            .ExpectAsync(200);
        Assert.Equal(1, inStreet["item"]!["rank"]!.GetValue<int>());

        var export = await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/rankings/{period.Text}/export?districtId={A.District.DistrictId}",
            A.District.DistrictAdmin);
        Assert.Equal(200, (int)export.StatusCode);
        await using (var zip = new ZipArchive(await export.Content.ReadAsStreamAsync()))
        {
            var sheet = await new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync();
            Assert.Equal(1 + OrgsOf(A).Count, MyRegex().Count(sheet));   // a header and A's six organisations
            Assert.DoesNotContain("（tb）", sheet);
        }
        await (await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/rankings/{period.Text}/export?districtId={A.District.DistrictId}",
            B.District.DistrictAdmin))
            .ExpectProblemAsync(403, "forbidden");

        var statsA = await (await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/stats?scopeOrgId={A.District.DistrictId}&period={period.Text}",
            A.District.DistrictAdmin)).ExpectAsync(200);
        var statsB = await (await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/stats?scopeOrgId={B.District.DistrictId}&period={period.Text}",
            B.District.DistrictAdmin)).ExpectAsync(200);
        Assert.Equal(
            (2, 4, 2),
            (statsA["communities"]!.GetValue<int>(), statsA["registeredUnits"]!.GetValue<int>(),
                statsA["ordersAccepted"]!.GetValue<int>()));
        Assert.Equal(
            (2, 4, 5),
            (statsB["communities"]!.GetValue<int>(), statsB["registeredUnits"]!.GetValue<int>(),
                statsB["ordersAccepted"]!.GetValue<int>()));
        var streetStats = await (await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/stats?scopeOrgId={A.SecondStreet}&period={period.Text}",
            A.District.DistrictAdmin)).ExpectAsync(200);
        Assert.Equal((1, 2, 0), (streetStats["communities"]!.GetValue<int>(), streetStats["registeredUnits"]!
            .GetValue<int>(), streetStats["ordersAccepted"]!.GetValue<int>()));
        await (await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/stats?scopeOrgId={A.District.DistrictId}&period={period.Text}",
            B.District.DistrictAdmin)).ExpectProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Another_districts_admin_changes_nothing_of_ours_and_its_run_leaves_our_ranking_untouched()
    {
        var indicators = $"api/v1/districts/{A.District.DistrictId}/assessment/indicators/2030-02";
        var set = new { peerGroups = new { nonPublicEnterprise = new[] {
            new { indicator = "serviceHours", weight = 1.0, direction = "higher" } } } };
        await (await _app.SendAsync(HttpMethod.Put, indicators, B.District.DistrictAdmin, set)).ExpectProblemAsync(403, "forbidden");
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/assessment/runs", B.District.DistrictAdmin,
            new { districtId = A.District.DistrictId, period = "2030-02" })).ExpectProblemAsync(403, "forbidden");
        await (await _app.SendAsync(HttpMethod.Put, indicators, A.District.DistrictAdmin, set)).ExpectAsync(200);
        Assert.False((await (await _app.Http.GetAsync(indicators)).ExpectAsync(200))["isDefault"]!.GetValue<bool>());          // public
        Assert.True((await (await _app.Http.GetAsync($"api/v1/districts/{B.District.DistrictId}/assessment/indicators/2030-02"))
            .ExpectAsync(200))["isDefault"]!.GetValue<bool>());

        var period = P("2025-06");
        await Accepted(A, A.Units[1], "keep1", period);
        await RunAsync(A, period);
        var before = await _app.Http.GetAsync($"api/v1/rankings/{period.Text}?districtId={A.District.DistrictId}");
        var rankings = _app.Table("Rankings");
        var (partition, metaRow) = ($"{A.District.DistrictId}|{period.Text}", $"meta|{A.District.DistrictId}");
        var metaBefore = (await rankings.GetEntityAsync<TableEntity>(partition, metaRow)).Value.ETag;

        await Accepted(B, B.Units[2], "other1", period);
        await RunAsync(B, period);

        var after = await _app.Http.GetAsync($"api/v1/rankings/{period.Text}?districtId={A.District.DistrictId}");
        Assert.Equal(await before.Content.ReadAsStringAsync(), await after.Content.ReadAsStringAsync());
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(metaBefore, (await rankings.GetEntityAsync<TableEntity>(partition, metaRow)).Value.ETag);
    }

    [Fact]
    public async Task Bad_scopes_are_404_for_unknown_422_for_the_wrong_kind_or_a_foreign_street_and_400_for_none()
    {
        Assert.Equal("not_found", (await (await _app.Http.GetAsync("api/v1/rankings/2025-05?districtId=org_nowhere1")).ExpectProblemAsync(
            404,
            "not_found")).Str("code"));
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/assessment/runs", AppUnderTest.BootstrapAdmin,
            new { districtId = "org_nowhere1", period = "2025-05" })).ExpectProblemAsync(404, "not_found");
        var street = await (await _app.Http.GetAsync($"api/v1/rankings/2025-05?districtId={A.District.StreetId}")).ExpectProblemAsync(
            422,
            "invalid_reference");
        Assert.Equal("invalid_reference", street.Str("code"));
        Assert.Equal(["districtId"], street.Errors().Keys);
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/assessment/runs", AppUnderTest.BootstrapAdmin,
            new { districtId = A.District.StreetId, period = "2025-05" })).ExpectProblemAsync(422, "invalid_reference");
        await (await _app.SendAsync(
            HttpMethod.Put,
            $"api/v1/districts/{A.District.StreetId}/assessment/indicators/2030-03",
            AppUnderTest.BootstrapAdmin,
            new { peerGroups = new { agency = new[] {
                new { indicator = "serviceHours", weight = 1.0, direction = "higher" } } } })).ExpectProblemAsync(422, "invalid_reference");
        var foreign = await (await _app.Http.GetAsync(
            $"api/v1/rankings/2025-05?districtId={A.District.DistrictId}&streetId={B.District.StreetId}")).ExpectProblemAsync(
                422,
                "invalid_reference");
        Assert.Equal(["streetId"], foreign.Errors().Keys);
        var none = await (await _app.Http.GetAsync("api/v1/rankings/2025-05")).ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(["districtId"], none.Errors().Keys);
    }

    [Fact]
    public async Task Orders_cancelled_after_matching_count_against_the_units_completion_rate()
    {
        // The rule (docs/assessment.md): (accepted with evidence + 1.6) / (accepted with evidence + failures + 2).
        var period = P("2025-07");
        for (var k = 0; k < 4; k++)
        {
            await Accepted(A, A.Units[1], $"cr-a{k}", period);
            await Accepted(B, B.Units[1], $"cr-b{k}", period);
        }
        await Lapsed(A, A.Units[1], "cr-x1", period);
        await Lapsed(A, A.Units[1], "cr-x2", period);
        await RunAsync(A, period);
        await RunAsync(B, period);

        async Task<double> RateAsync(string unit) =>
            (await (await _app.Http.GetAsync($"api/v1/rankings/{period.Text}/orgs/{unit}")).ExpectAsync(200))["item"]!["indicators"]!
                .AsArray()
                .Single(i => i.Str("indicator") == "completionRate")!["raw"]!.GetValue<double>();
        Assert.Equal(0.7, await RateAsync(A.Units[1]));                  // (4 + 1.6) / (4 + 2 + 2)
        Assert.Equal(0.933333, await RateAsync(B.Units[1]));             // (4 + 1.6) / (4 + 0 + 2)
    }

    [Fact]
    public async Task Nobody_grants_themselves_a_role()
    {
        var d = A.District;
        var unit = (await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", d.CommunityAdmin,
            new { kind = "unit", parentId = d
                .CommunityId, name = "自建单位（ta）", unitKind = "socialOrganization" })).ExpectAsync(201)).Str("id");
        var me = (await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", d.CommunityAdmin)).ExpectAsync(200)).Str("id");
        Assert.Equal("forbidden", (await (await _app.SendAsync(HttpMethod.Put, $"api/v1/orgs/{unit}/roles/{me}", d.CommunityAdmin,
            new { role = "liaison" })).ExpectProblemAsync(403, "forbidden")).Str("code"));
        var admin = (await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", AppUnderTest.BootstrapAdmin)).ExpectAsync(200)).Str("id");
        await (await _app.SendAsync(HttpMethod.Put, $"api/v1/orgs/{d.DistrictId}/roles/{admin}", AppUnderTest.BootstrapAdmin,
            new { role = "districtAdmin" })).ExpectProblemAsync(403, "forbidden");
        var stranger = (await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", d.Stranger)).ExpectAsync(200)).Str("id");
        await (await _app.SendAsync(HttpMethod.Put, $"api/v1/orgs/{unit}/roles/{stranger}", d.CommunityAdmin, new { role = "liaison" }))
            .ExpectAsync(200);
        var roles = (await (await _app.SendAsync(HttpMethod.Get, "api/v1/me", d.CommunityAdmin)).ExpectAsync(200))["roles"]!.AsArray();
        Assert.Equal(
            ["resident:", $"communityAdmin:{d.CommunityId}"],
            roles.Select(r => $"{r.Str("role")}:{r!["orgId"]?.GetValue<string>()}"));
    }

    [System.Text.RegularExpressions.GeneratedRegex("<row[ >]")]
    private static partial System.Text.RegularExpressions.Regex MyRegex();
}
