using System.Net.Http.Headers;

namespace RedYifang.RealHost.Tests;

/// <summary>
/// What clients see of the Functions host's HTTP edge: the headers the mini-program and the console rely on in
/// both directions, idempotent replay, W3C trace ids, answers for routes and methods that do not exist, and no
/// cross-origin access granted to other sites.
/// </summary>
[Collection("real host")]
public sealed class HttpEdgeTests(RealHostFixture fixture)
{
    private readonly FunctionsHost _app = fixture.App;
    private readonly TestDistrict _d = fixture.District;

    [Fact]
    public async Task A_replayed_create_answers_the_first_201_with_its_location_and_says_so()
    {
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var order = new
        {
            communityId = _d.CommunityId, title = "楼道灯坏了", category = "repairs", description = "三单元楼道灯不亮", beneficiaries = 12,
            urgency = "normal", level = "community",
        };
        var first = await _app.SendAsync(HttpMethod.Post, "api/v1/orders", _d.Resident, order, key);
        var created = await first.ExpectAsync(201);
        var again = await _app.SendAsync(HttpMethod.Post, "api/v1/orders", _d.Resident, order, key);
        var replayed = await again.ExpectAsync(201);

        Assert.Equal(created.Str("id"), replayed.Str("id"));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.EndsWith($"/api/v1/orders/{created.Str("id")}", first.Headers.Location!.ToString());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("application/json", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", first.Content.Headers.ContentType!.CharSet);
    }

    /// <summary>A final ranking of its own: three months back in China time, a period nothing else in this tier ranks.</summary>
    private async Task<string> FinalRankingAsync()
    {
        var period = $"{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMonths(-3):yyyy-MM}";
        await (await _app.SendAsync(
            HttpMethod.Post,
            "api/v1/assessment/runs",
            _d.DistrictAdmin,
            new { districtId = _d.DistrictId, period }))
            .ExpectAsync(202);
        await Eventually.WaitAsync(async () => (int)(await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/rankings/{period}?districtId={_d.DistrictId}")).StatusCode == 200,
            TimeSpan.FromSeconds(30));
        return period;
    }

    [Fact]
    public async Task A_final_ranking_is_immutable_for_caches_and_answers_304_to_its_etag()
    {
        var period = await FinalRankingAsync();
        var first = await _app.SendAsync(HttpMethod.Get, $"api/v1/rankings/{period}?districtId={_d.DistrictId}");
        await first.ExpectAsync(200);
        Assert.Equal("public, max-age=86400, immutable", first.Headers.CacheControl!.ToString());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"api/v1/rankings/{period}?districtId={_d.DistrictId}");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var response = await _app.Http.SendAsync(conditional);
        Assert.Equal(304, (int)response.StatusCode);
        Assert.Equal(first.Headers.ETag, response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_ranking_export_is_an_xlsx_attachment()
    {
        var period = await FinalRankingAsync();
        var response = await _app.SendAsync(
            HttpMethod.Get,
            $"api/v1/rankings/{period}/export?districtId={_d.DistrictId}",
            _d.DistrictAdmin);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"rankings-{_d.DistrictId}-{period}.xlsx", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Equal("PK"u8.ToArray(), (await response.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task A_callers_traceparent_is_the_trace_id_of_its_problem()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var response = await _app.SendAsync(HttpMethod.Get, "api/v1/orders/ord_missing", _d.Resident,
            headers: new Dictionary<string, string> { ["traceparent"] = $"00-{traceId}-00f067aa0ba902b7-01" });
        var problem = await ProblemAssert.IsAsync(response, 404, "not_found");
        Assert.Equal(traceId, problem.Str("traceId"));
    }

    /// <summary>
    /// The host tries routes in the order of their functions' names; the catch-all sorts last, so it takes only what no
    /// other function takes — an order id is still the order's, and a known route with another method is 405.
    /// </summary>
    [Fact]
    public async Task Unknown_routes_are_404_and_other_methods_405_as_problem_json()
    {
        await ProblemAssert.IsAsync(await _app.SendAsync(HttpMethod.Get, "api/v1/nothing-here", _d.Resident), 404, "not_found");
        await ProblemAssert.IsAsync(await _app.SendAsync(HttpMethod.Get, "api/v1/orders/ord_nothere1-x", _d.Resident), 404, "not_found");
        var delete = await _app.SendAsync(HttpMethod.Delete, "api/v1/me", _d.Resident);
        await ProblemAssert.IsAsync(delete, 405, "method_not_allowed");
        Assert.Equal(["GET"], delete.Content.Headers.Allow);
        var put = await _app.SendAsync(HttpMethod.Put, "api/v1/orders", _d.Resident, new { });
        await ProblemAssert.IsAsync(put, 405, "method_not_allowed");
        Assert.Equal(["GET", "POST"], put.Content.Headers.Allow);
        Assert.Equal(200, (int)(await _app.SendAsync(HttpMethod.Get, "api/v1/me", _d.Resident)).StatusCode);
    }

    /// <summary>
    /// <c>v1/sites/compliance</c> beside <c>v1/sites/{id}</c>: the host tries routes in the order of their functions' names, so the
    /// literal route's function is named to come first (CheckSiteCompliance before GetSite); a site id read as "compliance" would
    /// be 404 for everyone.
    /// </summary>
    [Fact]
    public async Task A_literal_route_beside_a_parameter_is_served_by_its_own_function()
    {
        var compliance = await (await _app.SendAsync(HttpMethod.Get, $"api/v1/sites/compliance?streetId={_d.StreetId}", _d.StreetAdmin))
            .ExpectAsync(200);
        Assert.Equal((_d.StreetId, 1, 300m), (compliance.Str("streetId"), compliance["nonPublicEnterprises"]!.GetValue<int>(),
            compliance["areaRequiredM2"]!.GetValue<decimal>()));
        await ProblemAssert.IsAsync(await _app.SendAsync(HttpMethod.Get, $"api/v1/sites/compliance?streetId={_d.StreetId}", _d.Resident),
            403, "forbidden");
    }

    [Fact]
    public async Task No_other_origin_is_granted_cross_origin_access()
    {
        // The console is served by the app itself and the mini-program is not a browser: no site may read answers.
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "api/v1/orders");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        var answer = await _app.Http.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));

        using var simple = new HttpRequestMessage(HttpMethod.Get, "api/v1/me");
        simple.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _app.TokenAsync(_d.Resident));
        simple.Headers.Add("Origin", "https://elsewhere.example");
        var response = await _app.Http.SendAsync(simple);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
