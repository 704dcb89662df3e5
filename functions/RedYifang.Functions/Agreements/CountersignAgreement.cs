using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Agreements;

/// <summary>The liaison the agreement names countersigns for the unit; if the party organisation has signed, it becomes active.</summary>
public sealed class CountersignAgreement(AgreementChanges changes)
{
    public Task<Agreement> HandleAsync(Caller caller, string id, CancellationToken ct) =>
        changes.ApplyAsync(caller, id, AgreementPolicy.MayCountersign, a => a.Countersign(caller.UserId, changes.Now), ct);
}
