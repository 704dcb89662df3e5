using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("RedYifang.Functions.Tests.LongestFirst", "RedYifang.Functions.Tests")]

// Collections run in parallel, at most four at once (four Azurites beside the test process). xunit's default is the processor
// count, two here; on this two-core machine, quiet, the assembly took 78 s with four and 90 s with two (82 s with three), and
// the whole ./test.sh 135 s with four against 163 s with two.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]

namespace RedYifang.Functions.Tests;

/// <summary>
/// An app of its own for a slice of tests: a private Azurite, a loopback WeChat and the app on the local host, with no
/// demo data and every timer off (<see cref="TimerSchedules.Off"/>). One instance per collection: the classes of a
/// collection share it, each in a district of its own (<see cref="DistrictAsync"/>), and collections run in parallel.
/// </summary>
public class SliceApp : IAsyncLifetime, IAsyncDisposable
{
    private IReadOnlyDictionary<string, string?> _settings = new Dictionary<string, string?>();
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _once = new();
    private Action<IServiceCollection, IConfiguration>? _services;

    public Azurite Storage { get; private set; } = null!;
    public FakeWeChat WeChat { get; private set; } = null!;
    public AppUnderTest App { get; private set; } = null!;

    /// <summary>Settings over the test settings and <see cref="TimerSchedules.Off"/>.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => _settings;

    protected virtual bool SeedDemo => false;

    protected virtual void AddServices(IServiceCollection services, IConfiguration configuration) =>
        _services?.Invoke(services, configuration);

    /// <summary>
    /// A slice app of its own outside any collection, for a test that needs other settings or services (registered after the
    /// app's own); the caller disposes it.
    /// </summary>
    public static async Task<SliceApp> StartAsync(IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection, IConfiguration>? services = null)
    {
        var slice = new SliceApp { _settings = settings, _services = services };
        await slice.InitializeAsync();
        return slice;
    }

    public virtual async Task InitializeAsync()
    {
        Storage = await Azurite.StartNewAsync();
        WeChat = await FakeWeChat.StartAsync();
        App = await StartAnotherAsync(Settings, SeedDemo);
    }

    /// <summary>Another app on this store and WeChat (timers off too), e.g. with a setting changed; the caller disposes it.</summary>
    public Task<AppUnderTest> StartAnotherAsync(IReadOnlyDictionary<string, string?> settings, bool seedDemo = false)
    {
        var overrides = new Dictionary<string, string?>(TimerSchedules.Off);
        foreach (var (key, value) in settings) overrides[key] = value;
        return AppUnderTest.StartAsync(Storage, WeChat, overrides, seedDemo, AddServices);
    }

    /// <summary>The district of the given prefix (one per test class), made through the API the first time a test asks for it.</summary>
    public Task<TestDistrict> DistrictAsync(string prefix) =>
        OnceAsync($"district|{prefix}", () => TestDistrict.CreateAsync(App, AppUnderTest.BootstrapAdmin, prefix));

    /// <summary>What a test class sets up once for all its tests (xunit makes an instance per test), by key.</summary>
    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> create) where T : notnull =>
        (T)await _once.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create())).Value;

    public virtual async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        if (WeChat is not null) await WeChat.DisposeAsync();
        if (Storage is not null) await Storage.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}

/// <summary>
/// The demo district on an app of its own, loaded at a fixed instant (<see cref="Now"/>, mid-month in China Standard Time) on a
/// clock that stands still, so everything the demo derives from the date (order dates, capacity months, final rankings) is
/// the same on every run and its figures can be checked exactly.
/// </summary>
public sealed class DemoApp : SliceApp
{
    public static readonly DateTimeOffset Now = new(2026, 5, 20, 4, 0, 0, TimeSpan.Zero);

    protected override bool SeedDemo => true;

    protected override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
}

/// <summary>
/// Starts the longest collections first (xunit starts collections in this order, as many at once as it runs in parallel), so the
/// longest does not begin last and hold up the end of the run; the rest (among them every class of in-memory rules) follow.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest =
    [
        Slices.MatchingAtScale, Slices.Demo, Fuzz.FuzzSlice.Name, Slices.Evidence, Slices.Orders, Slices.Agreements, Slices.PartyMembers,
        Slices.Activities, Slices.Alliances,
        "Test collection for RedYifang.Functions.Tests.Platform.Messaging.IntegrationEventTests",
        Platform.Messaging.EventWireApp.Collection,
        "two districts", Slices.Organisations, Slices.Assessment,
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => Array.IndexOf(Longest, c.DisplayName) is var i and >= 0 ? i : Longest.Length);
}

/// <summary>The slice collections: each has an app of its own, and they run in parallel with each other.</summary>
public static class Slices
{
    public const string Orders = "orders";
    public const string Organisations = "organisations";
    public const string Platform = "platform";
    public const string Evidence = "evidence";
    public const string Assessment = "assessment";
    public const string Demo = "demo";
    public const string MatchingAtScale = "matching at scale";
    public const string Agreements = "agreements";
    public const string PartyMembers = "party members";
    public const string Activities = "activities";
    public const string Sites = "sites";
    public const string Alliances = "alliances";
    public const string ContentSecurity = "content security";
}

[CollectionDefinition(Slices.ContentSecurity)]
public sealed class ContentSecuritySlice : ICollectionFixture<SliceApp>;

[CollectionDefinition(Slices.Orders)]
public sealed class OrdersSlice : ICollectionFixture<SliceApp>;

[CollectionDefinition(Slices.Organisations)]
public sealed class OrganisationsSlice : ICollectionFixture<SliceApp>;

[CollectionDefinition(Slices.Platform)]
public sealed class PlatformSlice : ICollectionFixture<SliceApp>;

[CollectionDefinition(Slices.Evidence)]
public sealed class EvidenceSlice : ICollectionFixture<SliceApp>;

[CollectionDefinition(Slices.Assessment)]
public sealed class AssessmentSlice : ICollectionFixture<SliceApp>;

[CollectionDefinition(Slices.Demo)]
public sealed class DemoSlice : ICollectionFixture<DemoApp>;

[CollectionDefinition(Slices.MatchingAtScale)]
public sealed class MatchingAtScaleSlice : ICollectionFixture<SliceApp>;

[CollectionDefinition(Slices.Agreements)]
public sealed class AgreementsSlice : ICollectionFixture<SliceApp>;

[CollectionDefinition(Slices.PartyMembers)]
public sealed class PartyMembersSlice : ICollectionFixture<SliceApp>;

[CollectionDefinition(Slices.Activities)]
public sealed class ActivitiesSlice : ICollectionFixture<SliceApp>;

[CollectionDefinition(Slices.Sites)]
public sealed class SitesSlice : ICollectionFixture<Sites.SitesApp>;
[CollectionDefinition(Slices.Alliances)]
public sealed class AlliancesSlice : ICollectionFixture<Alliances.AlliancesApp>;

/// <summary>The slice tier's own promise: no timer runs behind a test's back, and every timer the build declares is one it turns off.</summary>
[Collection(Slices.Platform)]
public sealed class SliceAppTests(SliceApp slice)
{
    [Fact]
    public void A_slice_app_runs_no_timer()
    {
        var hosted = slice.App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().ToList();
        Assert.Empty(hosted.OfType<RedYifang.LocalHost.TimerTriggerScheduler>());
        Assert.Equal(21, hosted.OfType<RedYifang.LocalHost.QueueTriggerListener>().Count());          // the queue functions do run
    }

    [Fact]
    public async Task TimerSchedules_names_every_timer_function_of_the_build()
    {
        var metadata = System.Text.Json.Nodes.JsonNode.Parse(
            await File.ReadAllTextAsync(Path.Combine(RedYifang.LocalHost.RedYifangHost.AppDirectory, "functions.metadata")))!.AsArray();
        var timers = metadata.Where(f => f!["bindings"]!.AsArray().Any(b => b!["type"]!.GetValue<string>() == "timerTrigger"))
            .Select(f => f!["name"]!.GetValue<string>());
        Assert.Equal(TimerSchedules.Functions.Order(StringComparer.Ordinal), timers.Order(StringComparer.Ordinal));
    }
}
