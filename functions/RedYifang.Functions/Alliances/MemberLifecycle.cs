using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Alliances;

/// <summary>
/// Membership by invitation and acceptance: the street's admins invite a unit (again, after it declined or left); the unit
/// accepts or declines; a member leaves. An invitation to a unit invited or a member already is 409
/// <c>alliance_member_exists</c>; any other step its state does not allow is 409 <c>invalid_transition</c>.
/// </summary>
public static class MemberLifecycle
{
    private static readonly Dictionary<MemberState, MemberState?[]> AllowedFromStates = new()
    {
        [MemberState.Invited] = [null, MemberState.Declined, MemberState.Left],
        [MemberState.Active] = [MemberState.Invited],
        [MemberState.Declined] = [MemberState.Invited],
        [MemberState.Left] = [MemberState.Active],
    };

    /// <summary>True when a unit in state <paramref name="from"/> (null: never invited) may move to <paramref name="to"/>.</summary>
    public static bool Allows(MemberState? from, MemberState to) => AllowedFromStates[to].Contains(from);

    public static void Check(MemberState? from, MemberState to)
    {
        if (Allows(from, to)) return;
        if (to == MemberState.Invited) throw AllianceProblems.MemberExists(from!.Value);
        throw new InvalidTransitionException("invalid_transition",
            new("成员当前状态不允许此操作", "The membership's state does not allow this"),
            new LocalizedText("该单位的成员状态为 {0}，不能变为 {1}。", "The unit's membership is {0}; it cannot become {1}.")
                .Format(from is { } f ? EnumText.ToText(f) : "none", EnumText.ToText(to)));
    }
}
