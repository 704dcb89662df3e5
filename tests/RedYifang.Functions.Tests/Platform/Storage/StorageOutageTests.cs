namespace RedYifang.Functions.Tests.Platform.Storage;

/// <summary>
/// Storage stopped under a running app (its own Azurite, stopped and started again on the same ports): every call
/// answers 503 storage_unavailable with Retry-After while it is down, and the app recovers without a restart, having
/// written nothing half-way.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private SliceApp _slice = null!;
    private TestDistrict _d = null!;

    public async Task InitializeAsync()
    {
        _slice = await SliceApp.StartAsync(new Dictionary<string, string?>());
        _d = await _slice.DistrictAsync("outage");
    }

    public Task DisposeAsync() => _slice.DisposeAsync();

    [Fact]
    public async Task While_storage_is_down_calls_are_503_with_retry_after_and_afterwards_the_app_serves_again()
    {
        var app = _slice.App;
        var resident = await _d.UserAsync(app, "outage-resident");
        await app.TokenAsync(_d.CommunityAdmin);
        var order = new
        {
            communityId = _d.CommunityId, title = "停电", category = "repairs", description = "楼道停电", beneficiaries = 2, urgency = "high",
            level = "community",
        };

        await _slice.Storage.StopAsync();
        try
        {
            foreach (var call in new Func<Task<HttpResponseMessage>>[]
            {
                () => app.SendAsync(HttpMethod.Get, "api/v1/me", resident),
                () => app.SendAsync(HttpMethod.Post, "api/v1/orders", resident, order),
                () => app.SendAsync(HttpMethod.Get, $"api/v1/orders?communityId={_d.CommunityId}", _d.CommunityAdmin),
                () => app.SendAsync(HttpMethod.Get, $"api/v1/rankings/2026-10?districtId={_d.DistrictId}"),
            })
            {
                var response = await call();
                var problem = await response.ExpectProblemAsync(503, "storage_unavailable");
                Assert.Equal("存储服务暂时不可用", problem.Str("title"));
                Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
            }
            Assert.Equal(503, (int)(await app.SendAsync(HttpMethod.Get, "api/health")).StatusCode);
        }
        finally
        {
            await _slice.Storage.StartAsync();
        }

        await (await app.SendAsync(HttpMethod.Get, "api/v1/me", resident)).ExpectAsync(200);
        // The refused create wrote nothing: the resident's only order is the one created now.
        var created = await (await app.SendAsync(HttpMethod.Post, "api/v1/orders", resident, order)).ExpectAsync(201);
        var mine = await (await app.SendAsync(HttpMethod.Get, "api/v1/orders?mine=true", resident)).ExpectAsync(200);
        Assert.Equal([created.Str("id")], mine.Ids());
    }
}
