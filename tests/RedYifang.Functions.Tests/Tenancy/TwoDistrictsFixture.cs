using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Assessment;

namespace RedYifang.Functions.Tests.Tenancy;

/// <summary>
/// One store holding two districts of the same shape — each a district with two streets, a community and two units
/// per street — made through the API, with different facts. No demo data; the app's timers are off.
/// </summary>
public sealed class TwoDistrictsFixture : IAsyncLifetime
{
    private FakeWeChat _weChat = null!;

    public Azurite Storage { get; private set; } = null!;
    public AppUnderTest App { get; private set; } = null!;
    public Shape A { get; private set; } = null!;
    public Shape B { get; private set; } = null!;

    /// <summary>A district as the tests use it: its <see cref="TestDistrict"/> plus a second street and the units of both streets.</summary>
    public sealed record Shape(TestDistrict District, string SecondStreet, IReadOnlyList<string> Units, IReadOnlyList<string> Communities);

    public async Task InitializeAsync()
    {
        Storage = await Azurite.StartNewAsync();
        _weChat = await FakeWeChat.StartAsync();
        App = await AppUnderTest.StartAsync(Storage, _weChat, new Dictionary<string, string?>
        {
            ["AzureWebJobs.AssessmentTimer.Disabled"] = "true",
            ["AzureWebJobs.OrderExpiry.Disabled"] = "true",
        }, seedDemo: false);
        A = await ShapeAsync("ta");
        B = await ShapeAsync("tb");
    }

    private async Task<Shape> ShapeAsync(string prefix)
    {
        var d = await TestDistrict.CreateAsync(App, AppUnderTest.BootstrapAdmin, prefix);
        async Task<string> Org(string kind, string parentId, string name, string? unitKind = null) =>
            (await (await App.SendAsync(HttpMethod.Post, "api/v1/orgs", AppUnderTest.BootstrapAdmin,
                new { kind, parentId, name = $"{name}（{prefix}）", unitKind })).ExpectAsync(201)).Str("id");
        var street2 = await Org("street", d.DistrictId, "第二街道");
        var community2 = await Org("community", street2, "第二社区");
        var units = new List<string>
        {
            d.UnitId,
            await Org("unit", d.StreetId, "第二家企业", "nonPublicEnterprise"),
            await Org("unit", street2, "第三家企业", "nonPublicEnterprise"),
            await Org("unit", street2, "第四家企业", "nonPublicEnterprise"),
        };
        return new Shape(d, street2, units, [d.CommunityId, community2]);
    }

    public FactStore Facts => App.Services.GetRequiredService<FactStore>();

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _weChat.DisposeAsync();
        await Storage.DisposeAsync();
    }
}

[CollectionDefinition("two districts")]
public sealed class TwoDistrictsCollection : ICollectionFixture<TwoDistrictsFixture>;
