using RedYifang.Functions.Matching;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Resources;

namespace RedYifang.Rules.Tests.Matching;

/// <summary>
/// Every factor of a suggestion's score, its weighted total and the ranking, with values worked out by hand. Default
/// weights: category 0.20, area 0.25, capacity 0.15, availability 0.15, track record 0.15, fairness 0.10. Times are
/// written in China Standard Time (UTC+8); 2 November 2026 is a Monday.
/// </summary>
public sealed class ScoringTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly Scoring Default = new(new MatchingOptions());
    private static readonly string[] GridPath = ["d1", "s1", "c1", "g1"];

    private static DateTimeOffset Nov(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Cst);

    private static Resource Res(
        string areas = "c1",
        int monthly = 3,
        string windows = "",
        ResourceState state = ResourceState.Published,
        Category category = Category.Medical,
        DateOnly? validFrom = null,
        DateOnly? validTo = null) => new()
        {
            Id = "res_1", UnitId = "org_u", UnitPath = ["d1", "s1", "org_u"], Title = "义诊", Category = category,
            Description = "free clinic", Kind = ResourceKind.Service, AreaIds = areas.Split(',', StringSplitOptions.RemoveEmptyEntries),
            MonthlyCapacity = monthly, Availability = Windows(windows), ValidFrom = validFrom ?? new DateOnly(2026, 1, 1),
            ValidTo = validTo ?? new DateOnly(2027, 12, 31), State = state, CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };

    /// <summary>"1 09:00-11:00;7 10:00-12:00": weekday (Monday 1 … Sunday 7) and China-time window, semicolon-separated.</summary>
    private static AvailabilityWindow[] Windows(string text) =>
    [
        .. text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(w =>
        {
            var parts = w.Split(' ', '-');
            return new AvailabilityWindow(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1], parts[2]);
        }),
    ];

    private static OrderNeed Need(
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        Category category = Category.Medical,
        IReadOnlyList<string>? path = null) =>
        new("ord_1", category, path ?? GridPath, Urgency.Normal, from, to);

    private static double Factor(Suggestion s, string factor) => s.Reasons.Single(r => r.Factor == factor).Value;

    [Fact]
    public void A_new_unit_in_the_community_scores_its_weighted_factors_each_rounded_to_four_places()
    {
        // category 1; area: the order's community (depth 3 of 4) 0.75; capacity 2 of 3 = 0.66666… → 0.6667;
        // availability: no preferred window → 0.5; track record: the priors alone, 0.5 × 0.8 + 0.5 × (4 − 1) / 4 = 0.775;
        // fairness: no open order, 1 / (1 + 0) = 1.
        // Total 0.2 + 0.1875 + 0.100005 + 0.075 + 0.11625 + 0.1 = 0.778755 → 0.7788.
        var s = Default.Score(Need(), new Offer(Res(monthly: 3), 2, UnitRecord.New), Today);

        Assert.NotNull(s);
        Assert.Equal(("res_1", "org_u", "义诊", 0.7788), (s.ResourceId, s.UnitId, s.Title, s.Score));
        Assert.Equal(
            [
                new Reason("category", 0.20, 1), new Reason("area", 0.25, 0.75), new Reason("capacity", 0.15, 0.6667),
                new Reason("availability", 0.15, 0.5), new Reason("trackRecord", 0.15, 0.775), new Reason("fairness", 0.10, 1),
            ],
            s.Reasons);
    }

    [Fact]
    public void A_unit_with_a_record_and_open_orders_in_the_grid_scores_its_weighted_factors()
    {
        // area: the order's grid 1; capacity 4 of 4 = 1; availability: Monday 09:00–11:00 against Monday 10:00–14:00
        // overlaps 1 h of the 2 h that count → 0.5; track record: completion (3 + 3.2) / (3 + 1 + 4) = 0.775, stars
        // (9 + 12) / (2 + 3) = 4.2 → 0.8, so 0.7875; fairness 1 / (1 + 2) = 0.3333.
        // Total 0.2 + 0.25 + 0.15 + 0.075 + 0.118125 + 0.03333 = 0.826455 → 0.8265.
        var record = new UnitRecord(Assigned: 6, Completed: 3, Rated: 2, StarsSum: 9, Active: 2, Failed: 1);
        var offer = new Offer(Res(areas: "g1", monthly: 4, windows: "1 09:00-11:00"), 4, record);

        var s = Default.Score(Need(Nov(2, 10), Nov(2, 14)), offer, Today);

        Assert.NotNull(s);
        Assert.Equal(0.8265, s.Score);
        Assert.Equal([1, 1, 1, 0.5, 0.7875, 0.3333], s.Reasons.Select(r => r.Value));
    }

    [Fact]
    public void The_weights_are_the_configured_ones()
    {
        // The first case's factors [1, 0.75, 0.6667, 0.5, 0.775, 1] under other weights:
        // 0.05 + 0.075 + 0.100005 + 0.1 + 0.155 + 0.3 = 0.780005 → 0.78.
        var weights = new MatchingOptions
        {
            CategoryWeight = 0.05, AreaWeight = 0.10, CapacityWeight = 0.15, AvailabilityWeight = 0.20, TrackRecordWeight = 0.20,
            FairnessWeight = 0.30,
        };

        var s = new Scoring(weights).Score(Need(), new Offer(Res(monthly: 3), 2, UnitRecord.New), Today);

        Assert.NotNull(s);
        Assert.Equal(0.78, s.Score);
        Assert.Equal([0.05, 0.10, 0.15, 0.20, 0.20, 0.30], s.Reasons.Select(r => r.Weight));
    }

    [Theory]
    [InlineData("draft")]           // only a published resource is offered
    [InlineData("paused")]
    [InlineData("retired")]
    [InlineData("capacity used up")] // nothing left this month
    [InlineData("capacity overdrawn")]
    [InlineData("validity ended yesterday")]
    [InlineData("another category")]
    [InlineData("other for a medical order")] // "other" resources serve only "other" orders
    [InlineData("medical for an other order")]
    [InlineData("validity starts tomorrow")] // as the match refuses it (OrderResources.CheckFits)
    [InlineData("a sibling community")] // area 0: not on the order's path
    [InlineData("another district")]
    [InlineData("a grid of an order without one")] // the order's path stops at its community
    public void A_pair_failing_a_hard_condition_is_no_candidate(string condition)
    {
        var (resource, remaining, need) = condition switch
        {
            "draft" => (Res(state: ResourceState.Draft), 1, Need()),
            "paused" => (Res(state: ResourceState.Paused), 1, Need()),
            "retired" => (Res(state: ResourceState.Retired), 1, Need()),
            "capacity used up" => (Res(), 0, Need()),
            "capacity overdrawn" => (Res(), -1, Need()),
            "validity ended yesterday" => (Res(validTo: Today.AddDays(-1)), 1, Need()),
            "validity starts tomorrow" => (Res(validFrom: Today.AddDays(1)), 1, Need()),
            "another category" => (Res(category: Category.LegalAid), 1, Need()),
            "other for a medical order" => (Res(category: Category.Other), 1, Need()),
            "medical for an other order" => (Res(), 1, Need(category: Category.Other)),
            "a sibling community" => (Res(areas: "c2"), 1, Need()),
            "another district" => (Res(areas: "d2"), 1, Need()),
            "a grid of an order without one" => (Res(areas: "g1"), 1, Need(path: ["d1", "s1", "c1"])),
            _ => throw new ArgumentOutOfRangeException(nameof(condition)),
        };

        Assert.Null(Default.Score(need, new Offer(resource, remaining, UnitRecord.New), Today));
    }

    [Fact]
    public void The_last_valid_day_and_the_last_unit_of_capacity_still_count()
    {
        // The boundaries of the hard conditions above: valid from and to today, one left of three (capacity 0.3333), "other" for "other".
        var s = Default.Score(Need(), new Offer(Res(validFrom: Today, validTo: Today), 1, UnitRecord.New), Today);
        var other = Default.Score(Need(category: Category.Other), new Offer(Res(category: Category.Other), 1, UnitRecord.New), Today);

        Assert.NotNull(s);
        Assert.Equal(0.3333, Factor(s, "capacity"));
        Assert.NotNull(other);
    }

    [Theory]
    [InlineData("g1", 1.0)]     // same grid
    [InlineData("c1", 0.75)]    // same community
    [InlineData("s1", 0.5)]     // same street
    [InlineData("d1", 0.25)]    // the whole district
    [InlineData("d1,c1", 0.75)] // the deepest match counts, not the first listed
    [InlineData("c1,s1", 0.75)]
    [InlineData("c2,g2", 0)]    // siblings: elsewhere
    [InlineData("C1", 0)]       // ids match exactly
    [InlineData("", 0)]
    public void Area_is_the_depth_of_the_deepest_shared_place(string areas, double expected) =>
        Assert.Equal(expected, Scoring.Area(GridPath, areas.Split(',', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void Area_never_exceeds_one() =>
        // A fifth level would be 0.25 × 5 = 1.25; it is capped at full marks.
        Assert.Equal(1.0, Scoring.Area(["d1", "s1", "c1", "g1", "x1"], ["x1"]));

    [Theory]
    [InlineData(3, 3, 1.0)]
    [InlineData(1, 3, 0.3333)]  // 0.33333… rounded
    [InlineData(2, 3, 0.6667)]  // 0.66666… rounded up
    [InlineData(1, 7, 0.1429)]  // 0.142857…
    [InlineData(5, 8, 0.625)]
    public void Capacity_is_the_share_of_the_month_left(int remaining, int monthly, double expected)
    {
        var s = Default.Score(Need(), new Offer(Res(monthly: monthly), remaining, UnitRecord.New), Today);

        Assert.NotNull(s);
        Assert.Equal(expected, Factor(s, "capacity"));
    }

    [Theory]
    [InlineData(0, 0, 0, 0, 0, 0, 0.775)]   // no record yet: priors 0.8 completion and 4 stars → 0.5 × 0.8 + 0.5 × 0.75
    [InlineData(3, 0, 0, 0, 3, 0, 0.775)]   // orders in progress are neither success nor failure: still the priors
    [InlineData(6, 3, 2, 9, 2, 1, 0.7875)]  // (3 + 3.2) / 8 = 0.775; (9 + 12) / 5 = 4.2 → 0.8; mean 0.7875
    [InlineData(2, 0, 0, 0, 0, 2, 0.6417)]  // (0 + 3.2) / 6 = 0.5333…; 4 stars → 0.75; 0.641666… → 0.6417
    [InlineData(2, 2, 2, 2, 0, 0, 0.6583)]  // (2 + 3.2) / 6 = 0.8666…; (2 + 12) / 5 = 2.8 → 0.45; 0.658333… → 0.6583
    [InlineData(10, 10, 10, 50, 0, 0, 0.9426)] // 13.2 / 14 = 0.942857…; 62 / 13 = 4.769… → 0.942307…; 0.942582… → 0.9426
    public void Track_record_blends_completion_and_stars_with_priors(
        int assigned, int completed, int rated, int starsSum, int active, int failed, double expected) =>
        Assert.Equal(expected, Scoring.TrackRecord(new UnitRecord(assigned, completed, rated, starsSum, active, failed)));

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.3333)]
    [InlineData(3, 0.25)]
    [InlineData(-1, 1.0)]   // a completion counted before its match: no open order, not a bonus (Open is never negative)
    public void Fairness_falls_with_the_units_open_orders(int active, double expected)
    {
        var record = UnitRecord.New with { Active = active };

        var s = Default.Score(Need(), new Offer(Res(), 1, record), Today);

        Assert.NotNull(s);
        Assert.Equal(expected, Factor(s, "fairness"));
    }

    [Fact]
    public void Availability_without_a_usable_preferred_window_is_neutral()
    {
        var r = Res(windows: "1 09:00-11:00");

        Assert.Equal(0.5, Scoring.Availability(Need(), r));
        Assert.Equal(0.5, Scoring.Availability(Need(from: Nov(2, 9)), r));               // no end
        Assert.Equal(0.5, Scoring.Availability(Need(to: Nov(2, 11)), r));                // no start
        Assert.Equal(0.5, Scoring.Availability(Need(Nov(2, 9), Nov(2, 9)), r));          // empty
        Assert.Equal(0.5, Scoring.Availability(Need(Nov(2, 11), Nov(2, 9)), r));         // reversed
    }

    [Theory]
    [InlineData(2, 9, 0, 2, 10, 0, 1.0)]     // one hour wanted, one hour inside Monday 09:00–11:00
    [InlineData(2, 8, 0, 2, 12, 0, 1.0)]     // four hours wanted: the whole window, two hours, is full marks
    [InlineData(2, 10, 0, 2, 14, 0, 0.5)]    // 10:00–11:00 of the two hours that count
    [InlineData(2, 10, 40, 2, 12, 0, 0.25)]  // 20 min of 80 min wanted
    [InlineData(2, 10, 40, 2, 13, 0, 0.1667)] // 20 min of 120: 0.16666… rounded
    [InlineData(1, 23, 0, 2, 10, 0, 0.5)]    // from Sunday night into Monday: 09:00–10:00, 1 h of 2
    [InlineData(3, 9, 0, 3, 11, 0, 0)]       // Tuesday: no window that day
    [InlineData(2, 11, 0, 2, 13, 0, 0)]      // Monday, but after the window (touching at 11:00 is no overlap)
    public void Availability_is_the_overlap_with_the_weekly_window_in_China_time(
        int fromDay, int fromHour, int fromMinute, int toDay, int toHour, int toMinute, double expected) =>
        Assert.Equal(
            expected,
            Scoring.Availability(Need(Nov(fromDay, fromHour, fromMinute), Nov(toDay, toHour, toMinute)), Res(windows: "1 09:00-11:00")));

    [Fact]
    public void Availability_windows_are_China_time_not_UTC()
    {
        // Monday 09:00–11:00 UTC is 17:00–19:00 in China, outside the Monday 09:00–11:00 window.
        var utc = Need(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 11, 0, 0, TimeSpan.Zero));
        // Monday 01:00–03:00 UTC is 09:00–11:00 in China: full marks.
        var china = Need(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, Scoring.Availability(utc, Res(windows: "1 09:00-11:00")));
        Assert.Equal(1.0, Scoring.Availability(china, Res(windows: "1 09:00-11:00")));
    }

    [Fact]
    public void Sunday_is_weekday_seven()
    {
        // 8 November 2026 is a Sunday: its window is weekday 7 (not .NET's 0).
        var need = Need(Nov(8, 10), Nov(8, 12));

        Assert.Equal(1.0, Scoring.Availability(need, Res(windows: "7 10:00-12:00")));
        Assert.Equal(0, Scoring.Availability(need, Res(windows: "1 10:00-12:00")));
    }

    [Fact]
    public void Every_window_of_the_day_adds_up()
    {
        // Monday 09:30–14:30 meets 09:00–10:00 for 30 min and 14:00–15:00 for 30 min: 1 h of 2.
        Assert.Equal(0.5, Scoring.Availability(Need(Nov(2, 9, 30), Nov(2, 14, 30)), Res(windows: "1 09:00-10:00;1 14:00-15:00")));
    }

    [Fact]
    public void Availability_looks_two_weeks_ahead_at_most()
    {
        // Tuesday 3 November to Tuesday 24 November, three weeks, with Mondays 09:00–09:30: only 9 and 16 November fall
        // in the first two weeks, 1 h of 2 → 0.5 (the third Monday, 23 November, would have made it 0.75).
        Assert.Equal(0.5, Scoring.Availability(Need(Nov(3, 0), Nov(24, 0)), Res(windows: "1 09:00-09:30")));
    }

    [Fact]
    public void Availability_counts_only_days_inside_the_resources_validity()
    {
        // Monday 2 November 00:00 to Monday 16 November 00:00 has two Monday windows of 30 min (2 and 9 November): 0.5
        // with a resource valid throughout; one window, 0.25, when the resource ends on 8 November or starts on 9 November.
        var need = Need(Nov(2, 0), Nov(16, 0));

        Assert.Equal(0.5, Scoring.Availability(need, Res(windows: "1 09:00-09:30")));
        Assert.Equal(0.25, Scoring.Availability(need, Res(windows: "1 09:00-09:30", validTo: new DateOnly(2026, 11, 8))));
        Assert.Equal(0.25, Scoring.Availability(need, Res(windows: "1 09:00-09:30", validFrom: new DateOnly(2026, 11, 9))));
        Assert.Equal(0, Scoring.Availability(need, Res(windows: "1 09:00-09:30", validFrom: new DateOnly(2026, 11, 17))));
    }

    private static Suggestion S(string id, double score) => new(id, "org_u", "t", score, []);

    [Fact]
    public void Rank_puts_the_best_first_and_keeps_the_first_n()
    {
        Suggestion[] worstFirst = [S("res_d", 0.2), S("res_c", 0.5), S("res_b", 0.7), S("res_a", 0.9)];

        Assert.Equal(["res_a", "res_b"], Scoring.Rank(worstFirst, 2).Select(s => s.ResourceId));
        Assert.Equal(["res_a", "res_b", "res_c", "res_d"], Scoring.Rank(worstFirst, 10).Select(s => s.ResourceId));
        Assert.Empty(Scoring.Rank(worstFirst, 0));
    }

    [Fact]
    public void Rank_breaks_ties_by_ordinal_resource_id_whatever_the_read_order()
    {
        // Ordinal: "res_B" (B = 66) before "res_a" (a = 97); a culture-aware comparison would put res_a first.
        Suggestion[] read = [S("res_a", 0.8), S("res_z", 0.9), S("res_B", 0.8), S("res_c", 0.8)];

        Assert.Equal(["res_z", "res_B", "res_a", "res_c"], Scoring.Rank(read, 10).Select(s => s.ResourceId));
        Assert.Equal(["res_z", "res_B", "res_a", "res_c"], Scoring.Rank(read.AsEnumerable().Reverse(), 10).Select(s => s.ResourceId));
        Assert.Equal(["res_z", "res_B"], Scoring.Rank(read.AsEnumerable().Reverse(), 2).Select(s => s.ResourceId));
    }
}
