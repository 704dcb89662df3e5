namespace RedYifang.Functions.Tests.Platform.Idempotency;

[Collection("app")]
public sealed class IdempotentRequestsTests(AppFixture fixture)
{
    private readonly AppUnderTest _app = fixture.App;
    private const string Admin = AppUnderTest.BootstrapAdmin;

    [Fact]
    public async Task The_same_key_and_body_sent_concurrently_creates_once_and_replays_the_first_answer()
    {
        var parent = "org_demo-s2-c3";
        var body = new { kind = "grid", parentId = parent, name = "幂等网格-" + Guid.NewGuid().ToString("N")[..8] };
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var before = await CountChildrenAsync(parent);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, body, key)));

        var bodies = new List<string>();
        foreach (var response in responses)
        {
            var json = await response.ExpectAsync(201);
            bodies.Add(json.ToJsonString());
            Assert.Equal(responses[0].Headers.Location, response.Headers.Location);
        }
        Assert.Single(bodies.Distinct());
        Assert.Equal(before + 1, await CountChildrenAsync(parent));
        Assert.Equal(11, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_creates_nothing()
    {
        var parent = "org_demo-s2-c4";
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, new { kind = "grid", parentId = parent, name = "甲" + Guid.NewGuid() }, key))
            .ExpectAsync(201);
        var before = await CountChildrenAsync(parent);

        var reused = await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, new { kind = "grid", parentId = parent, name = "乙" + Guid.NewGuid() }, key);

        Assert.Equal("idempotency_key_reused", (await reused.ExpectAsync(422)).Str("code"));
        Assert.Equal(before, await CountChildrenAsync(parent));
    }

    [Fact]
    public async Task A_refused_request_releases_its_key()
    {
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var body = new { kind = "grid", parentId = "org_demo-s3-c1", name = "释放" + Guid.NewGuid() };

        await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", "dev-resident", body, key)).ExpectAsync(403);
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", "dev-resident", body, key)).ExpectAsync(403);
        // The key is per caller: the admin's request with the same key runs.
        await (await _app.SendAsync(HttpMethod.Post, "api/v1/orgs", Admin, body, key)).ExpectAsync(201);
    }

    private async Task<int> CountChildrenAsync(string parent)
    {
        var response = await _app.SendAsync(HttpMethod.Get, $"api/v1/orgs?parentId={parent}&limit=100", Admin);
        return (await response.ExpectAsync(200))["items"]!.AsArray().Count;
    }
}
