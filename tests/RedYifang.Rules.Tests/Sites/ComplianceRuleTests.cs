using RedYifang.Functions.Sites;

namespace RedYifang.Rules.Tests.Sites;

/// <summary>The area standard's arithmetic (每100家非公企业不小于300平方米), in decimals that floating point would get wrong.</summary>
public sealed class ComplianceRuleTests
{
    private static readonly SiteOptions Seed = new();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(99, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(200, 2)]
    [InlineData(250, 3)]
    public void Every_started_hundred_enterprises_is_a_block(int enterprises, int blocks) =>
        Assert.Equal(blocks, ComplianceRule.Blocks(enterprises, 100));

    [Fact]
    public void The_seed_rule_is_300_square_metres_per_started_100_enterprises()
    {
        Assert.Equal((300m, 100), (Seed.AreaPerBlockM2, Seed.EnterprisesPerBlock));
        Assert.Equal(0m, ComplianceRule.Required(0, Seed));
        Assert.Equal(300m, ComplianceRule.Required(6, Seed));
        Assert.Equal(600m, ComplianceRule.Required(101, Seed));
        // Another configured rule, exactly: 3 blocks of 100.10 m² are 300.30 m² (3 × 100.1 in doubles is 300.29999999999995).
        Assert.Equal(300.30m, ComplianceRule.Required(21, new SiteOptions { AreaPerBlockM2 = 100.10m, EnterprisesPerBlock = 10 }));
    }

    [Fact]
    public void Shared_areas_add_up_exactly_and_only_shared_sites_count()
    {
        var sites = new[] { Site(100.10m, true), Site(100.10m, true), Site(100.10m, true), Site(5000m, false) };
        Assert.Equal(300.30m, ComplianceRule.SharedArea(sites));
        // 0.1 + 0.2 is 0.30000000000000004 in doubles; here 0.3, so it meets a 0.3 requirement exactly.
        var small = ComplianceRule.SharedArea([Site(0.1m, true), Site(0.2m, true)]);
        Assert.Equal(0.3m, small);
        Assert.True(ComplianceRule.Complies(small, 0.3m));
    }

    [Fact]
    public void A_street_complies_at_exactly_the_required_area_and_not_a_hundredth_below()
    {
        Assert.True(ComplianceRule.Complies(300.00m, 300m));
        Assert.False(ComplianceRule.Complies(299.99m, 300m));
        Assert.True(ComplianceRule.Complies(0m, 0m));
    }

    private static Site Site(decimal area, bool shared) => new()
    {
        Id = "site_d-1", DistrictId = "org_d", StreetId = "org_s", OwnerOrgId = "org_s", OwnerPath = ["org_d", "org_s"],
        Kind = SiteKind.ServiceStation, Name = "站", Address = "路", FloorAreaM2 = area, Capacity = 10,
        OpeningHours = new Dictionary<string, string> { ["mon"] = "08:00-20:00" }, SharedUse = shared, Facilities = [], Version = 1,
        CreatedBy = "usr_a", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedBy = "usr_a", UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
