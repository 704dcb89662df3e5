using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Resources;

namespace RedYifang.Rules.Tests.Orders;

/// <summary>What a claim or a match checks of the resource it names: the same hard conditions as Matching's scoring.</summary>
public sealed class OrderResourcesTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);

    private static Resource Res(
        Category category = Category.ElderlyCare, string area = "s1", DateOnly? from = null, DateOnly? to = null) => new()
    {
        Id = "res_1", UnitId = "org_u", UnitPath = ["d1", "s1", "org_u"], Title = "t", Category = category, Description = "d",
        Kind = ResourceKind.Service, AreaIds = [area], MonthlyCapacity = 3, ValidFrom = from ?? Today.AddMonths(-1),
        ValidTo = to ?? Today.AddMonths(1), State = ResourceState.Published, CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void A_resource_of_the_category_serving_the_area_and_valid_today_fits()
    {
        OrderResources.CheckFits(OrderWalk.Published(), Res(), Today);
        OrderResources.CheckFits(OrderWalk.Published(), Res(from: Today, to: Today), Today);      // both ends count
    }

    [Theory]
    [InlineData("another category", "该资源的类别或服务区域与订单不符")]
    [InlineData("another street", "该资源的类别或服务区域与订单不符")]
    [InlineData("valid from tomorrow", "该资源不在有效期内")]
    [InlineData("valid until yesterday", "该资源不在有效期内")]
    public void Anything_else_is_an_invalid_reference_naming_the_resource(string condition, string message)
    {
        var resource = condition switch
        {
            "another category" => Res(category: Category.LegalAid),
            "another street" => Res(area: "s2"),
            "valid from tomorrow" => Res(from: Today.AddDays(1)),
            "valid until yesterday" => Res(to: Today.AddDays(-1)),
            _ => throw new ArgumentOutOfRangeException(nameof(condition)),
        };

        var refused = Assert.Throws<RuleViolationException>(() => OrderResources.CheckFits(OrderWalk.Published(), resource, Today));

        Assert.Equal("invalid_reference", refused.Code);
        Assert.Equal(message, Assert.Single(refused.Errors!["resourceId"]).Zh);
    }
}
