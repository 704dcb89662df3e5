using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Console;

namespace RedYifang.Console.Tests;

/// <summary>
/// The app as ./run.sh runs it, with the demo district loaded, on a private Azurite and the loopback WeChat, serving the
/// console built by <c>npm run console:build</c> (test.sh builds it before the app).
/// </summary>
public sealed class ConsoleApp : IAsyncLifetime
{
    public Azurite Storage { get; private set; } = null!;
    public FakeWeChat WeChat { get; private set; } = null!;
    public AppUnderTest App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = await Azurite.StartNewAsync();
        WeChat = await FakeWeChat.StartAsync();
        var settings = new Dictionary<string, string?>(TimerSchedules.Off)
        {
            ["Console:AllowUploadsFromConsoleOrigin"] = "true",
        };
        App = await AppUnderTest.StartAsync(Storage, WeChat, settings, seedDemo: true);
        var index = App.Services.GetRequiredService<ConsoleFiles>().Find("");
        Assert.True(index is not null, "The console is not built: run `npm run console:build`, then build the app (test.sh does).");
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await WeChat.DisposeAsync();
        await Storage.DisposeAsync();
    }
}

[CollectionDefinition(nameof(ConsoleApp))]
public sealed class ConsoleAppCollection : ICollectionFixture<ConsoleApp>;
