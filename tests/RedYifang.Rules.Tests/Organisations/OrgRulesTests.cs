using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Rules.Tests.Organisations;

public sealed class OrgRulesTests
{
    [Theory]
    [InlineData(OrgKind.District, new OrgKind[0])]
    [InlineData(OrgKind.Street, new[] { OrgKind.District })]
    [InlineData(OrgKind.Community, new[] { OrgKind.Street })]
    [InlineData(OrgKind.Grid, new[] { OrgKind.Community })]
    [InlineData(OrgKind.Building, new[] { OrgKind.Grid })]
    [InlineData(OrgKind.Unit, new[] { OrgKind.Street, OrgKind.Community })]
    [InlineData(OrgKind.VolunteerTeam, new[] { OrgKind.Street, OrgKind.Community })]
    public void Each_kind_hangs_only_under_its_parents(OrgKind kind, OrgKind[] parents) =>
        Assert.Equal(parents, OrgRules.AllowedParents(kind));

    [Fact]
    public void Admin_roles_are_held_only_at_their_own_level()
    {
        Assert.Equal([OrgKind.District], Enum.GetValues<OrgKind>().Where(k => OrgRules.RolesHeldAt(k).Contains(Role.DistrictAdmin)));
        Assert.Equal([OrgKind.Street], Enum.GetValues<OrgKind>().Where(k => OrgRules.RolesHeldAt(k).Contains(Role.StreetAdmin)));
        Assert.Equal([OrgKind.Community], Enum.GetValues<OrgKind>().Where(k => OrgRules.RolesHeldAt(k).Contains(Role.CommunityAdmin)));
        Assert.Equal([OrgKind.Unit, OrgKind.VolunteerTeam],
            Enum.GetValues<OrgKind>().Where(k => OrgRules.RolesHeldAt(k).Contains(Role.Liaison)));
    }

    [Fact]
    public void A_role_covers_its_organisation_and_everything_below()
    {
        var streetAdmin = new Caller("usr_a", [new RoleGrant(Role.StreetAdmin, "s1")]);
        Assert.True(streetAdmin.IsAdminOf(["d", "s1"]));
        Assert.True(streetAdmin.IsAdminOf(["d", "s1", "c1", "g1"]));
        Assert.False(streetAdmin.IsAdminOf(["d"]));
        Assert.False(streetAdmin.IsAdminOf(["d", "s2", "c3"]));

        var liaison = new Caller("usr_b", [new RoleGrant(Role.Liaison, "u1")]);
        Assert.False(liaison.IsAdminOf(["d", "s1", "u1"]));
        Assert.True(liaison.Holds(Role.Liaison, ["d", "s1", "u1"]));
        Assert.True(liaison.IsLiaisonOf("u1"));
        Assert.False(liaison.IsLiaisonOf("u2"));
        Assert.False(liaison.IsLiaisonOf(null));
        Assert.True(liaison.ActsFor(["d", "s1", "u1"]));
        Assert.False(liaison.ActsFor(["d", "s1", "u2"]));
        Assert.False(liaison.ActsFor(["d", "s1"]));                          // a liaison does not act for the unit's street
        Assert.True(streetAdmin.ActsFor(["d", "s1", "u2"]));

        var global = new Caller("usr_c", [new RoleGrant(Role.DistrictAdmin, null)]);
        Assert.True(global.IsGlobalAdmin);
        Assert.True(global.IsAdminOf(["anything"]));
    }
}
