using RedYifang.Functions.Funding;
using RedYifang.Functions.Organisations;

namespace RedYifang.Rules.Tests.Funding;

/// <summary>The double-entry rules: what a movement does to both accounts, which ways money moves, and that budgets do not go below
/// zero.</summary>
public sealed class LedgerTests
{
    private static readonly Org District = Org("org_d", OrgKind.District, "org_d");
    private static readonly Org Street = Org("org_s", OrgKind.Street, "org_d", "org_s");
    private static readonly Org Unit = Org("org_u", OrgKind.Unit, "org_d", "org_s", "org_u");
    private static readonly Org OtherUnit = Org("org_v", OrgKind.Unit, "org_d", "org_t", "org_v");

    private static Org Org(string id, OrgKind kind, params string[] path) =>
        new() { Id = id, Kind = kind, Name = id, Path = path, CreatedAt = DateTimeOffset.UnixEpoch };

    private static AccountId A(AccountKind kind, string org, int year = 2026) => new(kind, org, year);

    [Fact]
    public void A_movement_debits_one_account_and_credits_the_other_by_the_same_amount()
    {
        var budget = AccountBalance.Empty(A(AccountKind.Budget, "org_s"), Money.Parse("800000.00"));
        var fund = AccountBalance.Empty(A(AccountKind.CoBuilding, "org_u"), Money.Zero);
        var (from, to) = Ledger.Move(budget, fund, Money.Parse("1200.10"))!.Value;

        Assert.Equal(("798799.90", "1200.10"), (from.Balance.ToString(), to.Balance.ToString()));
        Assert.Equal(budget.Balance + fund.Balance, from.Balance + to.Balance);
        Assert.Equal(from.Debits, to.Credits);
    }

    [Fact]
    public void No_account_but_a_donors_goes_below_zero()
    {
        var budget = AccountBalance.Empty(A(AccountKind.Budget, "org_s"), Money.Parse("100.00"));
        var fund = AccountBalance.Empty(A(AccountKind.CoBuilding, "org_u"), Money.Zero);
        Assert.NotNull(Ledger.Move(budget, fund, Money.Parse("100.00")));
        Assert.Null(Ledger.Move(budget, fund, Money.Parse("100.01")));
        Assert.Null(Ledger.Move(fund, AccountBalance.Empty(A(AccountKind.Expense, "org_u"), Money.Zero), Money.Parse("0.01")));

        var donor = AccountBalance.Empty(A(AccountKind.Donor, "org_u"), Money.Zero);
        var (given, _) = Ledger.Move(donor, AccountBalance.Empty(A(AccountKind.Donations, "org_s"), Money.Zero),
            Money.Parse("50.00"))!.Value;
        Assert.Equal("-50.00", given.Balance.ToString());
    }

    [Fact]
    public void A_budget_is_not_set_below_what_it_already_paid_out()
    {
        var paid = AccountBalance.Empty(A(AccountKind.Budget, "org_s"), Money.Parse("800000.00")) with { Debits = Money.Parse("1000.00") };
        Assert.Equal("0.00", Ledger.SetBudget(paid, Money.Parse("1000.00"))!.Balance.ToString());
        Assert.Null(Ledger.SetBudget(paid, Money.Parse("999.99")));
    }

    [Fact]
    public void Money_moves_only_down_the_ways_the_ledger_allows_within_one_year_and_district()
    {
        Assert.True(Ledger.MayMove(A(AccountKind.Budget, "org_s"), Street, A(AccountKind.CoBuilding, "org_u"), Unit));
        Assert.True(Ledger.MayMove(A(AccountKind.Budget, "org_d"), District, A(AccountKind.CoBuilding, "org_u"), Unit));
        Assert.True(Ledger.MayMove(A(AccountKind.CoBuilding, "org_u"), Unit, A(AccountKind.Expense, "org_u"), Unit));
        Assert.True(Ledger.MayMove(A(AccountKind.Budget, "org_s"), Street, A(AccountKind.Expense, "org_s"), Street));

        Assert.False(Ledger.MayMove(A(AccountKind.Budget, "org_s"), Street, A(AccountKind.CoBuilding, "org_v"), OtherUnit));
        Assert.False(Ledger.MayMove(A(AccountKind.Budget, "org_s"), Street, A(AccountKind.CoBuilding, "org_u", 2027), Unit));
        Assert.False(Ledger.MayMove(A(AccountKind.CoBuilding, "org_u"), Unit, A(AccountKind.Expense, "org_v"), OtherUnit));
        Assert.False(Ledger.MayMove(A(AccountKind.Expense, "org_u"), Unit, A(AccountKind.CoBuilding, "org_u"), Unit));
        Assert.False(Ledger.MayMove(A(AccountKind.CoBuilding, "org_u"), Unit, A(AccountKind.Budget, "org_s"), Street));
        Assert.False(Ledger.Holds(AccountKind.Budget, OrgKind.Community));
        Assert.False(Ledger.Holds(AccountKind.CoBuilding, OrgKind.Street));
    }

    [Fact]
    public void A_movement_id_names_its_district_and_year()
    {
        var id = Movement.NewId("org_demo-d1", 2026, TimeProvider.System);
        Assert.Equal(("org_demo-d1", 2026), Movement.PartitionOf(id));
        Assert.Null(Movement.PartitionOf("mov_x"));
        Assert.Null(Movement.PartitionOf("ord_demo-2026-x"));
    }

    [Fact]
    public void Disbursed_counts_budget_payments_into_the_fund_less_reversals_back()
    {
        Movement M(AccountId from, AccountId to, string amount) => new()
        {
            Id = "mov_x", DistrictId = "org_d", From = from, To = to, Amount = Money.Parse(amount), Memo = "m", By = "u",
            At = DateTimeOffset.UnixEpoch,
        };
        var (budget, fund, expense) = (A(AccountKind.Budget, "org_s"), A(AccountKind.CoBuilding, "org_u"), A(AccountKind.Expense, "org_u"));
        Movement[] all = [M(budget, fund, "1000.00"), M(budget, fund, "0.10"), M(fund, budget, "0.10"), M(fund, expense, "300.00")];
        Assert.Equal("1000.00", GetEntitlements.Disbursed(all, fund).ToString());
    }
}
