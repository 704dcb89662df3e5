using RedYifang.Functions.Funding;
using static RedYifang.Rules.Tests.Policies.World;

namespace RedYifang.Rules.Tests.Policies;

/// <summary>
/// FundingPolicy (docs/funding.md): a budget is set and paid from by its own organisation's admins only (the district's for the
/// district fund, the street's for the street's — not an admin above the street); a unit's co-building fund and donor account by
/// whoever acts for the unit; an expense account pays nobody; accounts are read by whoever acts for the organisation; a street's
/// entitlements by the admins at or above it.
/// </summary>
public sealed class FundingPolicyTests
{
    private static AccountId A(AccountKind kind, string orgId) => new(kind, orgId, 2026);

    private static readonly PolicyMatrix Matrix = new PolicyMatrix(typeof(FundingPolicy), Callers)
        .Allow(nameof(FundingPolicy.MayManageBudget), "district d1", c => FundingPolicy.MayManageBudget(c, D1),
            [DistrictAdminD1, GlobalAdmin])
        .Allow(nameof(FundingPolicy.MayManageBudget), "street s1", c => FundingPolicy.MayManageBudget(c, S1), [StreetAdminS1, GlobalAdmin])
        .Allow(nameof(FundingPolicy.MayPayFrom), "budget of s1", c => FundingPolicy.MayPayFrom(c, A(AccountKind.Budget, S1.Id), S1),
            [StreetAdminS1, GlobalAdmin])
        .Allow(nameof(FundingPolicy.MayPayFrom), "co-building fund of u1",
            c => FundingPolicy.MayPayFrom(c, A(AccountKind.CoBuilding, U1.Id), U1), [LiaisonU1, .. AdminsOverS1])
        .Allow(nameof(FundingPolicy.MayPayFrom), "donor account of u1", c => FundingPolicy.MayPayFrom(c, A(AccountKind.Donor, U1.Id), U1),
            [LiaisonU1, .. AdminsOverS1])
        .Allow(nameof(FundingPolicy.MayPayFrom), "expenses of u1", c => FundingPolicy.MayPayFrom(c, A(AccountKind.Expense, U1.Id), U1), [])
        .Allow(nameof(FundingPolicy.MayRead), "unit u1", c => FundingPolicy.MayRead(c, U1), [LiaisonU1, .. AdminsOverS1])
        .Allow(nameof(FundingPolicy.MayRead), "street s2", c => FundingPolicy.MayRead(c, S2), AdminsOverS2)
        .Allow(nameof(FundingPolicy.MaySeeEntitlements), "street s1", c => FundingPolicy.MaySeeEntitlements(c, S1), AdminsOverS1);

    public static TheoryData<string, string, string, bool> Cases => Matrix.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_documented(string method, string scope, string caller, bool expected) =>
        Assert.Equal(expected, Matrix.Decide(method, scope, caller));

    [Fact]
    public void Every_public_method_has_rows() => Assert.Equal(Matrix.PublicMethods.Order(), Matrix.MethodsWithRows.Order());
}
