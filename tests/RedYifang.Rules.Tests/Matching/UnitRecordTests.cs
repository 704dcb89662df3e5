using RedYifang.Functions.Matching;

namespace RedYifang.Rules.Tests.Matching;

public sealed class UnitRecordTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static OrderFact Fact(string order, OrderFactKind kind, int stars = 0) => new("org_u", order, kind, stars, At);

    /// <summary>
    /// Queue messages arrive in any order: a completion may be recorded before its match. Every order of the same facts
    /// leaves the same record (the order that once left a unit one open order too many is among them).
    /// </summary>
    [Fact]
    public void Facts_in_any_order_give_the_same_record()
    {
        OrderFact[] facts =
        [
            Fact("o1", OrderFactKind.Matched), Fact("o1", OrderFactKind.Completed), Fact("o1", OrderFactKind.Rated, 4),
            Fact("o2", OrderFactKind.Matched), Fact("o2", OrderFactKind.Released),
            Fact("o3", OrderFactKind.Matched),
        ];
        var expected = new UnitRecord(Assigned: 3, Completed: 1, Rated: 1, StarsSum: 4, Active: 1, Failed: 1);

        foreach (var permutation in Permutations(facts))
        {
            var record = permutation.Aggregate(UnitRecord.New, UnitRecords.Apply);
            Assert.Equal(expected, record);
            Assert.Equal(1, record.Open);
        }
    }

    [Fact]
    public void A_decline_closes_the_open_order_and_is_a_failure_counted_apart_too()
    {
        var record = new[] { Fact("o1", OrderFactKind.Matched), Fact("o1", OrderFactKind.Declined) }
            .Aggregate(UnitRecord.New, UnitRecords.Apply);

        Assert.Equal((1, 0, 1, 1), (record.Assigned, record.Open, record.Failed, record.Declined));
        // Matched again after the decline, under another agreement: a fact row of its own.
        Assert.NotEqual(
            new OrderFact("org_u", "o1", OrderFactKind.Matched, 0, At, "agr_1").RowKey,
            new OrderFact("org_u", "o1", OrderFactKind.Matched, 0, At, "agr_2").RowKey);
    }

    [Fact]
    public void A_completion_before_its_match_is_not_an_open_order_meanwhile()
    {
        var early = UnitRecords.Apply(UnitRecord.New, Fact("o1", OrderFactKind.Completed));

        Assert.Equal((-1, 0), (early.Active, early.Open));
        Assert.Equal(0, UnitRecords.Apply(early, Fact("o1", OrderFactKind.Matched)).Open);
    }

    private static IEnumerable<OrderFact[]> Permutations(OrderFact[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany((item, i) => Permutations([.. items[..i], .. items[(i + 1)..]]).Select(rest => (OrderFact[])[item, .. rest]));
}
