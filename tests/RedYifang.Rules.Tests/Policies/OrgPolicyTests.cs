using RedYifang.Functions.Organisations;
using static RedYifang.Rules.Tests.Policies.World;

namespace RedYifang.Rules.Tests.Policies;

/// <summary>
/// OrgPolicy against api.md ("Organisations"): a district is created only by a bootstrap admin, anything else by an
/// admin of the parent or above; roles at an organisation are granted by its admins or admins above it (a liaison
/// manages nobody's roles, not even at its own unit), and never by a caller to themselves.
/// </summary>
public sealed class OrgPolicyTests
{
    private static readonly PolicyMatrix Matrix = new PolicyMatrix(typeof(OrgPolicy), Callers)
        .Allow(nameof(OrgPolicy.MayCreateDistrict), "a new top-level district", OrgPolicy.MayCreateDistrict, [GlobalAdmin])
        .Allow(nameof(OrgPolicy.MayCreateUnder), "district d1", c => OrgPolicy.MayCreateUnder(c, D1), AdminsOverD1)
        .Allow(nameof(OrgPolicy.MayCreateUnder), "district d2", c => OrgPolicy.MayCreateUnder(c, D2), [DistrictAdminD2, GlobalAdmin])
        .Allow(nameof(OrgPolicy.MayCreateUnder), "street s1", c => OrgPolicy.MayCreateUnder(c, S1), AdminsOverS1)
        .Allow(nameof(OrgPolicy.MayCreateUnder), "community c11", c => OrgPolicy.MayCreateUnder(c, C11), AdminsOverC11)
        .Allow(
            nameof(OrgPolicy.MayCreateUnder),
            "community c21",
            c => OrgPolicy.MayCreateUnder(c, C21),
            [CommunityAdminC21, .. AdminsOverS2])
        .Allow(nameof(OrgPolicy.MayCreateUnder), "unit u1 under street s1", c => OrgPolicy.MayCreateUnder(c, U1), AdminsOverS1)
        .Allow(nameof(OrgPolicy.MayManageRolesAt), "district d1", c => OrgPolicy.MayManageRolesAt(c, D1), AdminsOverD1)
        .Allow(nameof(OrgPolicy.MayManageRolesAt), "street s1", c => OrgPolicy.MayManageRolesAt(c, S1), AdminsOverS1)
        .Allow(nameof(OrgPolicy.MayManageRolesAt), "street s2", c => OrgPolicy.MayManageRolesAt(c, S2), AdminsOverS2)
        .Allow(nameof(OrgPolicy.MayManageRolesAt), "community c11", c => OrgPolicy.MayManageRolesAt(c, C11), AdminsOverC11)
        .Allow(
            nameof(OrgPolicy.MayManageRolesAt),
            "community c12",
            c => OrgPolicy.MayManageRolesAt(c, C12),
            [CommunityAdminC12, .. AdminsOverS1])
        .Allow(nameof(OrgPolicy.MayManageRolesAt), "unit u1 under street s1", c => OrgPolicy.MayManageRolesAt(c, U1), AdminsOverS1)
        .Allow(nameof(OrgPolicy.MayManageRolesAt), "unit u3 under street s2", c => OrgPolicy.MayManageRolesAt(c, U3), AdminsOverS2)
        .Allow(
            nameof(OrgPolicy.MayManageRolesAt),
            "unit u4 under community c11",
            c => OrgPolicy.MayManageRolesAt(c, U4),
            AdminsOverC11)

        .Allow(nameof(OrgPolicy.MayEdit), "street s1", c => OrgPolicy.MayEdit(c, S1), AdminsOverS1)
        .Allow(nameof(OrgPolicy.MayEdit), "community c11", c => OrgPolicy.MayEdit(c, C11), AdminsOverC11)
        .Allow(nameof(OrgPolicy.MayEdit), "unit u1 under street s1 (not its liaison)", c => OrgPolicy.MayEdit(c, U1), AdminsOverS1)

        // The self-grant rule on its own (where the grant may go is MayManageRolesAt's rows).
        .Allow(nameof(OrgPolicy.MayGrantTo), "the caller themselves", c => OrgPolicy.MayGrantTo(c, c.UserId), [])
        .Allow(nameof(OrgPolicy.MayGrantTo), "another user", c => OrgPolicy.MayGrantTo(c, "someone-else"), [.. Callers.Keys]);

    public static TheoryData<string, string, string, bool> Cases => Matrix.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_documented(string method, string scope, string caller, bool expected) =>
        Assert.Equal(expected, Matrix.Decide(method, scope, caller));

    [Fact]
    public void Every_public_method_has_rows() => Assert.Equal(Matrix.PublicMethods.Order(), Matrix.MethodsWithRows.Order());
}
