using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Agreements;

/// <summary>An admin over the party organisation signs for it; if the unit has countersigned, the agreement becomes active.</summary>
public sealed class SignAgreement(AgreementChanges changes)
{
    public Task<Agreement> HandleAsync(Caller caller, string id, CancellationToken ct) =>
        changes.ApplyAsync(caller, id, AgreementPolicy.MaySign, a => a.Sign(caller.UserId, changes.Now), ct);
}
