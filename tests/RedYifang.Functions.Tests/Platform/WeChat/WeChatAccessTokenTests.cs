using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RedYifang.Functions.Platform;
using RedYifang.Functions.Platform.WeChat;

namespace RedYifang.Functions.Tests.Platform.WeChat;

/// <summary>
/// The shared server access token on its own Azurite and the loopback WeChat: two service providers stand for two
/// instances of the app sharing one storage account, each with its own memory.
/// </summary>
public sealed class WeChatAccessTokenTests : IAsyncLifetime
{
    private Azurite _storage = null!;
    private FakeWeChat _weChat = null!;
    private readonly List<ServiceProvider> _instances = [];
    private static readonly object QuotaCall = new { cgi_path = "/wxa/msg_sec_check" };

    public async Task InitializeAsync()
    {
        _storage = await Azurite.StartNewAsync();
        _weChat = await FakeWeChat.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances) await instance.DisposeAsync();
        await _weChat.DisposeAsync();
        await _storage.DisposeAsync();
    }

    private WeChatServer Instance(TimeProvider? time = null)
    {
        var settings = TestSettings.For(_storage, _weChat, "bootstrap");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddPlatform(configuration);
        if (time is not null) services.AddSingleton(time);
        var provider = services.BuildServiceProvider();
        _instances.Add(provider);
        return provider.GetRequiredService<WeChatServer>();
    }

    [Fact]
    public async Task A_hundred_concurrent_calls_on_two_instances_make_one_token_request()
    {
        var (a, b) = (Instance(), Instance());

        var replies = await Task.WhenAll(Enumerable.Range(0, 100)
            .Select(i => (i % 2 == 0 ? a : b).PostAsync("cgi-bin/openapi/quota/get", QuotaCall, CancellationToken.None)));

        Assert.All(replies, r => Assert.Equal(0, r.ErrCode));
        Assert.Equal(1, _weChat.TokenRequests);
    }

    [Fact]
    public async Task An_expired_token_is_renewed_once_for_all_instances_and_each_call_retried_once()
    {
        var (a, b) = (Instance(), Instance());
        await a.PostAsync("cgi-bin/openapi/quota/get", QuotaCall, CancellationToken.None);
        await b.PostAsync("cgi-bin/openapi/quota/get", QuotaCall, CancellationToken.None);
        Assert.Equal(1, _weChat.TokenRequests);

        _weChat.ExpireTokens();
        var replies = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(i => (i % 2 == 0 ? a : b).PostAsync("cgi-bin/openapi/quota/get", QuotaCall, CancellationToken.None)));

        Assert.All(replies, r => Assert.Equal(0, r.ErrCode));
        Assert.Equal(2, _weChat.TokenRequests);
        Assert.Equal(0, _weChat.ForcedTokenRequests);
    }

    [Fact]
    public async Task A_refused_token_that_WeChat_still_hands_out_is_replaced_by_one_forced_renewal()
    {
        var server = Instance();
        await server.PostAsync("cgi-bin/openapi/quota/get", QuotaCall, CancellationToken.None);
        _weChat.RefuseCurrentToken();

        var reply = await server.PostAsync("cgi-bin/openapi/quota/get", QuotaCall, CancellationToken.None);

        Assert.Equal(0, reply.ErrCode);
        Assert.Equal(3, _weChat.TokenRequests);     // the first, the normal renewal that gave the same token, the forced one
        Assert.Equal(1, _weChat.ForcedTokenRequests);
    }

    [Fact]
    public async Task The_token_is_renewed_only_once_inside_the_renewal_margin()
    {
        _weChat.TokenLifetime = TimeSpan.FromHours(2);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var server = Instance(clock);
        await server.PostAsync("cgi-bin/openapi/quota/get", QuotaCall, CancellationToken.None);

        clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(4) - TimeSpan.FromSeconds(30));
        await server.PostAsync("cgi-bin/openapi/quota/get", QuotaCall, CancellationToken.None);
        Assert.Equal(1, _weChat.TokenRequests);     // 4½ minutes left: still outside the 4-minute margin

        clock.Advance(TimeSpan.FromMinutes(1));
        await server.PostAsync("cgi-bin/openapi/quota/get", QuotaCall, CancellationToken.None);
        await server.PostAsync("cgi-bin/openapi/quota/get", QuotaCall, CancellationToken.None);
        Assert.Equal(2, _weChat.TokenRequests);
    }

    [Fact]
    public async Task WeChat_out_of_reach_for_the_token_is_unavailable_and_the_next_call_recovers()
    {
        var server = Instance();
        _weChat.NextTokenError = -1;

        var refused = await Assert.ThrowsAsync<RedYifang.Functions.Platform.Problems.UnavailableException>(
            () => server.PostAsync("cgi-bin/openapi/quota/get", QuotaCall, CancellationToken.None));
        Assert.Equal("wechat_unavailable", refused.Code);

        var reply = await server.PostAsync("cgi-bin/openapi/quota/get", QuotaCall, CancellationToken.None);
        Assert.Equal(0, reply.ErrCode);
        Assert.Equal(2, _weChat.TokenRequests);
    }
}
