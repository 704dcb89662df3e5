using System.Globalization;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Matching;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Resources;
using static RedYifang.Rules.Tests.Orders.OrderWalk;

namespace RedYifang.Rules.Tests.Orders;

/// <summary>
/// What each translator makes of each event: Matching's (queues match-requests and order-events), Assessment's
/// (assessment-facts) and Orders' integration events (integration-events), with the exact message bodies.
/// </summary>
public sealed class EventTranslationTests
{
    private const string CancelReason = "不需要了";

    private static readonly Screening Held = new(ScreeningState.Pending, ScreeningReason.Review, "21000");

    private static readonly Dictionary<string, Func<IDomainEvent>> Events = new()
    {
        ["submitted"] = () => Submit().Events[0],
        ["published"] = () => Submitted().Apply(OrderAction.Publish, Admin, At(10)).Events[0],
        ["rejected"] = () => Submitted().Apply(OrderAction.Reject, Admin, At(10), "重复").Events[0],
        ["claimed"] = () => Published().Claim(new OrderClaim("org_u", "res_1", Liaison, At(15))).Events[0],
        ["claim rejected"] = () => Published().Claim(new OrderClaim("org_u", "res_1", Liaison, At(15))).Order
            .RejectClaim("org_u", Admin, At(18), "资源不符").Events[0],
        ["matched"] = () => Published().Match(Agreement).Events[0],
        ["agreed"] = () => Matched().Apply(OrderAction.Agree, Liaison, At(30)).Events[0],
        ["started"] = () => Agreed().Apply(OrderAction.Start, Liaison, At(40)).Events[0],
        ["completed"] = () => InProgress().Complete(FirstCompletion, Liaison).Events[0],
        ["reopened"] = () => Completed().Apply(OrderAction.Reopen, Admin, At(55), "照片不清晰").Events[0],
        ["completed again"] = () => Reopened().Complete(SecondCompletion, Liaison).Events[0],
        ["accepted, verified"] = () => Completed().Accept(Admin, At(60), evidenceVerified: true).Events[0],
        ["accepted, not verified"] = () => Completed().Accept(Admin, At(60), evidenceVerified: false).Events[0],
        ["rated"] = () => Accepted().Rate(FourStars, Resident).Events[0],
        ["cancelled before publishing"] = () => Submitted().Apply(OrderAction.Cancel, Resident, At(45), CancelReason).Events[0],
        ["cancelled after publishing"] = () => Published().Apply(OrderAction.Cancel, Resident, At(45), CancelReason).Events[0],
        ["cancelled when matched"] = () => Matched().Apply(OrderAction.Cancel, Admin, At(45), CancelReason).Events[0],
        ["cancelled when agreed"] = () => Agreed().Apply(OrderAction.Cancel, Resident, At(45), CancelReason).Events[0],
        ["expired"] = () => Published().Apply(OrderAction.Expire, "system", At(100), "无人认领，已过期").Events[0],
        ["declined when agreed"] = () => Agreed().Decline(Liaison, At(35), "人手不足").Events[0],
        // The follow-up eight days after acceptance (minute 60), the re-acceptance, and the closing 31 days after acceptance.
        ["followed up, fixed"] = () => Accepted().FollowUpBy(true, null, Resident, At(FollowUp), 7).Events[0],
        ["followed up, not fixed"] = () => NotFixed().Events[0],
        ["accepted again"] = () => NotFixed().Order.Complete(SecondCompletion with { At = At(FollowUp + 20) }, Liaison).Order
            .Accept(Admin, At(FollowUp + 40), evidenceVerified: true).Events[0],
        ["closed unrated"] = () => Accepted().CloseUnrated(At(Closing), 30).Events[0],
        // A title held for review, hidden by the community's admin at minute 12 (OrderModeration.Decide).
        ["text hidden"] = () => OrderModeration.Decide(Submitted() with { Moderation = Held }, ContentKind.OrderText,
            Held with { State = ScreeningState.Hidden, DecidedBy = Admin, DecidedAt = At(12) })!.Events[0],
        ["resource published"] = () => Resource().Apply(ResourceAction.Publish, At(5)).Event,
        ["resource paused"] = () =>
            Resource().Apply(ResourceAction.Publish, At(5)).Resource.Apply(ResourceAction.Pause, At(6)).Event,
    };

    private const int FollowUp = 60 + (8 * 1440);
    private const int Closing = 60 + (31 * 1440);

    private static OrderChange NotFixed() => Accepted().FollowUpBy(false, "又坏了", Resident, At(FollowUp), 7);

    public static TheoryData<string> EveryEvent() => [.. Events.Keys];

    private static Resource Resource() => new()
    {
        Id = "res_1", UnitId = "org_u", UnitPath = ["d1", "s1", "org_u"], Title = "陪护", Category = Category.ElderlyCare,
        Description = "d", Kind = ResourceKind.Service, AreaIds = ["s1"], MonthlyCapacity = 5, ValidFrom = new DateOnly(2026, 1, 1),
        ValidTo = new DateOnly(2026, 12, 31), State = ResourceState.Draft, CreatedAt = T0, UpdatedAt = T0,
    };

    private static OutboxMessage Request(string reason) => new("match-requests", new MatchRequest("order", "ord_1", reason));

    private static OutboxMessage UnitFact(OrderFactKind kind, int minutes, int stars = 0, string? agreement = null) =>
        new("order-events", new OrderFact("org_u", "ord_1", kind, stars, At(minutes), agreement));

    [Theory]
    [MemberData(nameof(EveryEvent))]
    public void Matching_recomputes_suggestions_when_an_order_opens_or_closes_and_records_what_its_unit_did(string name)
    {
        OutboxMessage[] expected = name switch
        {
            "published" => [Request("published")],
            "matched" => [UnitFact(OrderFactKind.Matched, 20, agreement: "agr_1")],
            // Published again: ranked anew; the unit's record counts the decline of this agreement.
            "declined when agreed" => [Request("declined"), UnitFact(OrderFactKind.Declined, 35, agreement: "agr_1")],
            "completed" => [UnitFact(OrderFactKind.Completed, 50)],       // the first completion only
            "reopened" => [UnitFact(OrderFactKind.Reopened, 55)],
            "followed up, not fixed" => [UnitFact(OrderFactKind.Reopened, FollowUp)],   // the resident's reopening counts too
            "rated" => [UnitFact(OrderFactKind.Rated, 70, stars: 4)],
            "cancelled before publishing" or "cancelled after publishing" => [Request("cancelled")],
            "cancelled when matched" or "cancelled when agreed" => [Request("cancelled"), UnitFact(OrderFactKind.Released, 45)],
            "expired" => [Request("expired")],
            "resource published" => [new("match-requests", new MatchRequest("resource", "res_1", "publish"))],
            "resource paused" => [new("match-requests", new MatchRequest("resource", "res_1", "pause"))],
            "submitted" or "rejected" or "claimed" or "agreed" or "started" or "completed again" or "accepted, verified"
                or "accepted, not verified" or "claim rejected" or "followed up, fixed" or "accepted again" or "closed unrated"
                or "text hidden" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        Assert.Equal(expected, new MatchingTranslator().Translate(Events[name]()));
    }

    private static OrderSnapshot Snapshot(
        string? unit = null,
        decimal? hours = null,
        int? beneficiaries = null,
        int? stars = null) => new()
        {
            Id = "ord_1", CommunityId = "c1", DistrictId = "d1", UnitId = unit, AgreementId = unit is null ? null : "agr_1", CreatedAt = T0,
            ServiceHours = hours, Beneficiaries = beneficiaries, Stars = stars, Household = OrderWalk.Resident,
        };

    private static OutboxMessage Fact(FactKind kind, int minutes, OrderSnapshot order, bool verified = false) =>
        new("assessment-facts", new AssessmentEvent(kind, At(minutes), order, verified));

    [Theory]
    [MemberData(nameof(EveryEvent))]
    public void Assessment_records_the_events_it_counts_with_a_snapshot_of_the_order(string name)
    {
        OutboxMessage[] expected = name switch
        {
            "published" => [Fact(FactKind.Published, 10, Snapshot())],
            "matched" => [Fact(FactKind.Matched, 20, Snapshot("org_u"))],
            "reopened" => [Fact(FactKind.Reopened, 55, Snapshot("org_u", 3.5m, 12))],
            // The evidence rule: the acceptance says whether every piece of its evidence was verified.
            "accepted, verified" => [Fact(FactKind.Accepted, 60, Snapshot("org_u", 3.5m, 12), verified: true)],
            "accepted, not verified" => [Fact(FactKind.Accepted, 60, Snapshot("org_u", 3.5m, 12), verified: false)],
            "rated" => [Fact(FactKind.Rated, 70, Snapshot("org_u", 3.5m, 12, stars: 4))],
            "followed up, not fixed" => [Fact(FactKind.Reopened, FollowUp, Snapshot("org_u", 3.5m, 12))],
            // Closed without a rating: a kind of its own, so satisfaction (rated facts) is not touched.
            "closed unrated" => [Fact(FactKind.ClosedUnrated, Closing, Snapshot("org_u", 3.5m, 12))],
            "cancelled after publishing" => [Fact(FactKind.Lapsed, 45, Snapshot())],
            "cancelled when matched" or "cancelled when agreed" => [Fact(FactKind.Lapsed, 45, Snapshot("org_u"))],
            "expired" => [Fact(FactKind.Lapsed, 100, Snapshot())],
            // The order has lost its agreement; the snapshot names the unit and agreement it was declined from.
            "declined when agreed" => [Fact(FactKind.Declined, 35, Snapshot("org_u"))],
            "submitted" or "rejected" or "claimed" or "agreed" or "started" or "completed" or "completed again"
                or "cancelled before publishing" or "resource published" or "resource paused" or "followed up, fixed"
                or "accepted again" or "claim rejected" or "text hidden" => [],   // the first acceptance counts, once
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        Assert.Equal(expected, new AssessmentTranslator().Translate(Events[name]()));
    }

    /// <summary>The one integration message as "id type at data", or nothing.</summary>
    private static string[] Integration(IDomainEvent e) =>
    [
        .. new OrderIntegrationEvents().Translate(e).Select(m =>
        {
            Assert.Equal(IntegrationEvent.Queue, m.Queue);
            var i = Assert.IsType<IntegrationEvent>(m.Body);
            return $"{i.Id} {i.Type} {i.At.ToString("O", CultureInfo.InvariantCulture)} {i.Data.GetRawText()}";
        }),
    ];

    private static string Changed(int step, int minutes, string? from, string to, string? unit) =>
        $"ord_1-{step} order.stateChanged {At(minutes).ToString("O", CultureInfo.InvariantCulture)} " +
        "{\"orderId\":\"ord_1\",\"communityId\":\"c1\",\"category\":\"elderlyCare\",\"level\":\"community\"," +
        $"\"from\":{Quoted(from)},\"to\":\"{to}\",\"unitId\":{Quoted(unit)}}}";

    private static string Quoted(string? text) => text is null ? "null" : $"\"{text}\"";

    [Theory]
    [MemberData(nameof(EveryEvent))]
    public void Orders_publish_every_transition_with_an_id_that_counts_the_history_and_no_personal_data(string name)
    {
        string[] expected = name switch
        {
            "submitted" => [Changed(1, 0, null, "submitted", null)],
            "published" => [Changed(2, 10, "submitted", "published", null)],
            "rejected" => [Changed(2, 10, "submitted", "rejected", null)],
            "matched" => [Changed(3, 20, "published", "matched", "org_u")],
            "agreed" => [Changed(4, 30, "matched", "agreed", "org_u")],
            "started" => [Changed(5, 40, "agreed", "inProgress", "org_u")],
            "completed" => [Changed(6, 50, "inProgress", "completed", "org_u")],
            "reopened" => [Changed(7, 55, "completed", "inProgress", "org_u")],
            "completed again" => [Changed(8, 58, "inProgress", "completed", "org_u")],
            "accepted, verified" or "accepted, not verified" => [Changed(7, 60, "completed", "accepted", "org_u")],
            "rated" => [Changed(8, 70, "accepted", "closed", "org_u")],
            "cancelled before publishing" => [Changed(2, 45, "submitted", "cancelled", null)],
            "cancelled after publishing" => [Changed(3, 45, "published", "cancelled", null)],
            "cancelled when matched" => [Changed(4, 45, "matched", "cancelled", "org_u")],
            "cancelled when agreed" => [Changed(5, 45, "agreed", "cancelled", "org_u")],
            "expired" => [Changed(3, 100, "published", "expired", null)],
            "declined when agreed" => [Changed(5, 35, "agreed", "published", "org_u")],
            "claim rejected" => [Changed(3, 18, "published", "published", "org_u")],   // still published, naming the unit
            "followed up, not fixed" => [Changed(8, FollowUp, "accepted", "inProgress", "org_u")],
            "accepted again" => [Changed(10, FollowUp + 40, "completed", "accepted", "org_u")],
            "closed unrated" => [Changed(8, Closing, "accepted", "closed", "org_u")],
            // A claim, and a follow-up that confirms the work, are no transition: types of their own.
            "claimed" => [$"ord_1-claim-org_u-{At(15).ToUnixTimeMilliseconds()} order.claimed " +
                $"{At(15).ToString("O", CultureInfo.InvariantCulture)} " +
                "{\"orderId\":\"ord_1\",\"communityId\":\"c1\",\"category\":\"elderlyCare\",\"level\":\"community\"," +
                "\"unitId\":\"org_u\",\"resourceId\":\"res_1\"}"],
            "followed up, fixed" => [$"ord_1-followUp order.followUpConfirmed {At(FollowUp).ToString("O", CultureInfo.InvariantCulture)} " +
                "{\"orderId\":\"ord_1\",\"communityId\":\"c1\",\"category\":\"elderlyCare\",\"level\":\"community\"," +
                "\"unitId\":\"org_u\"}"],
            // An admin's decision on a text: the text's state, never the text.
            "text hidden" => [$"ord_1-orderText-hidden-{At(12).ToUnixTimeMilliseconds()} order.moderated " +
                $"{At(12).ToString("O", CultureInfo.InvariantCulture)} " +
                "{\"orderId\":\"ord_1\",\"communityId\":\"c1\",\"category\":\"elderlyCare\",\"level\":\"community\"," +
                "\"content\":\"orderText\",\"from\":\"pending\",\"state\":\"hidden\",\"reason\":\"review\",\"label\":\"21000\"," +
                "\"decidedBy\":\"adm_c\",\"decidedAt\":\"2026-11-02T01:12:00+00:00\"}"],
            "resource published" or "resource paused" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        Assert.Equal(expected, Integration(Events[name]()));
    }

    [Fact]
    public void Every_case_above_is_a_distinct_event_kind_or_variant()
    {
        // The theories above name each event; this keeps the table honest: every OrderEvent kind appears in it.
        var kinds = Events.Values.Select(e => e()).OfType<OrderEvent>().Select(e => e.GetType().Name).Distinct().Order();
        var all = typeof(OrderEvent).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(OrderEvent))).Select(t => t.Name).Order();
        Assert.Equal(all, kinds);
    }
}
