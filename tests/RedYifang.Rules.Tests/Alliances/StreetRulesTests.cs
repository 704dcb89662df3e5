using RedYifang.Functions.Alliances;
using RedYifang.Functions.Organisations;

namespace RedYifang.Rules.Tests.Alliances;

/// <summary>Who may be invited: a unit or volunteer team of the alliance's street, under the street or one of its communities.</summary>
public sealed class StreetRulesTests
{
    [Theory]
    [InlineData(OrgKind.Unit, new[] { "d1", "s1", "u1" }, true)]
    [InlineData(OrgKind.Unit, new[] { "d1", "s1", "c1", "u1" }, true)]
    [InlineData(OrgKind.VolunteerTeam, new[] { "d1", "s1", "c1", "vt" }, true)]
    [InlineData(OrgKind.Unit, new[] { "d1", "s2", "u1" }, false)]                 // another street's
    [InlineData(OrgKind.Unit, new[] { "d2", "s2", "c1", "u1" }, false)]           // another district's
    [InlineData(OrgKind.Community, new[] { "d1", "s1", "c1" }, false)]            // not a unit
    [InlineData(OrgKind.Street, new[] { "d1", "s1" }, false)]                     // the street itself
    public void A_unit_of_the_street_may_be_invited(OrgKind kind, string[] path, bool fits) =>
        Assert.Equal(fits, InviteMember.IsUnitOfStreet(kind, path, "s1"));

    [Fact]
    public void Nothing_is_a_unit_of_the_street() => Assert.False(InviteMember.IsUnitOfStreet(null, null, "s1"));
}
