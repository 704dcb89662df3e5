namespace RedYifang.Functions.Funding;

/// <summary>
/// An account's running figures: what it opened with (a budget: the amount its admin set, or the seed's default until then;
/// every other account opens at zero), everything debited from it and everything credited to it. Its balance is
/// <c>opening + credits − debits</c>.
/// </summary>
public sealed record AccountBalance(AccountId Account, Money Opening, Money Debits, Money Credits, bool BudgetSet)
{
    public Money Balance => Opening + Credits - Debits;

    public static AccountBalance Empty(AccountId account, Money opening) => new(account, opening, Money.Zero, Money.Zero, false);
}
