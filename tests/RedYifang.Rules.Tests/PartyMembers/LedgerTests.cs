using RedYifang.Functions.PartyMembers;

namespace RedYifang.Rules.Tests.PartyMembers;

/// <summary>
/// The ledger's rules (PartyMembers/Ledger.cs): awards under the monthly cap (a passing entry gives what the cap leaves and
/// says so), reversals that take back exactly the award they name, in its month, and idempotence by (source, source id) —
/// a repeated or out-of-order decision adds nothing. Times in China Standard Time.
/// </summary>
public sealed class LedgerTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Nov2 = new(2026, 11, 2, 10, 0, 0, China);
    private static readonly SourceRule TwoPerCheckInCappedAt5 = new(2, 5);

    private static Ledger.Step CheckIn(SourceStanding? standing, MonthTotals month, string activity, DateTimeOffset at,
        string id = "pte_1") =>
        Ledger.Award(standing, month, PointsSource.CheckIn, activity, 2, 0, TwoPerCheckInCappedAt5, 3, at, id)
        ?? throw new InvalidOperationException("no step");

    [Fact]
    public void An_award_records_its_points_version_and_month_and_counts_in_the_month()
    {
        var step = Ledger.Award(null, MonthTotals.Empty("2026-11"), PointsSource.Attendance, "act_a", Ledger.ForHours(2.5m, 3), 2.5m,
            new SourceRule(3, null), 7, Nov2, "pte_1")!;

        Assert.Equal(new PointsEntry("pte_1", PointsSource.Attendance, "act_a", 7.5m, 2.5m, 7, Nov2, "2026-11", null, false, null),
            step.Entry);
        Assert.Equal((7.5m, 2.5m, 7.5m, 0m, Nov2), (step.Month.Points, step.Month.Hours, step.Month.Attendance, step.Month.CheckIn,
            step.Month.FirstAt));
        Assert.Equal(new SourceStanding(PointsSource.Attendance, "act_a", Nov2, step.Entry), step.Standing);
    }

    [Fact]
    public void An_award_that_would_pass_the_cap_gives_what_the_cap_leaves_and_says_so_then_nothing()
    {
        var month = MonthTotals.Empty("2026-11");
        month = CheckIn(null, month, "act_a", Nov2).Month;                                        // 2
        month = CheckIn(null, month, "act_b", Nov2.AddHours(1)).Month;                            // 4
        var third = CheckIn(null, month, "act_c", Nov2.AddHours(2));                              // 1 left of the cap of 5
        var fourth = CheckIn(null, third.Month, "act_d", Nov2.AddHours(3));

        Assert.Equal((1m, true, (decimal?)2m), (third.Entry!.Points, third.Entry.Capped, third.Entry.Uncapped));
        Assert.Equal((0m, true, (decimal?)2m), (fourth.Entry!.Points, fourth.Entry.Capped, fourth.Entry.Uncapped));
        Assert.Equal(5m, fourth.Month.CheckIn);
        // Another source has a cap of its own, and another month starts again.
        var hours = Ledger.Award(null, fourth.Month, PointsSource.Attendance, "act_d", 3, 1, new SourceRule(3, 5), 3, Nov2, "pte_9")!;
        Assert.Equal((3m, false), (hours.Entry!.Points, hours.Entry.Capped));
        var december = CheckIn(null, MonthTotals.Empty("2026-12"), "act_e", new DateTimeOffset(2026, 12, 1, 0, 0, 0, China));
        Assert.Equal((2m, false), (december.Entry!.Points, december.Entry.Capped));
    }

    [Fact]
    public void A_reversal_takes_back_exactly_what_the_award_gave_in_its_month_and_frees_the_cap()
    {
        var first = CheckIn(null, MonthTotals.Empty("2026-11"), "act_a", Nov2);
        var second = CheckIn(null, first.Month, "act_b", Nov2.AddHours(1));
        var capped = CheckIn(null, second.Month, "act_c", Nov2.AddHours(2));                      // 1 of 2
        var december = new DateTimeOffset(2026, 12, 3, 9, 0, 0, China);

        var reversal = Ledger.Reverse(capped.Standing, capped.Month, PointsSource.CheckIn, "act_c", december, "pte_r")!;

        var expected = new PointsEntry("pte_r", PointsSource.CheckIn, "act_c", -1m, 0m, 3, december, "2026-11", capped.Entry!.Id, false,
            null);
        Assert.Equal(expected, reversal.Entry);
        Assert.Equal(4m, reversal.Month.CheckIn);                                                 // November, net
        Assert.Null(reversal.Standing.Award);
        Assert.Equal(Nov2, reversal.Month.FirstAt);                                               // a reversal is no first award
        var after = CheckIn(null, reversal.Month, "act_d", Nov2.AddHours(5)).Entry!;               // 4 of 5 used: 1 left, not 0
        Assert.Equal((1m, true), (after.Points, after.Capped));
    }

    [Fact]
    public void A_repeated_decision_adds_nothing_and_a_late_approval_after_a_decline_adds_nothing()
    {
        var award = CheckIn(null, MonthTotals.Empty("2026-11"), "act_a", Nov2);

        Assert.Null(Ledger.Award(award.Standing, award.Month, PointsSource.CheckIn, "act_a", 2, 0, TwoPerCheckInCappedAt5, 3, Nov2, "x"));
        var declined = Ledger.Reverse(award.Standing, award.Month, PointsSource.CheckIn, "act_a", Nov2.AddHours(1), "pte_r")!;
        Assert.Null(Ledger.Reverse(declined.Standing, declined.Month, PointsSource.CheckIn, "act_a", Nov2.AddHours(1), "y"));
        // The approval that came before the decline arrives again, late: nothing.
        Assert.Null(Ledger.Award(declined.Standing, declined.Month, PointsSource.CheckIn, "act_a", 2, 0, TwoPerCheckInCappedAt5, 3, Nov2,
            "z"));
        // A later approval (the decline was itself reconsidered) awards again.
        var again = CheckIn(declined.Standing, declined.Month, "act_a", Nov2.AddHours(2), "pte_2");
        Assert.Equal(("pte_2", 2m), (again.Entry!.Id, again.Month.CheckIn));
    }

    [Fact]
    public void A_second_approval_while_the_award_stands_adds_no_entry_and_a_decline_with_nothing_standing_is_remembered()
    {
        var award = CheckIn(null, MonthTotals.Empty("2026-11"), "act_a", Nov2);
        var reapproved = CheckIn(award.Standing, award.Month, "act_a", Nov2.AddHours(1));
        Assert.Null(reapproved.Entry);
        Assert.Equal((Nov2.AddHours(1), award.Entry), (reapproved.Standing.LastAt, reapproved.Standing.Award));

        var declinedFirst = Ledger.Reverse(null, null, PointsSource.CheckIn, "act_b", Nov2.AddHours(3), "pte_r")!;
        Assert.Null(declinedFirst.Entry);
        Assert.Null(Ledger.Award(declinedFirst.Standing, award.Month, PointsSource.CheckIn, "act_b", 2, 0, TwoPerCheckInCappedAt5, 3,
            Nov2.AddHours(2), "late"));
    }

    [Fact]
    public void Attendance_points_are_hours_times_the_rate_to_two_decimals() =>
        Assert.Equal((4.5m, 1.67m, 0m), (Ledger.ForHours(1.5m, 3), Ledger.ForHours(0.333m, 5), Ledger.ForHours(0, 100)));
}
