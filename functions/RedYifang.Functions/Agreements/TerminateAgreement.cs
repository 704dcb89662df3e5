using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Agreements;

/// <summary>An admin over the party organisation ends a draft or an active agreement early, with the reason.</summary>
public sealed class TerminateAgreement(AgreementChanges changes)
{
    /// <summary>The body of <c>POST /v1/agreements/{id}/terminate</c>.</summary>
    public sealed record Request(string? Reason);

    public Task<Agreement> HandleAsync(Caller caller, string id, Request body, CancellationToken ct)
    {
        var v = new Validator();
        var reason = v.Text("reason", body.Reason, 500);
        v.ThrowIfInvalid();
        return changes.ApplyAsync(caller, id, AgreementPolicy.MayTerminate, a => a.Terminate(caller.UserId, changes.Now, reason!), ct);
    }
}
