using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// The agreement state machine: which action an agreement in which state allows. Signing and countersigning keep a draft
/// a draft until the second of the two, which makes it active (<see cref="Agreement.Sign"/>); each side signs once.
/// </summary>
public static class AgreementLifecycle
{
    private static readonly Dictionary<AgreementAction, AgreementState[]> AllowedFromStates = new()
    {
        [AgreementAction.Sign] = [AgreementState.Draft],
        [AgreementAction.Countersign] = [AgreementState.Draft],
        // A draft nobody will sign is ended the same way, so it does not linger in the lists.
        [AgreementAction.Terminate] = [AgreementState.Draft, AgreementState.Active],
        [AgreementAction.Expire] = [AgreementState.Active],
    };

    /// <summary>The states an action is allowed from (none for <see cref="AgreementAction.Create"/>, which starts an agreement).</summary>
    public static IReadOnlyCollection<AgreementState> AllowedFrom(AgreementAction action) =>
        AllowedFromStates.GetValueOrDefault(action, []);

    /// <summary>Throws <c>InvalidTransitionException</c> unless the action is allowed from the state.</summary>
    public static void Check(AgreementAction action, AgreementState from)
    {
        if (!AllowedFrom(action).Contains(from)) throw InvalidTransition(action, from);
    }

    public static InvalidTransitionException InvalidTransition(AgreementAction action, AgreementState from) =>
        new("invalid_transition",
            new("协议当前状态不允许此操作", "The agreement's state does not allow this"),
            new LocalizedText("协议处于 {0} 状态，不能执行 {1}。", "The agreement is {0}; it cannot take {1}.")
                .Format(EnumText.ToText(from), EnumText.ToText(action)));

    /// <summary>A side signs once: a second signature of the same side is refused as a transition the agreement does not allow.</summary>
    public static InvalidTransitionException AlreadySigned(AgreementAction action) =>
        new("invalid_transition",
            new("协议当前状态不允许此操作", "The agreement's state does not allow this"),
            new LocalizedText("该方已签署（{0}），不能再次签署。", "This side has signed already ({0}); it signs once.")
                .Format(EnumText.ToText(action)));
}
