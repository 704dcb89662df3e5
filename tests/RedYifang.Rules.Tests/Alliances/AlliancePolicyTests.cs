using RedYifang.Functions.Alliances;
using RedYifang.Functions.Platform.Security;
using static RedYifang.Rules.Tests.Alliances.AllianceSample;

namespace RedYifang.Rules.Tests.Alliances;

/// <summary>
/// Who may see and run a street's alliance: admins over the street run it; whoever acts in the street (its communities'
/// admins, its units' liaisons, its committee members) reads it; residents, party members and other streets see nothing;
/// a unit's invitation is answered by whoever acts for the unit; nobody appoints themselves; a person of a unit holds a role at it.
/// </summary>
public sealed class AlliancePolicyTests
{
    private static Caller Holding(Role role, string orgId, params string[] path) => new("usr_c", [new RoleGrant(role, orgId, path)]);

    public static TheoryData<string, Caller, bool, bool> Callers() => new()
    {
        { "street admin", Holding(Role.StreetAdmin, "s1", "d1", "s1"), true, true },
        { "district admin", Holding(Role.DistrictAdmin, "d1", "d1"), true, true },
        { "bootstrap admin", new Caller("usr_c", [new RoleGrant(Role.DistrictAdmin, null)]), true, true },
        { "community admin of the street", Holding(Role.CommunityAdmin, "c1", "d1", "s1", "c1"), true, false },
        { "liaison of a unit of the street", Holding(Role.Liaison, "u9", "d1", "s1", "u9"), true, false },
        { "committee member", Holding(Role.PartTimeCommitteeMember, "s1", "d1", "s1"), true, false },
        { "party member in the street", Holding(Role.PartyMember, "c1", "d1", "s1", "c1"), false, false },
        { "resident in the street", Holding(Role.Resident, "c1", "d1", "s1", "c1"), false, false },
        { "another street's admin", Holding(Role.StreetAdmin, "s2", "d1", "s2"), false, false },
        { "another street's liaison", Holding(Role.Liaison, "u2", "d1", "s2", "u2"), false, false },
        { "another district's admin", Holding(Role.DistrictAdmin, "d2", "d2"), false, false },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public void Reading_and_running_the_alliance(string who, Caller caller, bool reads, bool runs)
    {
        Assert.True(reads == AlliancePolicy.MayRead(caller, Ours), $"{who} reads: {!reads}");
        Assert.True(runs == AlliancePolicy.MayManage(caller, Ours), $"{who} runs: {!runs}");
        Assert.Equal(runs, AlliancePolicy.MayCreateFor(caller, Ours.StreetPath));
    }

    [Fact]
    public void A_units_invitation_is_answered_by_whoever_acts_for_the_unit()
    {
        var member = Member.Invite(Ours, UnitPath, null, "usr_street", T0).Member;

        Assert.True(AlliancePolicy.MayActForMember(Holding(Role.Liaison, "u1", "d1", "s1", "c1", "u1"), member));
        Assert.True(AlliancePolicy.MayActForMember(Holding(Role.CommunityAdmin, "c1", "d1", "s1", "c1"), member));
        Assert.False(AlliancePolicy.MayActForMember(Holding(Role.Liaison, "u9", "d1", "s1", "u9"), member));
        Assert.False(AlliancePolicy.MayActForMember(Holding(Role.PartyMember, "u1", "d1", "s1", "c1", "u1"), member));
    }

    [Fact]
    public void Nobody_appoints_themselves_and_a_person_of_a_unit_holds_a_role_at_it()
    {
        var admin = Holding(Role.StreetAdmin, "s1", "d1", "s1");

        Assert.True(AlliancePolicy.MayAppoint(admin, Ours, "usr_other"));
        Assert.False(AlliancePolicy.MayAppoint(admin, Ours, admin.UserId));
        Assert.False(AlliancePolicy.MayAppoint(Holding(Role.CommunityAdmin, "c1", "d1", "s1", "c1"), Ours, "usr_other"));

        Assert.True(AlliancePolicy.IsPersonOf([new RoleGrant(Role.Liaison, "u1")], "u1"));
        Assert.True(AlliancePolicy.IsPersonOf([new RoleGrant(Role.PartyMember, "u1")], "u1"));
        Assert.False(AlliancePolicy.IsPersonOf([new RoleGrant(Role.Liaison, "u2"), new RoleGrant(Role.Resident, "u1")], "u1"));
        Assert.False(AlliancePolicy.IsPersonOf([new RoleGrant(Role.StreetAdmin, "s1")], "u1"));
    }
}
