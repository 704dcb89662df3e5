using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;

namespace RedYifang.Functions.Tests.Platform.Http;

/// <summary>What every function gets from the pipeline, over real HTTP through the local host, in this class's own district.</summary>
[Collection(Slices.Platform)]
public sealed class HttpPipelineTests(SliceApp slice) : IAsyncLifetime
{
    private readonly AppUnderTest _app = slice.App;
    private const string Admin = AppUnderTest.BootstrapAdmin;
    private TestDistrict _d = null!;

    public async Task InitializeAsync() => _d = await slice.DistrictAsync("pipeline");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Malformed_json_is_400_malformed_json_in_Chinese_and_writes_nothing()
    {
        var before = await GridsAsync();
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, """{"kind":"grid", "parentId": """);

        var problem = await response.ExpectProblemAsync(400, "malformed_json");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("zh-CN", response.Content.Headers.ContentLanguage.Single());
        Assert.Equal("请求体不是有效的 JSON", problem.Str("title"));
        Assert.Equal("/problems/malformed_json", problem.Str("type"));
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.Empty(problem.Errors());
        Assert.Equal(before, await GridsAsync());
    }

    [Fact]
    public async Task Problems_are_in_English_when_asked()
    {
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, "[1,2]",
            new Dictionary<string, string> { ["Accept-Language"] = "en-GB,en;q=0.9" });

        var problem = await response.ExpectProblemAsync(400, "malformed_json");
        Assert.Equal("The request body is not valid JSON", problem.Str("title"));
        Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task A_wrongly_typed_field_is_named_in_errors()
    {
        var before = await GridsAsync();
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin,
            new { kind = "grid", parentId = _d.CommunityId, name = "网格", partyMembers = "many" });

        var problem = await response.ExpectProblemAsync(400, "validation_failed");
        Assert.Equal(new Dictionary<string, string[]> { ["partyMembers"] = ["类型不正确"] }, problem.Errors());
        Assert.Equal(before, await GridsAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_one_megabyte_is_413_and_writes_nothing(bool declareLength)
    {
        var before = await GridsAsync();
        var name = new string('x', 2 * 1024 * 1024);
        var json = Encoding.UTF8.GetBytes($$"""{"kind":"grid","parentId":"{{_d.CommunityId}}","name":"{{name}}"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/orgs");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _app.TokenAsync(Admin));
        request.Content = declareLength ? new ByteArrayContent(json) : new StreamContent(new NoLengthStream(json));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _app.Http.SendAsync(request);

        await response.ExpectProblemAsync(413, "payload_too_large");
        Assert.Equal(before, await GridsAsync());
    }

    [Fact]
    public async Task An_unexpected_fault_is_500_with_a_trace_id_and_no_internals()
    {
        // A stored organisation that lacks its kind: reading it fails in a way no handler expects.
        await _app.Table("Orgs").UpsertEntityAsync(new TableEntity("ids", "id|org_corrupt1") { ["DistrictId"] = "org_corrupt-district" });
        await _app.Table("Orgs").UpsertEntityAsync(
            new TableEntity("tree|org_corrupt-district", "org|org_corrupt1") { ["Id"] = "org_corrupt1", ["Name"] = "坏数据" });

        var response = await _app.SendAsync(HttpMethod.Get, "api/v1/orgs/org_corrupt1", Admin);

        var problem = await response.ExpectProblemAsync(500, "internal_error");
        var traceId = problem.Str("traceId");
        Assert.Matches("^[0-9a-f]{32}$", traceId); // the W3C trace id, as on the Functions host
        Assert.Contains(traceId, problem.Str("detail"));
        var text = problem.ToJsonString();
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("at RedYifang", text);
    }

    [Fact]
    public async Task A_callers_traceparent_is_the_trace_id_of_its_problem()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var response = await _app.SendAsync(HttpMethod.Get, "api/v1/orgs/org_missing1", Admin,
            headers: new Dictionary<string, string> { ["traceparent"] = $"00-{traceId}-00f067aa0ba902b7-01" });
        Assert.Equal(traceId, (await response.ExpectProblemAsync(404, "not_found")).Str("traceId"));
        var without = await (await _app.SendAsync(HttpMethod.Get, "api/v1/orgs/org_missing1", Admin)).ExpectProblemAsync(404, "not_found");
        Assert.Matches("^[0-9a-f]{32}$", without.Str("traceId"));
        Assert.NotEqual(traceId, without.Str("traceId"));
    }

    [Fact]
    public async Task Unknown_routes_are_404_and_other_methods_405_as_problem_json()
    {
        foreach (var path in new[] { "api/v1/nothing-here", "api/v2/orders", "api/v1/orders/x/y/z/w" })
        {
            var response = await _app.SendAsync(HttpMethod.Get, path, Admin);
            var problem = await response.ExpectProblemAsync(404, "not_found");
            Assert.Equal("路径不存在或不在您的权限范围内。", problem.Str("detail"));
            Assert.Equal("/" + path, problem.Str("instance"));
        }
        foreach (var (method, path, allow) in new[]
        {
            (HttpMethod.Delete, "api/v1/me", "GET"),
            (HttpMethod.Put, "api/v1/orders", "GET, POST"),
            (HttpMethod.Patch, "api/health", "GET"),
        })
        {
            var response = await _app.SendAsync(method, path, Admin, method == HttpMethod.Put ? new { } : null);
            var problem = await response.ExpectProblemAsync(405, "method_not_allowed");
            Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
            Assert.Equal($"此路径支持：{allow}。", problem.Str("detail"));
        }
    }

    [Fact]
    public async Task Routes_other_than_the_public_ones_need_a_token()
    {
        foreach (var path in new[] {
            "api/v1/me",
            $"api/v1/orgs?parentId={_d.StreetId}",
            $"api/v1/orgs/{_d.CommunityId}",
            $"api/v1/orders?communityId={_d.CommunityId}" })
        {
            var response = await _app.SendAsync(HttpMethod.Get, path);
            await response.ExpectProblemAsync(401, "unauthenticated");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
        var forged = await _app.SendAsync(HttpMethod.Get, "api/v1/me", headers: new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfeCJ9.c2lnbmF0dXJl",
        });
        await forged.ExpectProblemAsync(401, "unauthenticated");
        Assert.Equal(HttpStatusCode.OK, (await _app.SendAsync(HttpMethod.Get, "api/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.SendAsync(HttpMethod.Get, "api/openapi.json")).StatusCode);
    }

    private async Task<List<string>> GridsAsync()
    {
        var response = await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs?parentId={_d.CommunityId}&kind=grid&limit=100", Admin);
        return (await response.ExpectAsync(200)).Ids();
    }

    /// <summary>A body sent chunked, without Content-Length.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
