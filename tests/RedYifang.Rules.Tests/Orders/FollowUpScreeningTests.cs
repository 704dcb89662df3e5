using System.Text.Json.Nodes;
using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Platform.Security;
using static RedYifang.Rules.Tests.Orders.OrderWalk;

namespace RedYifang.Rules.Tests.Orders;

/// <summary>
/// The resident's follow-up comment as screened content (docs/content-security.md): held with the follow-up's event for the
/// community's admins, stood in for to all but its author and admins — on the follow-up and in the history's reason — and an
/// admin's decision on any of an order's texts published once per change of state (<c>order.moderated</c>, docs/events.md).
/// </summary>
public sealed class FollowUpScreeningTests
{
    private const int FollowUp = 60 + (8 * 1440);
    private static readonly Screening Review = new(ScreeningState.Pending, ScreeningReason.Review, "21000");
    private static readonly Caller Owner = new(Resident, []);
    private static readonly Caller CommunityAdmin = new(Admin, [new RoleGrant(Role.CommunityAdmin, "c1")]);
    private static readonly Caller UnitLiaison = new(Liaison, [new RoleGrant(Role.Liaison, "org_u")]);

    private static OrderChange Answer(bool isFixed, Screening? screening) =>
        Accepted().FollowUpBy(isFixed, "又坏了", Resident, At(FollowUp), 7, screening);

    [Fact]
    public void A_held_follow_up_comment_is_listed_with_either_answer_and_a_passed_one_or_an_admins_reopening_is_not()
    {
        foreach (var isFixed in new[] { true, false })
        {
            var held = Assert.Single(Assert.IsAssignableFrom<IHoldsContent>(Answer(isFixed, Review).Events[0]).Held);
            Assert.Equal((ContentKind.FollowUpComment, "ord_1", "c1", Resident, "又坏了", Review, At(FollowUp)),
                (held.Kind, held.OwnerKey, held.ScopeOrgId, held.AuthorId, held.Text, held.Screening, held.At));
            Assert.DoesNotContain(Assert.IsAssignableFrom<IHoldsContent>(Answer(isFixed, Screening.Pass).Events[0]).Held,
                h => h.Screening.AwaitsDecision);
        }
        Assert.Empty(Assert.IsAssignableFrom<IHoldsContent>(
            Completed().Apply(OrderAction.Reopen, Admin, At(55), "照片不清晰").Events[0]).Held);
    }

    [Fact]
    public void A_held_follow_up_comment_is_stood_in_for_on_the_follow_up_and_in_the_historys_reason_but_to_its_author_and_admins()
    {
        var order = Answer(isFixed: false, Review).Order;

        var unit = OrderView.For(UnitLiaison, order);
        Assert.Equal(("（内容审核中）", "居民回访：问题未解决。（内容审核中）"), (unit.FollowUp!.Comment, unit.History[^1].Reason));
        Assert.Equal(order.History.SkipLast(1), unit.History.SkipLast(1));                        // other steps' reasons untouched
        foreach (var sees in new[] { Owner, CommunityAdmin })
        {
            var view = OrderView.For(sees, order);
            Assert.Equal(("又坏了", "居民回访：问题未解决。又坏了"), (view.FollowUp!.Comment, view.History[^1].Reason));
        }
        var hidden = order with { FollowUp = order.FollowUp! with { Moderation = Review with { State = ScreeningState.Hidden } } };
        Assert.Equal("居民回访：问题未解决。（内容已隐藏）", OrderView.For(UnitLiaison, hidden).History[^1].Reason);
        var approved = order with { FollowUp = order.FollowUp! with { Moderation = Review with { State = ScreeningState.Approved } } };
        Assert.Equal("居民回访：问题未解决。又坏了", OrderView.For(UnitLiaison, approved).History[^1].Reason);
    }

    [Fact]
    public void An_admins_decision_that_changes_a_texts_state_is_published_once_and_the_same_decision_again_raises_nothing()
    {
        var order = Answer(isFixed: false, Review).Order;
        var approve = Review with { State = ScreeningState.Approved, DecidedBy = Admin, DecidedAt = At(FollowUp + 60) };

        var approved = OrderModeration.Decide(order, ContentKind.FollowUpComment, approve)!;
        var again = OrderModeration.Decide(approved.Order, ContentKind.FollowUpComment, approve with { DecidedAt = At(FollowUp + 90) })!;
        var hidden = OrderModeration.Decide(again.Order, ContentKind.FollowUpComment,
            approve with { State = ScreeningState.Hidden, DecidedAt = At(FollowUp + 120) })!;

        Assert.Equal(ScreeningState.Approved, approved.Order.FollowUp!.Moderation!.State);
        Assert.Empty(again.Events);                                                              // written, not published
        Assert.Null(OrderModeration.Decide(again.Order, ContentKind.FollowUpComment, again.Order.FollowUp!.Moderation!));
        Assert.Null(OrderModeration.Decide(Accepted(), ContentKind.RatingComment, approve));       // no rating to decide on
        var published = new[] { approved, hidden }.Select(c => Assert.IsType<IntegrationEvent>(
            Assert.Single(new OrderIntegrationEvents().Translate(Assert.Single(c.Events))).Body)).ToList();
        Assert.Equal(
            [
                $"ord_1-followUpComment-approved-{At(FollowUp + 60).ToUnixTimeMilliseconds()} order.moderated",
                $"ord_1-followUpComment-hidden-{At(FollowUp + 120).ToUnixTimeMilliseconds()} order.moderated",
            ],
            published.Select(e => $"{e.Id} {e.Type}"));
        Assert.Equal(("pending", "approved", Admin), (published[0].Data.GetProperty("from").GetString(),
            published[0].Data.GetProperty("state").GetString(), published[0].Data.GetProperty("decidedBy").GetString()));
        Assert.Equal(At(FollowUp + 120), published[1].At);
        Assert.All(published, e =>
        {
            Assert.DoesNotContain("又坏了", e.Data.GetRawText());
            Assert.DoesNotContain(Resident, e.Data.GetRawText());
            Assert.Empty(EventCatalogueDoc.Current.Sections[e.Type].Misfits(JsonNode.Parse(e.Data.GetRawText())!.AsObject()));
        });
    }
}
