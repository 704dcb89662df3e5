using RedYifang.Functions.Orders;
using RedYifang.Functions.PartyMembers;
using RedYifang.Functions.Platform.Events;
using static RedYifang.Rules.Tests.Orders.OrderWalk;

namespace RedYifang.Rules.Tests.PartyMembers;

/// <summary>
/// What the points ledger makes of order events (PartyMembers/OrderServedTranslator.cs): one message on queue
/// party-member-orders per person an order accepted with verified evidence names as having served it, in the order's district
/// at the acceptance's instant; nothing from any other order event, nor from a completion that names nobody.
/// </summary>
public sealed class OrderServedTranslationTests
{
    private static Order CompletedBy(params string[] servedBy) =>
        InProgress().Complete(FirstCompletion with { ServedBy = servedBy }, Liaison).Order;

    private static IEnumerable<OutboxMessage> Translate(IDomainEvent e) => new OrderServedTranslator().Translate(e);

    [Fact]
    public void An_order_accepted_with_verified_evidence_sends_one_message_for_each_person_who_served_it()
    {
        var accepted = CompletedBy("usr_a", "usr_b").Accept(Admin, At(60), evidenceVerified: true);

        Assert.Equal(
            [
                new OutboxMessage("party-member-orders", new OrderServedMessage("ord_1", "d1", "usr_a", At(60))),
                new OutboxMessage("party-member-orders", new OrderServedMessage("ord_1", "d1", "usr_b", At(60))),
            ],
            Translate(accepted.Events[0]));
    }

    [Fact]
    public void No_other_order_event_and_no_completion_naming_nobody_sends_anything()
    {
        var completed = InProgress().Complete(FirstCompletion with { ServedBy = ["usr_a"] }, Liaison);
        var reopened = completed.Order.Apply(OrderAction.Reopen, Admin, At(55), "照片不清晰");
        var accepted = completed.Order.Accept(Admin, At(60), evidenceVerified: true).Order;
        IDomainEvent[] others =
        [
            completed.Events[0],
            reopened.Events[0],
            reopened.Order.Complete(SecondCompletion with { ServedBy = ["usr_a"] }, Liaison).Events[0],
            completed.Order.Accept(Admin, At(60), evidenceVerified: false).Events[0],
            accepted.Rate(FourStars, Resident).Events[0],
            Completed().Accept(Admin, At(60), evidenceVerified: true).Events[0],       // a completion stored before servedBy
        ];

        Assert.All(others, e => Assert.Empty(Translate(e)));
    }

    [Fact]
    public void A_message_naming_something_that_is_not_an_id_is_refused_for_the_poison_queue()
    {
        new OrderServedMessage("ord_1", "org_d1", "usr_a", At(60)).Check();
        Assert.Throws<InvalidDataException>(() => new OrderServedMessage("ord 1", "org_d1", "usr_a", At(60)).Check());
        Assert.Throws<InvalidDataException>(() => new OrderServedMessage("ord_1", "org_d1", "", At(60)).Check());
        Assert.Throws<InvalidDataException>(() => new OrderServedMessage("ord_1", "d1", "usr_a", At(60)).Check());
    }
}
