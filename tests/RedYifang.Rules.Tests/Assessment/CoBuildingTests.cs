using System.Text.Json;
using RedYifang.Functions.Activities;
using RedYifang.Functions.Agreements;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;
using static RedYifang.Rules.Tests.Agreements.AgreementWalk;
using ActivityWalk = RedYifang.Rules.Tests.Activities.ActivityWalk;

namespace RedYifang.Rules.Tests.Assessment;

/// <summary>
/// The co-building rules (Assessment/CoBuilding.cs, docs/assessment.md): what Agreements' and Activities' events become as
/// facts, commitment fulfilment pro-rated to the period's share of the term and capped per commitment, activities counted in
/// the month they started, and participation (eligibility) counting activities and deliveries. The agreement is
/// AgreementWalk's: unit u1, all of 2026 (365 days), 4 medical services and 5000 yuan.
/// </summary>
public sealed class CoBuildingTests
{
    private static readonly CoBuildingTranslator Translator = new();

    private static Period P(string text) => Period.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    /// <summary>The facts the events become, as the consumer of <c>assessment-cobuilding</c> records them.</summary>
    private static List<Fact> Facts(params IDomainEvent[] events) =>
        [.. events.SelectMany(Translator.Translate).Select(m => Assert.IsType<CoBuildingEvent>(m.Body)).SelectMany(CoBuildingFacts.From)];

    /// <summary>A period's totals as the store makes them: each month's facts added (each id once), the months summed.</summary>
    private static Totals In(Period period, IEnumerable<Fact> facts)
    {
        var months = FactStore.Months(period).ToHashSet();
        return facts.DistinctBy(f => f.Id).Where(f => months.Contains(FactStore.MonthOf(f.At)))
            .GroupBy(f => FactStore.MonthOf(f.At))
            .Select(g => g.Aggregate(Totals.Empty, (t, f) => t.Add(f)))
            .Aggregate(Totals.Empty, (a, b) => a.Plus(b));
    }

    private static IReadOnlyList<AgreementEvent> Activation(Agreement? draft = null)
    {
        var signed = (draft ?? Created()).Sign(Admin, At(1)).Agreement;
        return signed.Countersign(Liaison, At(2)).Events;
    }

    private static DeliveryRecorded Delivered(string id, DateTimeOffset at, Category category = Category.Medical,
        DeliverySource source = DeliverySource.Order) => new(new Delivery(source, id, "d1", "u1", category, at));

    [Fact]
    public void An_activation_makes_each_month_of_the_term_due_pro_rata_in_the_units_district()
    {
        var facts = Facts([.. Activation()]);

        Assert.Equal(12, facts.Count);
        Assert.All(facts, f => Assert.Equal(("u1", "d1", FactKind.AgreementInForce), (f.OrgId, f.DistrictId, f.Kind)));
        var march = facts.Single(f => FactStore.MonthOf(f.At) == "2026-03");
        Assert.Equal(("cba_1", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 365), (march.Agreement!.AgreementId,
            march.Agreement.First, march.Agreement.Last, march.Agreement.TermDays));
        var service = Assert.Single(march.Agreement.Services);   // the funds commitment falls due as no service
        Assert.Equal((0, Category.Medical, 4), (service.Index, service.Category, service.Target));
        Assert.Equal("cba_1|2026-03|until|2026-12-31", march.Id);
    }

    [Theory]
    [InlineData("2026-03", 1, 1.0)]            // due 4 × 31/365 = 0.34: one clinic meets it (capped at what is due)
    [InlineData("2026-02", 0, 0.0)]            // due 0.31, none delivered
    [InlineData("2026-Q1", 1, 1.0)]            // due 4 × 90/365 = 0.99
    [InlineData("2026-Q2", 0, 0.0)]
    [InlineData("2026", 1, 0.25)]              // due 4, one delivered
    public void Fulfilment_is_delivered_over_what_the_period_makes_due(string period, int deliveredInPeriod, double expected)
    {
        var facts = Facts(
        [
            .. Activation(),
            Delivered("ord_march", OnDay(2026, 3, 10)),
            Delivered("ord_legal", OnDay(2026, 3, 11), Category.LegalAid),            // no commitment of that category
            Delivered("ord_before", OnDay(2025, 12, 31, 23)),                          // before the term
        ]);

        var totals = In(P(period), facts);

        Assert.Equal(expected, CoBuilding.Fulfilment(totals), 6);
        Assert.Equal(expected, RankingMath.Raw(Indicator.CommitmentFulfilment, totals), 6);
        Assert.Equal(deliveredInPeriod, totals.Deliveries.Where(d => d.Key.StartsWith("medical|2026", StringComparison.Ordinal))
            .Sum(d => d.Value));
        Assert.True(CoBuilding.Linked(totals));
    }

    [Fact]
    public void Each_commitment_counts_at_most_what_is_due_so_one_delivered_twice_over_does_not_cover_another()
    {
        var draft = Draft with
        {
            Commitments = [.. Draft.Commitments, new Commitment(Category.LegalAid, CommitmentKind.Service, 2, null, "法律咨询每年 2 次")],
        };
        var facts = Facts(
        [
            .. Activation(Create(draft).Agreement),
            .. Enumerable.Range(1, 6).Select(m => Delivered($"ord_m{m}", OnDay(2026, m, 5))),
        ]);

        // Medical: 6 delivered, 4 due → counts 4; legal aid: 0 of 2. (4 + 0) / (4 + 2).
        Assert.Equal(4.0 / 6, CoBuilding.Fulfilment(In(P("2026"), facts)), 6);
    }

    [Fact]
    public void A_termination_stops_the_due_after_its_day_whichever_message_arrives_first()
    {
        var active = Active();
        var terminated = active.Terminate(Admin, OnDay(2026, 6, 30, 18), "单位撤出");
        var deliveries = new IDomainEvent[] { Delivered("ord_a", OnDay(2026, 2, 1)), Delivered("ord_july", OnDay(2026, 7, 1)) };
        var inOrder = Facts([.. Activation(), .. terminated.Events, .. deliveries]);
        var reversed = Facts([.. deliveries, .. terminated.Events, .. Activation()]);

        var year = In(P("2026"), inOrder);
        Assert.Equal(JsonSerializer.Serialize(year, Json.Options), JsonSerializer.Serialize(In(P("2026"), reversed), Json.Options));
        // Due 1 January – 30 June: 4 × 181/365 = 1.98; the July delivery is after the agreement ended.
        Assert.Equal(1 / (4 * 181 / 365.0), CoBuilding.Fulfilment(year), 6);
        Assert.Equal(new DateOnly(2026, 6, 30), year.Agreements["cba_1|2026-06"].Last);
        Assert.True(CoBuilding.Linked(In(P("2026-06"), inOrder)));
        var july = In(P("2026-07"), inOrder);
        Assert.False(CoBuilding.Linked(july));
        Assert.True(double.IsNaN(CoBuilding.Fulfilment(july)));                  // nothing due: no data, not 0 or 1
        Assert.True(july.Participated);                                            // the July delivery is still participation
    }

    [Fact]
    public void Drafts_terminated_unsigned_expiries_and_other_events_make_no_facts()
    {
        Assert.Empty(Facts([.. Create().Events, .. Created().Terminate(Admin, At(3), "不再签署").Events]));
        var ended = Active().Expire(OnDay(2027, 1, 1, 1));
        Assert.Empty(Facts([.. ended.Events]));
        Assert.Empty(Facts([.. ActivityWalk.Create().Events, .. ActivityWalk.Scheduled().Cancel(Admin, ActivityWalk.T0, "下雨").Events]));
    }

    [Fact]
    public void A_closed_activity_counts_once_for_its_organiser_in_the_month_it_started()
    {
        // Started 31 October 23:00 CST, closed on 2 November: October's.
        var draft = ActivityWalk.Draft with
        {
            StartsAt = new DateTimeOffset(2026, 10, 31, 23, 0, 0, China), EndsAt = new DateTimeOffset(2026, 11, 1, 1, 0, 0, China),
        };
        var scheduled = Activity.Create(draft, "act_oct", ["d1", "s1", "u1"], null, CheckinCode.NewSecret(), Admin, ActivityWalk.T0)
            .Activity;
        var closed = scheduled.Close(Admin, new DateTimeOffset(2026, 11, 2, 9, 0, 0, China), verifiedEvidence: 1);
        var facts = Facts([.. closed.Events, .. closed.Events]);                   // the message twice: one fact id

        var fact = Assert.Single(facts.DistinctBy(f => f.Id));
        Assert.Equal(("u1", "d1", FactKind.ActivityClosed, "act_oct", (string?)null), (fact.OrgId, fact.DistrictId, fact.Kind,
            fact.ActivityId, fact.OrderId));
        Assert.Equal(1, RankingMath.Raw(Indicator.ActivityParticipation, In(P("2026-10"), facts)));
        Assert.Equal(0, RankingMath.Raw(Indicator.ActivityParticipation, In(P("2026-11"), facts)));
    }

    [Fact]
    public void A_delivery_names_its_order_or_activity()
    {
        var facts = Facts(Delivered("ord_x", OnDay(2026, 4, 1)), Delivered("act_y", OnDay(2026, 4, 2), source: DeliverySource.Activity));

        Assert.Equal([("order|ord_x|delivered", "ord_x", (string?)null), ("activity|act_y|delivered", null, "act_y")],
            facts.Select(f => (f.Id, f.OrderId, f.ActivityId)));
        Assert.All(facts, f => Assert.Equal((FactKind.Delivered, Category.Medical), (f.Kind, f.Category)));
    }

    [Fact]
    public void Participation_counts_evidence_backed_orders_closed_activities_and_deliveries_but_not_an_agreement_alone()
    {
        var month = P("2026-04");
        var at = OnDay(2026, 4, 8);
        Fact Accepted(bool verified) => new("o|accepted|u1", "u1", FactKind.Accepted, at, "o", verified, 1, 1, DistrictId: "d1");
        var activity = new Fact("act_1|closed", "u1", FactKind.ActivityClosed, at, null, true, DistrictId: "d1", ActivityId: "act_1");
        var delivery = Facts(Delivered("act_2", at, source: DeliverySource.Activity));

        Assert.False(In(month, [Accepted(verified: false)]).Participated);
        Assert.False(In(month, Facts([.. Activation()])).Participated);           // committed, nothing done
        Assert.True(In(month, [Accepted(verified: true)]).Participated);
        Assert.True(In(month, [activity]).Participated);
        Assert.True(In(month, delivery).Participated);

        IReadOnlyList<IndicatorWeight> weights =
        [
            new(Indicator.CommitmentFulfilment, 0.5, Direction.Higher), new(Indicator.ActivityParticipation, 0.5, Direction.Higher),
        ];
        var ranked = RankingMath.Rank(PeerGroup.NonPublicEnterprise, weights,
        [
            new Candidate("u_active", "甲", PeerGroup.NonPublicEnterprise, "s1", In(month, [activity])),
            new Candidate("u_idle", "乙", PeerGroup.NonPublicEnterprise, "s1", In(month, Facts([.. Activation()]))),
        ]);
        Assert.Equal([("u_active", 1, true), ("u_idle", (int?)null, false)], ranked.Select(r => (r.OrgId, r.Rank, r.Eligible)));
        Assert.DoesNotContain(ranked.SelectMany(r => r.Indicators), i => i.Note == RankingMath.NotAvailable);
        // The active unit has no agreement: its fulfilment is "no data"; the idle one's is 0 of what was due.
        Assert.Equal([RankingMath.NoData, null], ranked.Select(r => r.Indicators[0].Note));
        Assert.Equal([0.0, 0.0], ranked.Select(r => r.Indicators[0].Raw));
    }
}
