using Azure.Storage.Queues;

namespace RedYifang.RealHost.Tests;

/// <summary>
/// One Azurite, one loopback WeChat and the app on the real Functions host, with a district of its own made
/// through the API (no demo data: the Functions host does not seed it). Settings are the sample's, except a
/// timer schedule that fires within seconds and queue retries shortened so a poisoned message settles quickly.
/// </summary>
public sealed class RealHostFixture : IAsyncLifetime
{
    public const string BootstrapAdmin = "rh-admin";
    private FakeWeChat? _weChat;

    public Azurite Storage { get; private set; } = null!;
    public FunctionsHost App { get; private set; } = null!;
    public TestDistrict District { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = await Azurite.StartNewAsync();
        _weChat = await FakeWeChat.StartAsync();
        var settings = TestSettings.For(Storage, _weChat, BootstrapAdmin);
        // host.json's values, overridden the way Azure app settings override host.json.
        settings["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00.500";
        settings["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.500";
        settings["Assessment:Schedule"] = TimerTests.Schedule;

        var log = Environment.GetEnvironmentVariable("REALHOST_LOG")
                  ?? Path.Combine(AppContext.BaseDirectory, "functions-host.log");
        App = await FunctionsHost.StartAsync(await FunctionsHost.HostDirectoryAsync(), FunctionsHost.ReleaseApp(), settings, log);
        District = await TestDistrict.CreateAsync(App, BootstrapAdmin, "rh");
    }

    public QueueClient Queue(string name) =>
        new(Storage.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        if (_weChat is not null) await _weChat.DisposeAsync();
        if (Storage is not null) await Storage.DisposeAsync();
    }
}

[CollectionDefinition("real host")]
public sealed class RealHostCollection : ICollectionFixture<RealHostFixture>;
