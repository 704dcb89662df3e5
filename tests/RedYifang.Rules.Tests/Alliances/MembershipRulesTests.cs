using RedYifang.Functions.Alliances;
using RedYifang.Functions.Platform.Problems;
using static RedYifang.Rules.Tests.Alliances.AllianceSample;

namespace RedYifang.Rules.Tests.Alliances;

/// <summary>
/// Membership by invitation and acceptance: which step each state allows (a unit invited or a member already cannot be invited
/// again: alliance_member_exists; every other refusal is invalid_transition), and that a unit invited again after it declined
/// or left keeps its history.
/// </summary>
public sealed class MembershipRulesTests
{
    private static readonly Dictionary<MemberState, MemberState?[]> Expected = new()
    {
        [MemberState.Invited] = [null, MemberState.Declined, MemberState.Left],
        [MemberState.Active] = [MemberState.Invited],
        [MemberState.Declined] = [MemberState.Invited],
        [MemberState.Left] = [MemberState.Active],
    };

    public static TheoryData<MemberState?, MemberState> EveryStep()
    {
        var data = new TheoryData<MemberState?, MemberState>();
        foreach (var to in Enum.GetValues<MemberState>())
        {
            data.Add(null, to);
            foreach (var from in Enum.GetValues<MemberState>()) data.Add(from, to);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStep))]
    public void Every_step_from_every_state_is_allowed_as_documented_or_refused_with_its_code(MemberState? from, MemberState to)
    {
        Assert.Equal(Expected[to].Contains(from), MemberLifecycle.Allows(from, to));
        if (Expected[to].Contains(from))
        {
            MemberLifecycle.Check(from, to);
            return;
        }
        var refused = Assert.ThrowsAny<DomainException>(() => MemberLifecycle.Check(from, to));
        Assert.Equal(to == MemberState.Invited ? "alliance_member_exists" : "invalid_transition", refused.Code);
        Assert.IsType(to == MemberState.Invited ? typeof(ConflictException) : typeof(InvalidTransitionException), refused);
    }

    [Fact]
    public void A_unit_invited_declines_is_invited_again_accepts_and_leaves_with_one_history()
    {
        var invited = Member.Invite(Ours, UnitPath, null, "usr_street", T0);
        Assert.Equal((MemberState.Invited, (MemberState?)null), (invited.Member.State, invited.Event.From));
        Assert.Equal(("aln_d1-1", "u1", "s1", "d1"), (invited.Member.AllianceId, invited.Member.UnitId, invited.Member.StreetId,
            invited.Member.DistrictId));

        var declined = invited.Member.Decline("usr_liaison", T0.AddHours(1));
        var again = Member.Invite(Ours, UnitPath, declined.Member, "usr_street", T0.AddHours(2));
        var accepted = again.Member.Accept("usr_liaison", T0.AddHours(3));
        var left = accepted.Member.Leave("usr_liaison", T0.AddHours(4));

        Assert.Equal(MemberState.Declined, again.Event.From);
        Assert.Equal(
            [
                (MemberState.Invited, "usr_street"), (MemberState.Declined, "usr_liaison"), (MemberState.Invited, "usr_street"),
                (MemberState.Active, "usr_liaison"), (MemberState.Left, "usr_liaison"),
            ],
            left.Member.History.Select(s => (s.State, s.By)));
        Assert.Equal((MemberState.Left, T0.AddHours(4)), (left.Member.State, left.Member.UpdatedAt));
        Assert.Equal("invalid_transition", Assert.Throws<InvalidTransitionException>(() => left.Member.Accept("x", T0)).Code);
        Assert.Equal("alliance_member_exists",
            Assert.Throws<ConflictException>(() => Member.Invite(Ours, UnitPath, accepted.Member, "usr_street", T0)).Code);
    }
}
