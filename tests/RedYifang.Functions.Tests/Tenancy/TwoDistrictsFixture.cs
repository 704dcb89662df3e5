using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Assessment;

namespace RedYifang.Functions.Tests.Tenancy;

/// <summary>
/// One store holding two districts of the same shape — each a district with two streets, a community and two units
/// per street — made through the API, with different facts. A slice app: no demo data, every timer off.
/// </summary>
public sealed class TwoDistrictsFixture : SliceApp
{
    public Shape A { get; private set; } = null!;
    public Shape B { get; private set; } = null!;

    /// <summary>A district as the tests use it: its <see cref="TestDistrict"/> plus a second street and the units of both streets.</summary>
    public sealed record Shape(TestDistrict District, string SecondStreet, IReadOnlyList<string> Units, IReadOnlyList<string> Communities);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        A = await ShapeAsync("ta");
        B = await ShapeAsync("tb");
    }

    private async Task<Shape> ShapeAsync(string prefix)
    {
        var d = await DistrictAsync(prefix);
        var street2 = await d.OrgAsync(App, "street", d.DistrictId, "第二街道");
        var community2 = await d.OrgAsync(App, "community", street2, "第二社区");
        var units = new List<string>
        {
            d.UnitId,
            await d.OrgAsync(App, "unit", d.StreetId, "第二家企业", "nonPublicEnterprise"),
            await d.OrgAsync(App, "unit", street2, "第三家企业", "nonPublicEnterprise"),
            await d.OrgAsync(App, "unit", street2, "第四家企业", "nonPublicEnterprise"),
        };
        return new Shape(d, street2, units, [d.CommunityId, community2]);
    }

    public FactStore Facts => App.Services.GetRequiredService<FactStore>();
}

[CollectionDefinition("two districts")]
public sealed class TwoDistrictsCollection : ICollectionFixture<TwoDistrictsFixture>;
