using System.Globalization;
using RedYifang.Functions.Agreements;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;
using static RedYifang.Rules.Tests.Agreements.AgreementWalk;

namespace RedYifang.Rules.Tests.Agreements;

/// <summary>
/// What Agreements makes of events: a delivery from each accepted order with verified evidence served by a unit (and from no
/// other order event), and its published contract (agreement.stateChanged, agreement.renewalDue) with exact bodies.
/// </summary>
public sealed class AgreementTranslationTests
{
    private static readonly DateTimeOffset OrderT0 = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    private static Order Completed() => Order.Submit(
            new NewOrder
            {
                Level = OrderLevel.Community, Title = "义诊", Category = Category.Medical, Description = "社区义诊", Beneficiaries = 30,
                Urgency = Urgency.Normal,
            },
            "ord_1", ["d1", "s1", "c1"], "usr_resident", OrderT0)
        .Then(o => o.Apply(OrderAction.Publish, "usr_admin", OrderT0.AddMinutes(10)))
        .Then(o => o.Match(new ProjectAgreement("agr_1", "res_1", "org_u", "usr_admin", OrderT0.AddMinutes(20))))
        .Then(o => o.Apply(OrderAction.Agree, "usr_liaison", OrderT0.AddMinutes(30)))
        .Then(o => o.Apply(OrderAction.Start, "usr_liaison", OrderT0.AddMinutes(40)))
        .Then(o => o.Complete(new Completion(["evd_1"], 2m, 30, OrderT0.AddMinutes(50)), "usr_liaison"))
        .Order;

    [Fact]
    public void An_order_accepted_with_verified_evidence_is_a_delivery_of_the_unit_that_served_it()
    {
        var accepted = Completed().Accept("usr_admin", OrderT0.AddMinutes(60), evidenceVerified: true);

        var message = Assert.Single(new DeliveryTranslator().Translate(accepted.Events[0]));

        Assert.Equal(
            new OutboxMessage(Delivery.Queue,
                new Delivery(DeliverySource.Order, "ord_1", "d1", "org_u", Category.Medical, OrderT0.AddMinutes(60))),
            message);
    }

    [Fact]
    public void No_other_order_event_is_a_delivery()
    {
        var completed = Completed();
        var accepted = completed.Accept("usr_admin", OrderT0.AddMinutes(60), evidenceVerified: true).Order;
        var reopened = completed.Apply(OrderAction.Reopen, "usr_admin", OrderT0.AddMinutes(60), "照片不清");
        IDomainEvent[] others =
        [
            completed.Accept("usr_admin", OrderT0.AddMinutes(60), evidenceVerified: false).Events[0],
            reopened.Events[0],
            reopened.Order.Complete(new Completion(["evd_2"], 1m, 3, OrderT0.AddMinutes(65)), "usr_liaison").Events[0],
            accepted.Rate(new Rating(5, null, OrderT0.AddMinutes(70)), "usr_resident").Events[0],
        ];

        Assert.All(others, e => Assert.Empty(new DeliveryTranslator().Translate(e)));
    }

    /// <summary>The integration messages of a change as "id type at data".</summary>
    private static string[] Integration(AgreementChange change) =>
    [
        .. change.Events.SelectMany(e => new AgreementIntegrationEvents().Translate(e)).Select(m =>
        {
            Assert.Equal(IntegrationEvent.Queue, m.Queue);
            var i = Assert.IsType<IntegrationEvent>(m.Body);
            return $"{i.Id} {i.Type} {i.At.ToString("O", CultureInfo.InvariantCulture)} {i.Data.GetRawText()}";
        }),
    ];

    private const string Parties =
        "\"agreementId\":\"cba_1\",\"districtId\":\"d1\",\"partyOrgId\":\"s1\",\"unitId\":\"u1\",\"termFrom\":\"2026-01-01\",\"termTo\":\"2026-12-31\"";

    private static string Changed(string suffix, DateTimeOffset at, string? from, string to) =>
        $"cba_1-{suffix} agreement.stateChanged {at.ToString("O", CultureInfo.InvariantCulture)} " +
        $"{{{Parties},\"from\":{(from is null ? "null" : $"\"{from}\"")},\"to\":\"{to}\"}}";

    private static string Signed(string side, DateTimeOffset at, string state) =>
        $"cba_1-signed-{side} agreement.signed {at.ToString("O", CultureInfo.InvariantCulture)} " +
        $"{{{Parties},\"side\":\"{side}\",\"state\":\"{state}\"}}";

    [Fact]
    public void A_delivery_recorded_is_published_once_by_what_it_records()
    {
        var delivery = new Delivery(DeliverySource.Activity, "act_1", "d1", "org_u", Category.Medical, OrderT0);
        var message = Assert.Single(new AgreementIntegrationEvents().Translate(new DeliveryRecorded(delivery)));
        var i = Assert.IsType<IntegrationEvent>(message.Body);
        Assert.Equal(("act_1-delivery", "agreement.deliveryRecorded", 1), (i.Id, i.Type, i.DataVersion));
        Assert.Equal(
            "{\"districtId\":\"d1\",\"unitId\":\"org_u\",\"source\":\"activity\",\"sourceId\":\"act_1\",\"category\":\"medical\"," +
            "\"at\":\"2026-11-02T01:00:00+00:00\"}",
            i.Data.GetRawText());
    }

    [Fact]
    public void State_changes_signatures_and_the_renewal_notice_are_published_without_personal_data()
    {
        var signed = Created().Sign(Admin, At(1));
        var activated = signed.Agreement.Countersign(Liaison, At(2));
        var noticed = activated.Agreement.NoteRenewalDue(OnDay(2026, 12, 5));
        var expired = noticed.Agreement.Expire(OnDay(2027, 1, 1, 0));

        Assert.Equal([Changed("draft", T0, null, "draft")], Integration(Create()));
        Assert.Equal([Signed("party", At(1), "draft")], Integration(signed));          // a side signed: no state change
        Assert.Equal([Signed("unit", At(2), "active"), Changed("active", At(2), "draft", "active")], Integration(activated));
        Assert.Equal(
            [$"cba_1-renewalDue agreement.renewalDue {OnDay(2026, 12, 5).ToString("O", CultureInfo.InvariantCulture)} {{{Parties}}}"],
            Integration(noticed));
        Assert.Equal([Changed("expired", OnDay(2027, 1, 1, 0), "active", "expired")], Integration(expired));
        Assert.Equal([Changed("terminated", At(3), "draft", "terminated")], Integration(Created().Terminate(Admin, At(3), "联络员张三离职")));
        Assert.DoesNotContain(Liaison, string.Concat(Integration(activated)));
        Assert.DoesNotContain("张三", string.Concat(Integration(Created().Terminate(Admin, At(3), "联络员张三离职"))));
    }
}
