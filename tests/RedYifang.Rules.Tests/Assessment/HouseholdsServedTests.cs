using RedYifang.Functions.Assessment;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Rules.Tests.Assessment;

/// <summary>
/// The householdsServed rule (Assessment/HouseholdsServed.cs, docs/assessment.md): a household is a resident who raised an order
/// of the community; it is served in a period when one of its orders was accepted in the period with verified evidence, and counts
/// once per period; orders raised by staff name no household.
/// </summary>
public sealed class HouseholdsServedTests
{
    private static Period P(string text) => Period.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    private static OrderSnapshot Order(string id, string? household) => new()
    {
        Id = id, CommunityId = "org_c1", DistrictId = "org_d", UnitId = "org_u1", CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0,
            TimeSpan.Zero), ServiceHours = 2m, Beneficiaries = 3, Household = household,
    };

    private static IEnumerable<Fact> Accepted(string id, string? household, DateTimeOffset at, bool verified = true) =>
        OrderFacts.From(new AssessmentEvent(FactKind.Accepted, at, Order(id, household), verified));

    /// <summary>A period's totals as the store makes them: each month's facts added (each id once per month), the months summed.</summary>
    private static Totals In(Period period, IEnumerable<Fact> facts)
    {
        var months = FactStore.Months(period).ToHashSet();
        return facts.Where(f => f.OrgId == "org_c1").DistinctBy(f => (FactStore.MonthOf(f.At), f.Id))
            .Where(f => months.Contains(FactStore.MonthOf(f.At)))
            .GroupBy(f => FactStore.MonthOf(f.At))
            .Select(g => g.Aggregate(Totals.Empty, (t, f) => t.Add(f)))
            .Aggregate(Totals.Empty, (a, b) => a.Plus(b));
    }

    [Fact]
    public void An_accepted_order_serves_its_household_in_its_month_quarter_and_year_in_China_each_dated_the_periods_start()
    {
        // 31 March 16:30 UTC is 1 April 00:30 in China: April, the second quarter.
        var facts = Accepted("ord_a", "usr_h1", new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero))
            .Where(f => f.Kind == FactKind.HouseholdServed).ToList();

        Assert.Equal(["2026-04", "2026-Q2", "2026"], facts.Select(f => f.Period));
        Assert.Equal([P("2026-04").Start, P("2026-Q2").Start, P("2026").Start], facts.Select(f => f.At));
        Assert.All(facts, f => Assert.Equal(("org_c1", "usr_h1", "ord_a", "org_d"), (f.OrgId, f.Household, f.OrderId, f.DistrictId)));
        Assert.Equal(["household|usr_h1|2026-04", "household|usr_h1|2026-Q2", "household|usr_h1|2026"], facts.Select(f => f.Id));
    }

    [Fact]
    public void A_household_counts_once_per_period_however_many_of_its_orders_were_accepted()
    {
        var feb = new DateTimeOffset(2026, 2, 10, 2, 0, 0, TimeSpan.Zero);
        var march = new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);
        var facts = Accepted("ord_a", "usr_h1", feb).Concat(Accepted("ord_b", "usr_h1", march)).Concat(Accepted("ord_c", "usr_h1", march))
            .Concat(Accepted("ord_d", "usr_h2", march)).ToList();

        Assert.Equal(1, HouseholdsServed.In(In(P("2026-02"), facts), P("2026-02")));
        Assert.Equal(2, HouseholdsServed.In(In(P("2026-03"), facts), P("2026-03")));
        Assert.Equal(2, HouseholdsServed.In(In(P("2026-Q1"), facts), P("2026-Q1")));
        Assert.Equal(2, HouseholdsServed.In(In(P("2026"), facts), P("2026")));
        Assert.Equal(0, HouseholdsServed.In(In(P("2026-Q2"), facts), P("2026-Q2")));
    }

    [Fact]
    public void Orders_raised_by_staff_or_accepted_without_verified_evidence_serve_no_household()
    {
        var at = new DateTimeOffset(2026, 2, 10, 2, 0, 0, TimeSpan.Zero);

        Assert.DoesNotContain(Accepted("ord_staff", null, at), f => f.Kind == FactKind.HouseholdServed);
        Assert.DoesNotContain(Accepted("ord_unverified", "usr_h1", at, verified: false), f => f.Kind == FactKind.HouseholdServed);
    }

    [Fact]
    public void The_snapshot_names_the_owners_household_only_when_a_resident_raised_the_order()
    {
        var draft = new NewOrder
        {
            Level = OrderLevel.Community, Title = "修水管", Category = Functions.Platform.Catalogue.Category.Repairs, Description = "厨房漏水",
            Beneficiaries = 2, Urgency = Urgency.Normal,
        };
        var at = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var resident = Functions.Orders.Order.Submit(draft, "ord_r", ["org_d", "org_s", "org_c1"], "usr_resident", at).Order;
        var staff = Functions.Orders.Order.Submit(draft, "ord_s", ["org_d", "org_s", "org_c1"], "usr_admin", at, raisedByStaff: true).Order;

        Assert.Equal("usr_resident", AssessmentTranslator.Snapshot(resident).Household);
        Assert.Null(AssessmentTranslator.Snapshot(staff).Household);
    }

    [Theory]
    [InlineData(2, 3, 0.6667)]
    [InlineData(0, 1200, 0.0)]
    [InlineData(5, 4, 1.25)]
    public void The_share_is_served_over_the_registrys_households_to_four_places(int served, int households, double share) =>
        Assert.Equal(share, HouseholdsServed.Share(served, households));

    [Fact]
    public void Without_a_registry_figure_above_zero_there_is_no_share()
    {
        Assert.Null(HouseholdsServed.Share(3, null));
        Assert.Null(HouseholdsServed.Share(0, 0));
    }
}
