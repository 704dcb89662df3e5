using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Funding;

/// <summary>
/// An admin sets their organisation's budget for a year (<c>PUT /v1/funding/budgets/{orgId}/{year}</c>): the district fund by
/// the district's admin, a street's by the street's (<see cref="FundingPolicy"/>). The amount becomes the budget account's
/// opening; a budget lower than what was already paid out of it is 409 <c>budget_exceeded</c> and changes nothing.
/// </summary>
public sealed class SetBudget(Openings openings, FundingStore store, TimeProvider clock)
{
    public sealed record Request(string? Amount);

    public async Task<AccountView> HandleAsync(Caller caller, string orgId, string? yearText, Request request, CancellationToken ct)
    {
        var v = new Validator();
        var year = Openings.Year(v, "year", yearText);
        var amount = Openings.Amount(v, "amount", request.Amount, allowZero: true);
        var id = v.Id("orgId", orgId);
        v.ThrowIfInvalid();
        var account = new AccountId(AccountKind.Budget, id!, year!.Value);
        var holder = await openings.FindAsync(account.OrgId, ct) ?? throw Problems.NotFound("organisation");
        if (!Ledger.Holds(AccountKind.Budget, holder.Kind))
        {
            throw Problems.InvalidReference("orgId", new("只有区和街道有预算", "only districts and streets hold budgets"));
        }
        if (!FundingPolicy.MayManageBudget(caller, holder)) throw Problems.Forbidden();
        var after = await store.SetBudgetAsync(holder.Path[0], account, openings.For(account, holder), current =>
        {
            var set = Ledger.SetBudget(current, amount!.Value) ?? throw FundingProblems.BudgetBelowSpent(current);
            return (set, [new FundingEvent.BudgetSet(set, holder.Path[0], clock.GetUtcNow())]);
        }, ct);
        return AccountView.From(after);
    }
}
