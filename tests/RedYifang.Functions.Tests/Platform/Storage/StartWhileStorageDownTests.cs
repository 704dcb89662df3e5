using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RedYifang.Functions.Demo;
using RedYifang.Functions.Tests.Demo;
using RedYifang.LocalHost;
using Xunit.Abstractions;

namespace RedYifang.Functions.Tests.Platform.Storage;

/// <summary>
/// The app's local host as run.sh starts it (loading the demo on an empty store), started while its storage is down: it
/// serves anyway (health 503, calls 503 storage_unavailable), and once storage answers it is healthy and loads the demo,
/// once, whatever storage does afterwards. An Azurite of its own, stopped and started again on the same ports; the demo is
/// loaded at <see cref="DemoApp.Now"/> on a clock that stands still, so its figures are the demo slice's, exactly.
/// </summary>
public sealed class StartWhileStorageDownTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(3);

    /// <summary>
    /// A hang guard for the whole demo load, not a speed goal: the load grows with each feature's demo part, and on a
    /// loaded 2-core machine it took 2 min 52 s, near <see cref="Generous"/>.
    /// </summary>
    private static readonly TimeSpan LoadGuard = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_host_starts_with_storage_down_and_loads_the_demo_once_storage_answers()
    {
        await using var storage = await Azurite.StartNewAsync();
        await storage.StopAsync();
        await using var weChat = await FakeWeChat.StartAsync();
        var log = new LogCapture();
        var settings = new Dictionary<string, string?>(TimerSchedules.Off) { ["Demo:SeedOnEmptyStore"] = "true" };
        await using var app = await AppUnderTest.StartAsync(storage, weChat, settings, seedDemo: false, extraServices: (services, _) =>
        {
            log.AddTo(services);
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(DemoApp.Now));
        });
        var loader = app.Services.GetRequiredService<DemoLoader>();
        var outage = app.Services.GetRequiredService<OutageLog>();

        await HealthAsync(app, 503);
        await (await app.SendAsync(HttpMethod.Get, $"api/v1/rankings/2026-05?districtId={DemoDistrict.DistrictId}"))
            .ExpectProblemAsync(503, "storage_unavailable");
        await Eventually.WaitAsync(() => Task.FromResult(outage.Failures >= 3), Generous);
        Assert.True(outage.Failures >= 3, $"{outage.Failures} failed attempts");       // the loader and the listeners keep trying
        var failedWhileDown = outage.Failures;
        Assert.False(loader.Loaded.IsCompleted);

        await storage.StartAsync();
        await Eventually.WaitAsync(() => Task.FromResult(loader.Loaded.IsCompleted), LoadGuard);
        Assert.True(loader.Loaded.IsCompleted, "the demo did not load");
        await HealthAsync(app, 200);
        var orders = await DemoData.OrdersAsync(app);
        Assert.Equal(DemoData.OrdersByState, orders.GroupBy(o => o.Str("state")).ToDictionary(g => g.Key, g => g.Count()));

        // Storage goes and comes back: the host carries on, and nothing of the demo loads again.
        await storage.StopAsync();
        await HealthAsync(app, 503);
        await Eventually.WaitAsync(() => Task.FromResult(outage.Down), Generous);
        Assert.True(outage.Down);
        await storage.StartAsync();
        await Eventually.WaitAsync(
            async () => (await app.SendAsync(HttpMethod.Get, "api/health")).StatusCode == System.Net.HttpStatusCode.OK,
            Generous);
        await HealthAsync(app, 200);
        Assert.Equal(orders.Count, (await DemoData.OrdersAsync(app)).Count);
        var loaded = log.Containing("Demo ").Where(e => e.Message.Contains(" loaded (", StringComparison.Ordinal))
            .Select(e => e.Message[..e.Message.IndexOf(" loaded", StringComparison.Ordinal)]).ToList();
        Assert.Equal(["Demo district", "Demo service menu", "Demo co-building", "Demo sites", "Demo alliances", "Demo evaluations",
            "Demo funding", "Demo rankings"], loaded);
        // Two outages (at start, and after the load), each told once when it began and once when it ended.
        await Eventually.WaitAsync(() => Task.FromResult(!outage.Down), Generous);
        Assert.Equal(2, log.Containing("Storage does not answer").Count);
        Assert.Equal(2, log.Containing("Storage answers again").Count);
        output.WriteLine($"failed attempts while down at start: {failedWhileDown}; demo orders: {orders.Count}; loads: {loaded.Count}");
    }

    private static async Task HealthAsync(AppUnderTest app, int status)
    {
        var health = await (await app.SendAsync(HttpMethod.Get, "api/health")).ExpectAsync(status);
        Assert.Equal(status == 200 ? "healthy" : "unhealthy", health.Str("status"));
    }
}
