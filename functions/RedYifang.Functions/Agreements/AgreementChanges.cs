using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// The steps every agreement action shares: read the agreement the caller may see (404 otherwise), check the action's rule
/// (403), apply it, and write it with its events on the ETag it was read with (409 <c>conflict</c> if someone changed it
/// meanwhile).
/// </summary>
public sealed class AgreementChanges(AgreementStore agreements, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<StoredAgreement> ReadAsync(Caller caller, string id, CancellationToken ct)
    {
        var stored = await agreements.FindAsync(id, ct);
        return stored is not null && AgreementPolicy.MayRead(caller, stored.Agreement) ? stored : throw Problems.NotFound("agreement");
    }

    public async Task<Agreement> ApplyAsync(Caller caller, string id, Func<Caller, Agreement, bool> mayAct,
        Func<Agreement, AgreementChange> act, CancellationToken ct)
    {
        var stored = await ReadAsync(caller, id, ct);
        if (!mayAct(caller, stored.Agreement)) throw Problems.Forbidden();
        var change = act(stored.Agreement);
        await agreements.UpdateAsync(stored, change, ct);
        return change.Agreement;
    }
}
