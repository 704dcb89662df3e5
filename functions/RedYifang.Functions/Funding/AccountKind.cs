namespace RedYifang.Functions.Funding;

/// <summary>
/// The accounts of the ledger, each held by an organisation for a year: the district fund or a street's budget
/// (<see cref="Budget"/>), a unit party organisation's co-building fund (<see cref="CoBuilding"/>), what an organisation spent
/// (<see cref="Expense"/>), and money given by enterprises: the giving unit's <see cref="Donor"/> account (where the money comes
/// from, outside the budgets) and the receiving organisation's <see cref="Donations"/>.
/// </summary>
public enum AccountKind
{
    Budget,
    CoBuilding,
    Expense,
    Donor,
    Donations,
}
