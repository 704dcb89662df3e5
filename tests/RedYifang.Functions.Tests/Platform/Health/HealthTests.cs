namespace RedYifang.Functions.Tests.Platform.Health;

/// <summary>Has its own Azurite, since it takes storage down.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private Azurite _storage = null!;
    private FakeWeChat _weChat = null!;
    private AppUnderTest _app = null!;

    public async Task InitializeAsync()
    {
        _storage = await Azurite.StartNewAsync();
        _weChat = await FakeWeChat.StartAsync();
        _app = await AppUnderTest.StartAsync(_storage, _weChat, seedDemo: false);
    }

    [Fact]
    public async Task Reports_503_while_storage_is_down_and_200_once_it_is_back_without_a_restart()
    {
        var healthy = await (await _app.SendAsync(HttpMethod.Get, "api/health")).ExpectAsync(200);
        Assert.Equal("healthy", healthy.Str("status"));
        Assert.Equal("healthy", healthy["checks"].Str("tables"));

        await _storage.StopAsync();
        var down = await (await _app.SendAsync(HttpMethod.Get, "api/health")).ExpectAsync(503);
        Assert.Equal("unhealthy", down.Str("status"));
        Assert.Equal("unhealthy", down["checks"].Str("blobs"));

        await _storage.StartAsync();
        var status = 0;
        for (var attempt = 0; attempt < 40 && status != 200; attempt++)
        {
            status = (int)(await _app.SendAsync(HttpMethod.Get, "api/health")).StatusCode;
            if (status != 200) await Task.Delay(250);
        }
        Assert.Equal(200, status);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _weChat.DisposeAsync();
        await _storage.DisposeAsync();
    }
}
