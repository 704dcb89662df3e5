using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Agreements;
using static RedYifang.Rules.Tests.Agreements.AgreementWalk;

namespace RedYifang.Rules.Tests.Agreements;

/// <summary>
/// The fulfilment rule: deliveries on a day of the term (China Standard Time, both ends included; for a terminated agreement
/// up to the day of termination), each once; ratio = delivered ÷ target to four decimals, not capped;
/// funds commitments count the money given naming the agreement.
/// </summary>
public sealed class FulfilmentTests
{
    private static DeliveryRef Order(string id, DateTimeOffset at) => new(DeliverySource.Order, id, at);

    [Fact]
    public void Four_free_clinics_a_year_with_three_delivered_is_0_75()
    {
        var deliveries = new[] { Order("ord_a", OnDay(2026, 3, 1)), Order("ord_b", OnDay(2026, 5, 1)), Order("ord_c", OnDay(2026, 9, 1)) };

        var medical = Fulfilment.Of(Active(), 0, deliveries);

        Assert.Equal((4, 3, 0.75m), (medical.Target!.Value, medical.Delivered!.Value, medical.Ratio!.Value));
        Assert.Equal(["ord_a", "ord_b", "ord_c"], medical.Deliveries.Select(d => d.Id));
        Assert.Null(medical.Note);
    }

    [Fact]
    public void Only_days_of_the_term_in_China_count()
    {
        var deliveries = new[]
        {
            Order("ord_before", new DateTimeOffset(2025, 12, 31, 23, 59, 0, China)),
            Order("ord_first", new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero)),     // 1 January 00:00 CST
            Order("ord_last", new DateTimeOffset(2026, 12, 31, 15, 59, 0, TimeSpan.Zero)),     // 31 December 23:59 CST
            Order("ord_after", new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero)),
        };

        Assert.Equal(["ord_first", "ord_last"], Fulfilment.Of(Active(), 0, deliveries).Deliveries.Select(d => d.Id));
    }

    [Fact]
    public void A_terminated_agreement_counts_until_the_day_it_was_terminated()
    {
        var terminated = Active().Terminate(Admin, OnDay(2026, 6, 30, 18), "单位撤出").Agreement;
        var deliveries = new[] { Order("ord_june", OnDay(2026, 6, 30, 20)), Order("ord_july", OnDay(2026, 7, 1)) };

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), Fulfilment.Window(terminated));
        Assert.Equal(["ord_june"], Fulfilment.Of(terminated, 0, deliveries).Deliveries.Select(d => d.Id));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), Fulfilment.Window(Active()));
    }

    [Fact]
    public void A_delivery_counts_once_and_more_than_promised_shows_above_one()
    {
        var deliveries = new[]
        {
            Order("ord_a", OnDay(2026, 2, 1)), Order("ord_a", OnDay(2026, 2, 1)), Order("ord_b", OnDay(2026, 2, 2)),
            Order("ord_c", OnDay(2026, 2, 3)), Order("ord_d", OnDay(2026, 2, 4)), Order("ord_e", OnDay(2026, 2, 5)),
            new DeliveryRef(DeliverySource.Activity, "ord_a", OnDay(2026, 2, 6)),                  // another source, another delivery
        };

        var medical = Fulfilment.Of(Active(), 0, deliveries);

        Assert.Equal((6, 1.5m), (medical.Delivered!.Value, medical.Ratio!.Value));
    }

    [Fact]
    public void Ratios_keep_four_decimals()
    {
        var three = Active() with { Commitments = [Active().Commitments[0] with { Target = 3 }] };

        Assert.Equal(0.3333m, Fulfilment.Of(three, 0, [Order("ord_a", OnDay(2026, 2, 1))]).Ratio);
        Assert.Equal(0m, Fulfilment.Of(three, 0, []).Ratio);
    }

    private static FundsRef Gift(string id, long fen) => new(id, fen, OnDay(2026, 3, 1));

    [Fact]
    public void A_funds_commitment_shows_the_money_committed_and_delivered_as_exact_yuan_a_reversal_taking_its_gift_back()
    {
        // 3 × 0.10 yuan and 1,666.66 yuan given, 0.10 reversed: 1,666.86 of 5,000.00, exactly (as floats, 0.1 × 3 is not 0.3).
        var movements = new[] { Gift("mov_a", 10), Gift("mov_b", 10), Gift("mov_c", 10), Gift("mov_d", 166_666), Gift("mov_e", -10) };

        var funds = Fulfilment.Of(Active(), 1, [Order("ord_a", OnDay(2026, 2, 1))], movements);

        Assert.Equal((1, CommitmentKind.Funds), (funds.Commitment, funds.Kind));
        Assert.Equal(("5000.00", "1666.86", 0.3334m), (funds.Amount, funds.AmountDelivered, funds.Ratio!.Value));
        Assert.Null(funds.Target);
        Assert.Null(funds.Delivered);
        Assert.Empty(funds.Deliveries);
        Assert.Null(funds.Note);
        Assert.Equal(["mov_a", "mov_b", "mov_c", "mov_d", "mov_e"], funds.Movements!.Select(m => m.MovementId));
        Assert.Equal("-0.10", funds.Movements![4].Amount);
    }

    [Fact]
    public void Nothing_given_is_0_00_and_a_reversal_heard_before_its_gift_never_shows_below_zero()
    {
        Assert.Equal(("0.00", 0m), (Fulfilment.Of(Active(), 1, [], []).AmountDelivered, Fulfilment.Of(Active(), 1, [], []).Ratio!.Value));
        Assert.Equal("0.00", Fulfilment.Of(Active(), 1, [], [Gift("mov_r", -5_000)]).AmountDelivered);
    }

    [Fact]
    public void Money_fills_the_funds_commitments_in_their_order_and_the_last_takes_what_is_over()
    {
        var two = Active() with
        {
            Commitments = [.. Active().Commitments, new Commitment(Category.Repairs, CommitmentKind.Funds, null, 1000m, null)],
        };
        var given = new[] { Gift("mov_a", 500_000), Gift("mov_b", 100_051) };   // 6,000.51 yuan

        FundsRef[] less = [Gift("mov_c", 400_000)];

        Assert.Equal(("5000.00", "1000.51"),
            (Fulfilment.Of(two, 1, [], given).AmountDelivered, Fulfilment.Of(two, 2, [], given).AmountDelivered));
        Assert.Equal(("4000.00", "0.00"),
            (Fulfilment.Of(two, 1, [], less).AmountDelivered, Fulfilment.Of(two, 2, [], less).AmountDelivered));
        Assert.Equal(1.0005m, Fulfilment.Of(two, 2, [], given).Ratio);
    }
}
