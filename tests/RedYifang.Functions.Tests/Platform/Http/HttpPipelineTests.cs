using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;

namespace RedYifang.Functions.Tests.Platform.Http;

/// <summary>What every function gets from the pipeline, over real HTTP through the local host.</summary>
[Collection("app")]
public sealed class HttpPipelineTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;
    private const string Admin = AppUnderTest.BootstrapAdmin;
    private const string Community = "org_demo-s1-c1";

    [Fact]
    public async Task Malformed_json_is_400_malformed_json_in_Chinese_and_writes_nothing()
    {
        var before = await CountGridsAsync();
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, """{"kind":"grid", "parentId": """);

        var problem = await response.ExpectAsync(400);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("malformed_json", problem.Str("code"));
        Assert.Equal("请求体不是有效的 JSON", problem.Str("title"));
        Assert.Equal("/problems/malformed_json", problem.Str("type"));
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.Equal(before, await CountGridsAsync());
    }

    [Fact]
    public async Task Problems_are_in_English_when_asked()
    {
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, "[1,2]",
            new Dictionary<string, string> { ["Accept-Language"] = "en-GB,en;q=0.9" });

        var problem = await response.ExpectAsync(400);
        Assert.Equal("The request body is not valid JSON", problem.Str("title"));
        Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task A_wrongly_typed_field_is_named_in_errors()
    {
        var response = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin,
            new { kind = "grid", parentId = Community, name = "网格", partyMembers = "many" });

        var problem = await response.ExpectAsync(400);
        Assert.Equal("validation_failed", problem.Str("code"));
        Assert.Equal("类型不正确", problem["errors"]!["partyMembers"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_one_megabyte_is_413_and_writes_nothing(bool declareLength)
    {
        var before = await CountGridsAsync();
        var name = new string('x', 2 * 1024 * 1024);
        var json = Encoding.UTF8.GetBytes($$"""{"kind":"grid","parentId":"{{Community}}","name":"{{name}}"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/orgs");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _app.TokenAsync(Admin));
        request.Content = declareLength ? new ByteArrayContent(json) : new StreamContent(new NoLengthStream(json));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _app.Http.SendAsync(request);

        var problem = await response.ExpectAsync(413);
        Assert.Equal("payload_too_large", problem.Str("code"));
        Assert.Equal(before, await CountGridsAsync());
    }

    [Fact]
    public async Task An_unexpected_fault_is_500_with_a_trace_id_and_no_internals()
    {
        // A stored organisation that lacks its kind: reading it fails in a way no handler expects.
        await _app.Table("Orgs").UpsertEntityAsync(new TableEntity("ids", "id|org_corrupt1") { ["DistrictId"] = "org_corrupt-district" });
        await _app.Table("Orgs").UpsertEntityAsync(new TableEntity("tree|org_corrupt-district", "org|org_corrupt1") { ["Id"] = "org_corrupt1", ["Name"] = "坏数据" });

        var response = await _app.SendAsync(HttpMethod.Get, "api/v1/orgs/org_corrupt1", Admin);

        var problem = await response.ExpectAsync(500);
        Assert.Equal("internal_error", problem.Str("code"));
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
        Assert.Equal(traceId, (await response.ExpectAsync(404)).Str("traceId"));
        var without = await (await _app.SendAsync(HttpMethod.Get, "api/v1/orgs/org_missing1", Admin)).ExpectAsync(404);
        Assert.Matches("^[0-9a-f]{32}$", without.Str("traceId"));
        Assert.NotEqual(traceId, without.Str("traceId"));
    }

    [Fact]
    public async Task Unknown_routes_and_methods_are_404_as_on_the_Functions_host()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _app.SendAsync(HttpMethod.Get, "api/v1/nothing-here", Admin)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.SendAsync(HttpMethod.Delete, "api/v1/me", Admin)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.SendAsync(HttpMethod.Put, "api/v1/orders", Admin, new { })).StatusCode);
    }

    [Fact]
    public async Task Routes_other_than_the_public_ones_need_a_token()
    {
        foreach (var path in new[] { "api/v1/me", "api/v1/orgs", $"api/v1/orgs/{Community}" })
        {
            var response = await _app.SendAsync(HttpMethod.Get, path);
            var problem = await response.ExpectAsync(401);
            Assert.Equal("unauthenticated", problem.Str("code"));
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
        var forged = await _app.SendAsync(HttpMethod.Get, "api/v1/me", headers: new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfeCJ9.c2lnbmF0dXJl",
        });
        await forged.ExpectAsync(401);
        Assert.Equal(HttpStatusCode.OK, (await _app.SendAsync(HttpMethod.Get, "api/health")).StatusCode);
    }

    private async Task<int> CountGridsAsync()
    {
        var response = await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs?parentId={Community}&kind=grid&limit=100", Admin);
        return (await response.ExpectAsync(200))["items"]!.AsArray().Count;
    }

    /// <summary>A body sent chunked, without Content-Length.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
