using RedYifang.Functions.Organisations;

namespace RedYifang.Functions.Funding;

/// <summary>
/// The ledger's rules (docs/funding.md), pure. Which organisations hold which accounts; which way money may move — a budget
/// to a unit's co-building fund (a unit under the budget's organisation) or to its own organisation's expenses, a co-building
/// fund to its unit's expenses, a donor to the donations of an organisation of the donor's district (a gift); and that no
/// account but a donor's goes below zero, since a donor's account records money coming from outside the budgets.
/// </summary>
public static class Ledger
{
    public static bool Holds(AccountKind kind, OrgKind org) => kind switch
    {
        AccountKind.Budget => org is OrgKind.District or OrgKind.Street,
        AccountKind.CoBuilding or AccountKind.Donor => org == OrgKind.Unit,
        AccountKind.Expense => org is OrgKind.District or OrgKind.Street or OrgKind.Unit,
        AccountKind.Donations => org is OrgKind.District or OrgKind.Street or OrgKind.Community,
        _ => false,
    };

    /// <summary>Whether money may move from <paramref name="from"/> (held by <paramref name="payer"/>) to <paramref name="to"/>.</summary>
    public static bool MayMove(AccountId from, Org payer, AccountId to, Org payee) =>
        from.Year == to.Year && payer.Path[0] == payee.Path[0] && (from.Kind, to.Kind) switch
        {
            (AccountKind.Budget, AccountKind.CoBuilding) => payee.Path.Contains(payer.Id),
            (AccountKind.Budget, AccountKind.Expense) or (AccountKind.CoBuilding, AccountKind.Expense) => payer.Id == payee.Id,
            (AccountKind.Donor, AccountKind.Donations) => true,
            _ => false,
        };

    /// <summary>A reversal moves the money back, whichever way the original went.</summary>
    public static bool MayGoBelowZero(AccountKind kind) => kind == AccountKind.Donor;

    /// <summary>An expense is spent money: it needs a receipt.</summary>
    public static bool NeedsReceipt(AccountId to) => to.Kind == AccountKind.Expense;

    /// <summary>The two accounts after the movement, or null when the payer's account would go below zero.</summary>
    public static (AccountBalance From, AccountBalance To)? Move(AccountBalance payer, AccountBalance payee, Money amount)
    {
        var debited = payer with { Debits = payer.Debits + amount };
        if (debited.Balance < Money.Zero && !MayGoBelowZero(payer.Account.Kind)) return null;
        return (debited, payee with { Credits = payee.Credits + amount });
    }

    /// <summary>What the budget's opening becomes, or null when what was already moved out would overdraw it.</summary>
    public static AccountBalance? SetBudget(AccountBalance budget, Money amount)
    {
        var after = budget with { Opening = amount, BudgetSet = true };
        return after.Balance < Money.Zero ? null : after;
    }

    /// <summary>A unit's yearly entitlement: per branch × branches + per member × members.</summary>
    public static Money Entitlement(int branches, int members, Money perBranch, Money perMember) =>
        (perBranch * branches) + (perMember * members);
}
