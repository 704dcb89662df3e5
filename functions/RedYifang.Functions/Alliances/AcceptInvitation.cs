using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>Whoever acts for an invited unit (its liaisons, admins over it) accepts: the unit is a member from now on.</summary>
public sealed class AcceptInvitation(AnswerInvitation answer)
{
    public Task<Member> HandleAsync(Caller caller, string id, string unitId, CancellationToken ct) =>
        answer.HandleAsync(caller, id, unitId, accept: true, ct);
}
