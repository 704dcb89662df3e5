using RedYifang.Functions.Resources;
using static RedYifang.Rules.Tests.Policies.World;

namespace RedYifang.Rules.Tests.Policies;

/// <summary>
/// ResourcePolicy against api.md ("Service resources": publish, pause, retire by the liaison and admins): a unit's
/// resources are changed by its own liaison or by an admin whose scope holds the unit, whether the unit hangs under
/// a street (u1, u3) or under a community (u4).
/// </summary>
public sealed class ResourcePolicyTests
{
    private static readonly PolicyMatrix Matrix = new PolicyMatrix(typeof(ResourcePolicy), Callers)
        .Allow(
            nameof(ResourcePolicy.MayChange),
            "unit u1 under street s1",
            c => ResourcePolicy.MayChange(c, U1.Path),
            [LiaisonU1, .. AdminsOverS1])
        .Allow(
            nameof(ResourcePolicy.MayChange),
            "unit u2 under street s1",
            c => ResourcePolicy.MayChange(c, U2.Path),
            [LiaisonU2, .. AdminsOverS1])
        .Allow(
            nameof(ResourcePolicy.MayChange),
            "unit u3 under street s2",
            c => ResourcePolicy.MayChange(c, U3.Path),
            [LiaisonU3, .. AdminsOverS2])
        .Allow(nameof(ResourcePolicy.MayChange), "unit u4 under community c11", c => ResourcePolicy.MayChange(c, U4.Path), AdminsOverC11);

    public static TheoryData<string, string, string, bool> Cases => Matrix.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_documented(string method, string scope, string caller, bool expected) =>
        Assert.Equal(expected, Matrix.Decide(method, scope, caller));

    [Fact]
    public void Every_public_method_has_rows() => Assert.Equal(Matrix.PublicMethods.Order(), Matrix.MethodsWithRows.Order());
}
