using RedYifang.Functions.Evidence;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Funding;

/// <summary>
/// Records a movement between two accounts (<c>POST /v1/funding/movements</c>): the ways money may move and who pays are the
/// ledger's rules (<see cref="Ledger"/>, <see cref="FundingPolicy"/>); an expense names a verified receipt — evidence of the paying
/// organisation (owner type <c>org</c>), or of the activity it paid for when <c>activityId</c> is given — asked of Evidence
/// (<see cref="IVerifiedEvidence"/>), 422 <c>receipt_required</c> otherwise; a receipt backs one expense only. An account that would
/// go below zero is 409 <c>budget_exceeded</c>, decided on the account's row and its ETag, so of any number of movements at once
/// exactly as many commit as the balance allows.
/// </summary>
public sealed class RecordMovement(Openings openings, FundingStore store, IVerifiedEvidence evidence, TimeProvider clock)
{
    public sealed record Request(string? From, string? To, string? Amount, string? Memo, string? EvidenceId, string? ActivityId,
        string? AgreementId);

    public async Task<Movement> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var (movement, payer) = await CheckAsync(caller, request, ct);
        return await store.MoveAsync(movement, openings.For(movement.From, payer),
            openings.For(movement.To, await openings.HolderAsync("to", movement.To, ct)), null,
            (payer, payee, _) => Ledger.Move(payer, payee, movement.Amount) ?? throw FundingProblems.BudgetExceeded(payer, movement.Amount),
            m => [new FundingEvent.MovementRecorded(m, null)], ct);
    }

    /// <summary>Whether the caller may (still) record this movement: refused as <see cref="HandleAsync"/> would refuse it.</summary>
    public Task MayStillAsync(Caller caller, Request request, CancellationToken ct) => CheckAsync(caller, request, ct);

    private async Task<(Movement Movement, Organisations.Org Payer)> CheckAsync(Caller caller, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var from = AccountId.Field(v, "from", request.From);
        var to = AccountId.Field(v, "to", request.To);
        var amount = Openings.Amount(v, "amount", request.Amount);
        var memo = v.Text("memo", request.Memo, 200);
        var evidenceId = v.Id("evidenceId", request.EvidenceId, required: false);
        var activityId = v.Id("activityId", request.ActivityId, required: false);
        var agreementId = v.Id("agreementId", request.AgreementId, required: false);
        if (to is { Kind: AccountKind.Expense } && evidenceId is null && v.IsValid)
        {
            v.Add("evidenceId", new("支出须附票据", "an expense needs a receipt"));
        }
        v.ThrowIfInvalid();
        var payer = await openings.HolderAsync("from", from!, ct);
        var payee = await openings.HolderAsync("to", to!, ct);
        if (!FundingPolicy.MayPayFrom(caller, from!, payer)) throw Problems.Forbidden();
        if (!Ledger.MayMove(from!, payer, to!, payee)) throw FundingProblems.MovementNotAllowed(from!, to!);
        if (Ledger.NeedsReceipt(to!) && !await evidence.AllVerifiedAsync(activityId is null ? OwnerType.Org : OwnerType.Activity,
                activityId ?? payer.Id, [evidenceId!], ct))
        {
            throw FundingProblems.ReceiptRequired();
        }
        var movement = new Movement
        {
            Id = Movement.NewId(payer.Path[0], from!.Year, clock), DistrictId = payer.Path[0], From = from, To = to!,
            Amount = amount!.Value,
            Memo = memo!, EvidenceId = evidenceId, ActivityId = activityId, AgreementId = agreementId, By = caller.UserId,
            At = clock.GetUtcNow(),
        };
        return (movement, payer);
    }
}
