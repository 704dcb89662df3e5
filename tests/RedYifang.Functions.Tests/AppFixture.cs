namespace RedYifang.Functions.Tests;

/// <summary>One Azurite, one loopback WeChat and one app (with the demo district loaded) for the "app" collection.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private Azurite? _storage;
    private FakeWeChat? _weChat;

    public AppUnderTest App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _storage = await Azurite.StartNewAsync();
        _weChat = await FakeWeChat.StartAsync();
        App = await AppUnderTest.StartAsync(_storage, _weChat);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _weChat!.DisposeAsync();
        await _storage!.DisposeAsync();
    }
}

[CollectionDefinition("app")]
public sealed class AppCollection : ICollectionFixture<AppFixture>;
