using RedYifang.Functions.Funding;

namespace RedYifang.Rules.Tests.Funding;

/// <summary>Money is fen in a long: parsed from ASCII decimal strings with at most two places, never through floating point.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData("1000.00", 100_000)]
    [InlineData("0.10", 10)]
    [InlineData("0.1", 10)]
    [InlineData("7", 700)]
    [InlineData("0", 0)]
    [InlineData("2000000.00", 200_000_000)]
    [InlineData("100000000000.00", 10_000_000_000_000)]
    public void Parses_decimal_strings_to_exact_fen(string text, long fen)
    {
        Assert.True(Money.TryParse(text, out var money));
        Assert.Equal(fen, money.Fen);
    }

    [Theory]
    [InlineData("0.101")]
    [InlineData("-1.00")]
    [InlineData("+1.00")]
    [InlineData("1e3")]
    [InlineData(" 1.00")]
    [InlineData("1.00 ")]
    [InlineData("1.00\n")]
    [InlineData("01.00")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1,000.00")]
    [InlineData("١٠٠")]
    [InlineData("１００")]
    [InlineData("100000000000.01")]
    [InlineData("999999999999999999999")]
    [InlineData("NaN")]
    [InlineData("")]
    public void Refuses_anything_but_ascii_digits_with_at_most_two_places_within_the_bound(string text) =>
        Assert.False(Money.TryParse(text, out _));

    [Fact]
    public void Three_times_ten_fen_is_thirty_fen_where_double_is_not()
    {
        var dime = Money.Parse("0.10");
        Assert.Equal("0.30", (dime + dime + dime).ToString());
        Assert.Equal("0.30", (dime * 3).ToString());
        Assert.NotEqual(0.3, 0.1 + 0.1 + 0.1);
    }

    [Fact]
    public void Sums_that_float_gets_wrong_come_out_exact()
    {
        var total = Enumerable.Repeat(Money.Parse("0.01"), 10_000).Aggregate(Money.Zero, (a, b) => a + b);
        Assert.Equal("100.00", total.ToString());
        Assert.Equal("0.02", (Money.Parse("1.10") - Money.Parse("1.08")).ToString());
        Assert.Equal("-5.05", (Money.Zero - Money.Parse("5.05")).ToString());
        Assert.Equal("4.35", (Money.Parse("4.35") * 1).ToString());
        Assert.Equal("435.00", (Money.Parse("4.35") * 100).ToString());
    }

    [Fact]
    public void An_entitlement_is_per_branch_times_branches_plus_per_member_times_members()
    {
        Assert.Equal("9200.00", Ledger.Entitlement(3, 31, Money.Parse("1000.00"), Money.Parse("200.00")).ToString());
        Assert.Equal("0.00", Ledger.Entitlement(0, 0, Money.Parse("1000.00"), Money.Parse("200.00")).ToString());
        Assert.Equal("30.90", Ledger.Entitlement(3, 3, Money.Parse("0.10"), Money.Parse("10.20")).ToString());
    }

    [Fact]
    public void Account_ids_read_as_they_print_and_refuse_other_shapes()
    {
        Assert.True(AccountId.TryParse("coBuilding:org_u1:2026", out var id));
        Assert.Equal((AccountKind.CoBuilding, "org_u1", 2026), (id!.Kind, id.OrgId, id.Year));
        Assert.Equal("coBuilding:org_u1:2026", id.ToString());
        foreach (var bad in new[] { "coBuilding:org_u1:26", "coBuilding:org_u1:2026:x", "cash:org_u1:2026", "budget:../x:2026",
            "budget:org_d:1999",
                     "budget:org_d:２０２６" })
        {
            Assert.False(AccountId.TryParse(bad, out _), bad);
        }
    }
}
