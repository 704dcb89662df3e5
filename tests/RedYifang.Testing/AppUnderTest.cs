using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RedYifang.Functions.Demo;
using RedYifang.LocalHost;

namespace RedYifang.Testing;

/// <summary>
/// The RedYifang app on the local host, as run.sh starts it, on a free loopback port against a given Azurite
/// and the loopback WeChat. Tests talk to it over real HTTP.
/// </summary>
public sealed class AppUnderTest : ApiClient, IAsyncDisposable
{
    public const string BootstrapAdmin = "dev-admin";
    private readonly WebApplication _host;

    public Azurite Storage { get; }
    public FakeWeChat WeChat { get; }
    public IServiceProvider Services => _host.Services;

    private AppUnderTest(WebApplication host, Azurite storage, FakeWeChat weChat) : base(host.BaseAddress())
    {
        _host = host;
        Storage = storage;
        WeChat = weChat;
    }

    public static async Task<AppUnderTest> StartAsync(Azurite storage, FakeWeChat weChat,
        IReadOnlyDictionary<string, string?>? overrides = null, bool seedDemo = true,
        Action<IServiceCollection, IConfiguration>? extraServices = null)
    {
        var settings = TestSettings.For(storage, weChat, BootstrapAdmin);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;

        // A free port can be taken by another test process between choosing it and binding it: choose again.
        WebApplication host;
        for (var attempt = 1; ; attempt++)
        {
            host = RedYifangHost.Build(c => c.AddInMemoryCollection(settings), $"http://127.0.0.1:{FreePort.Next()}",
                logging => logging.SetMinimumLevel(LogLevel.Warning), extraServices);
            try
            {
                await host.StartAsync();
                break;
            }
            catch (IOException e) when (attempt < 3 && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                await host.DisposeAsync();
            }
        }
        var app = new AppUnderTest(host, storage, weChat);
        if (seedDemo) await host.Services.GetRequiredService<DemoDistrict>().SeedIfEmptyAsync(CancellationToken.None);
        return app;
    }

    public TableClient Table(string name) => new TableServiceClient(Storage.ConnectionString).GetTableClient(name);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
    }
}
