using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>Whoever acts for an invited unit declines; the street's admins may invite it again later.</summary>
public sealed class DeclineInvitation(AnswerInvitation answer)
{
    public Task<Member> HandleAsync(Caller caller, string id, string unitId, CancellationToken ct) =>
        answer.HandleAsync(caller, id, unitId, accept: false, ct);
}
