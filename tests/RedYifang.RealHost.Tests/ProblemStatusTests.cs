using System.Net.Http.Headers;
using System.Text;

namespace RedYifang.RealHost.Tests;

/// <summary>
/// Every problem status the API uses, raised inside a function and carried out through the worker middleware on
/// the Functions host — where the worker hands the middleware an AggregateException around what the function threw.
/// </summary>
[Collection("real host")]
public sealed class ProblemStatusTests(RealHostFixture fixture)
{
    private readonly FunctionsHost _app = fixture.App;
    private readonly TestDistrict _d = fixture.District;

    [Fact]
    public Task Malformed_json_is_400() =>
        ProblemAssert.InBothLanguagesAsync(
            h => _app.SendAsync(HttpMethod.Post, "api/v1/auth/dev", json: "{bad", headers: h),
            400,
            "malformed_json");

    [Fact]
    public async Task A_missing_title_is_400_with_the_field_named()
    {
        var body = await ProblemAssert.InBothLanguagesAsync(h => _app.SendAsync(HttpMethod.Post, "api/v1/orders", _d.Resident, new
        {
            communityId = _d
                .CommunityId, category = "elderlyCare", description = "无标题", beneficiaries = 1, urgency = "low", level = "community",
        }, h), 400, "validation_failed");
        Assert.True(body["errors"]!.AsObject().ContainsKey("title"), body.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_category_is_400()
    {
        var body = await ProblemAssert.InBothLanguagesAsync(h => _app.SendAsync(HttpMethod.Post, "api/v1/orders", _d.Resident, new
        {
            communityId = _d.CommunityId, title = "修水管", category = "plumbingX", description = "厨房漏水", beneficiaries = 1,
            urgency = "low", level = "community",
        }, h), 400, "validation_failed");
        Assert.True(body["errors"]!.AsObject().ContainsKey("category"), body.ToJsonString());
    }

    [Fact]
    public async Task No_token_is_401_before_the_function_runs()
    {
        var response = await _app.SendAsync(HttpMethod.Get, "api/v1/me");
        await ProblemAssert.IsAsync(response, 401, "unauthenticated");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task An_upload_ticket_on_an_order_is_403_for_a_browsing_liaison_and_404_for_a_stranger()
    {
        // A liaison of the street sees the published order but does not provide the service (its owner may add photos: issue 17);
        // a stranger is not told that it exists.
        var order = await _d.PublishedOrderAsync(_app);
        object Ticket() => new
        {
            ownerType = "order", ownerId = order, fileName = "a.jpg", contentType = "image/jpeg", size = 1000, sha256 = new string('a', 64),
        };
        await ProblemAssert.InBothLanguagesAsync(h => _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", _d.Liaison, Ticket(), h),
            403, "forbidden");
        Assert.Equal(201, (int)(await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", _d.Resident, Ticket())).StatusCode);
        await ProblemAssert.IsAsync(
            await _app.SendAsync(HttpMethod.Post, "api/v1/evidence/uploads", _d.Stranger, Ticket()),
            404,
            "not_found");
    }

    [Fact]
    public Task A_community_admin_creating_a_street_is_403() =>
        ProblemAssert.InBothLanguagesAsync(h => _app.SendAsync(HttpMethod.Post, "api/v1/orgs", _d.CommunityAdmin,
            new { kind = "street", parentId = _d.DistrictId, name = "越权街道" }, h), 403, "forbidden");

    [Fact]
    public async Task Another_residents_order_is_404()
    {
        var order = (await _d.SubmitOrderAsync(_app)).Str("id");
        await ProblemAssert.InBothLanguagesAsync(
            h => _app.SendAsync(HttpMethod.Get, $"api/v1/orders/{order}", _d.OtherResident, headers: h),
            404,
            "not_found");
    }

    [Fact]
    public async Task A_second_publish_is_409_invalid_transition()
    {
        var order = await _d.PublishedOrderAsync(_app);
        await ProblemAssert.InBothLanguagesAsync(h => _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{order}/publish", _d.CommunityAdmin,
            new { }, h), 409, "invalid_transition");
    }

    [Fact]
    public async Task Twenty_concurrent_matches_on_a_capacity_of_one_give_one_200_and_nineteen_409s()
    {
        var resource = await _d.PublishedResourceAsync(_app, monthlyCapacity: 1);
        var orders = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _d.PublishedOrderAsync(_app)));
        var responses = await Task.WhenAll(orders.Select(o =>
            _app.SendAsync(HttpMethod.Post, $"api/v1/orders/{o}/match", _d.CommunityAdmin, new { resourceId = resource })));

        Assert.Single(responses, r => (int)r.StatusCode == 200);
        foreach (var refused in responses.Where(r => (int)r.StatusCode != 200))
        {
            await ProblemAssert.IsAsync(refused, 409, "capacity_exhausted");
        }
    }

    [Fact]
    public async Task A_declared_body_over_the_limit_is_413()
    {
        var big = "{\"title\":\"" + new string('x', 1_100_000) + "\"}";
        await ProblemAssert.InBothLanguagesAsync(
            h => _app.SendAsync(HttpMethod.Post, "api/v1/orders", _d.Resident, big, h),
            413,
            "payload_too_large");
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/orders");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _app.TokenAsync(_d.Resident));
        // A stream of unknown length goes out chunked: no Content-Length for the pipeline to refuse up front.
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"title\":\"" + new string('x', 1_100_000) + "\"}")));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        await ProblemAssert.IsAsync(await _app.Http.SendAsync(request), 413, "payload_too_large");
    }

    [Fact]
    public Task An_unknown_community_is_422_invalid_reference() =>
        ProblemAssert.InBothLanguagesAsync(h => _app.SendAsync(HttpMethod.Post, "api/v1/orders", _d.Resident, new
        {
            communityId = "org_nowhere", title = "修水管", category = "repairs", description = "厨房漏水", beneficiaries = 1,
            urgency = "low", level = "community",
        }, h), 422, "invalid_reference");

    [Fact]
    public async Task A_reused_idempotency_key_with_another_body_is_422()
    {
        var key = Guid.NewGuid().ToString();
        await (await _app.SendAsync(
            HttpMethod.Post,
            "api/v1/orgs",
            _d.Admin,
            new { kind = "grid", parentId = _d.CommunityId, name = "第二网格" },
            new Dictionary<string, string> { ["Idempotency-Key"] = key })).ExpectAsync(201);
        await ProblemAssert.InBothLanguagesAsync(h =>
        {
            h["Idempotency-Key"] = key;
            return _app.SendAsync(
                HttpMethod.Post,
                "api/v1/orgs",
                _d.Admin,
                new { kind = "grid", parentId = _d.CommunityId, name = "第三网格" },
                h);
        }, 422, "idempotency_key_reused");
    }

    [Fact]
    public async Task WeChat_rate_limiting_is_429_with_retry_after()
    {
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat", json: new { code = "limited:x" });
        await ProblemAssert.IsAsync(response, 429, "wechat_rate_limited");
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public Task WeChat_busy_is_503() =>
        ProblemAssert.InBothLanguagesAsync(
            h => _app.SendAsync(HttpMethod.Post, "api/v1/auth/wechat", json: new { code = "busy:x" }, headers: h),
            503,
            "wechat_busy");

    [Fact]
    public async Task An_unexpected_fault_is_500_with_the_w3c_trace_id_and_no_internals()
    {
        // A stored organisation (of a district of its own) that lacks its kind: reading it fails in a way no handler
        // expects. Removed afterwards.
        var orgs = new Azure.Data.Tables.TableClient(fixture.Storage.ConnectionString, "Orgs");
        await orgs.UpsertEntityAsync(
            new Azure.Data.Tables.TableEntity("ids", "id|org_corrupt1") { ["DistrictId"] = "org_corrupt-district" });
        await orgs.UpsertEntityAsync(
            new Azure.Data.Tables.TableEntity("tree|org_corrupt-district", "org|org_corrupt1") {
                ["Id"] = "org_corrupt1",
                ["Name"] = "坏数据" });
        try
        {
            var response = await _app.SendAsync(HttpMethod.Get, "api/v1/orgs/org_corrupt1", _d.Admin);
            var problem = await ProblemAssert.IsAsync(response, 500, "internal_error");
            Assert.Contains(problem.Str("traceId"), problem.Str("detail"));
            Assert.DoesNotContain("Exception", problem.ToJsonString());
        }
        finally
        {
            await orgs.DeleteEntityAsync("tree|org_corrupt-district", "org|org_corrupt1");
        }
    }
}
