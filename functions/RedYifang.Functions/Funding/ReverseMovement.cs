using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Funding;

/// <summary>
/// Corrects a movement with a reversing entry (<c>POST /v1/funding/movements/{id}/reverse {reason}</c>): the same amount moved
/// back, naming the original, which is marked as reversed in the same transaction — nothing is deleted. Whoever may pay from the
/// original's account may reverse it. A movement is reversed once (409 <c>already_reversed</c>); a reversal is not reversed again
/// (422); money already spent onwards cannot be taken back (409 <c>budget_exceeded</c>).
/// </summary>
public sealed class ReverseMovement(Openings openings, FundingStore store, TimeProvider clock)
{
    public sealed record Request(string? Reason);

    public async Task<Movement> HandleAsync(Caller caller, string id, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var reason = v.Text("reason", request.Reason, 200);
        v.ThrowIfInvalid();
        var stored = await store.FindMovementAsync(id, ct) ?? throw Problems.NotFound("movement");
        var original = stored.Movement;
        var payer = await openings.FindAsync(original.From.OrgId, ct) ?? throw Problems.NotFound("movement");
        if (!FundingPolicy.MayRead(caller, payer)) throw Problems.NotFound("movement");
        if (!FundingPolicy.MayPayFrom(caller, original.From, payer) && !caller.IsAdminOf(payer.Path)) throw Problems.Forbidden();
        if (original.Reverses is not null) throw FundingProblems.ReversalOfReversal();
        if (original.ReversedBy is { } already) throw FundingProblems.AlreadyReversed(already);
        var payee = await openings.FindAsync(original.To.OrgId, ct) ?? throw Problems.NotFound("movement");
        var reversal = original with
        {
            Id = Movement.NewId(original.DistrictId, original.Year, clock), From = original.To, To = original.From,
            Memo = $"冲正 {original.Id}", EvidenceId = null, Reverses = original.Id, ReversedBy = null, Reason = reason, By = caller.UserId,
            At = clock.GetUtcNow(),
        };
        return await store.MoveAsync(reversal, openings.For(reversal.From, payee), openings.For(reversal.To, payer), null,
            (payer, payee, current) =>
            {
                if (current?.Movement.ReversedBy is { } by) throw FundingProblems.AlreadyReversed(by);
                return Ledger.Move(payer, payee, reversal.Amount) ?? throw FundingProblems.BudgetExceeded(payer, reversal.Amount);
            },
            m => [new FundingEvent.MovementRecorded(m, original)], ct);
    }
}
