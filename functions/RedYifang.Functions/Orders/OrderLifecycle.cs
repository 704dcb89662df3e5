using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Orders;

/// <summary>The order state machine of domain.md: which action moves an order from which states, and to where.</summary>
public static class OrderLifecycle
{
    private static readonly Dictionary<OrderAction, (OrderState[] From, OrderState To)> Transitions = new()
    {
        [OrderAction.Publish] = ([OrderState.Submitted], OrderState.Published),
        [OrderAction.Reject] = ([OrderState.Submitted], OrderState.Rejected),
        [OrderAction.Cancel] = ([OrderState.Submitted, OrderState.Published, OrderState.Matched, OrderState.Agreed], OrderState.Cancelled),
        [OrderAction.Match] = ([OrderState.Published], OrderState.Matched),
        [OrderAction.Agree] = ([OrderState.Matched], OrderState.Agreed),
        [OrderAction.Start] = ([OrderState.Agreed], OrderState.InProgress),
        [OrderAction.Complete] = ([OrderState.InProgress], OrderState.Completed),
        [OrderAction.Accept] = ([OrderState.Completed], OrderState.Accepted),
        [OrderAction.Reopen] = ([OrderState.Completed], OrderState.InProgress),
        [OrderAction.Rate] = ([OrderState.Accepted], OrderState.Closed),
        [OrderAction.Expire] = ([OrderState.Published], OrderState.Expired),
        [OrderAction.Decline] = ([OrderState.Matched, OrderState.Agreed], OrderState.Published),
        [OrderAction.FollowUpReopen] = ([OrderState.Accepted], OrderState.InProgress),
        [OrderAction.CloseUnrated] = ([OrderState.Accepted], OrderState.Closed),
    };

    /// <summary>The photos the order's owner may attach to it (issue 17).</summary>
    public const int MaxOwnerPhotos = 9;

    /// <summary>The owner adds photos while the order is reviewed or waits for a unit; after that the unit's evidence tells the story.</summary>
    public static bool OwnerAddsPhotosIn(OrderState state) => state is OrderState.Submitted or OrderState.Published;

    /// <summary>
    /// The resident's follow-up ("is it fixed?", issue 17): once per order, while it is accepted and unrated, from
    /// <paramref name="afterDays"/> days after its (last) acceptance. Refusals are 409s the caller can tell apart.
    /// </summary>
    public static void CheckFollowUp(Order order, DateTimeOffset at, int afterDays)
    {
        if (order.FollowUp is not null)
        {
            throw new InvalidTransitionException("follow_up_done", new("已回访过", "The follow-up was already given"),
                new("每个订单只能回访一次。", "An order is followed up once."));
        }
        if (order.State != OrderState.Accepted) throw InvalidTransition(OrderAction.FollowUpReopen, order.State);
        if (order.AcceptedAt is not { } accepted || at < accepted.AddDays(afterDays))
        {
            throw new InvalidTransitionException("follow_up_not_due", new("尚未到回访时间", "The follow-up is not due yet"),
                new LocalizedText("验收 {0} 天后才能回访。", "The follow-up opens {0} days after acceptance.").Format(afterDays));
        }
    }

    /// <summary>
    /// A matched order whose unit has not agreed within <paramref name="withinDays"/> days of the match lapses: it goes back to
    /// the pool by the system, a decline in the unit's record (Orders/LapseUnansweredMatches.cs).
    /// </summary>
    public static bool LapsesUnanswered(Order order, DateTimeOffset now, int withinDays) =>
        order.State == OrderState.Matched && order.Agreement is { } agreement && now >= agreement.At.AddDays(withinDays);

    /// <summary>The reason a lapsed match gives in the order's history and the unit's message.</summary>
    public static string LapseReason(int withinDays) => $"单位 {withinDays} 天内未确认接单，已退回重新匹配";

    /// <summary>An accepted order left unrated for <paramref name="afterDays"/> days since its (last) acceptance closes.</summary>
    public static bool ClosesUnrated(Order order, DateTimeOffset now, int afterDays) =>
        order.State == OrderState.Accepted && order.AcceptedAt is { } accepted && now >= accepted.AddDays(afterDays);

    public static IReadOnlyCollection<OrderState> AllowedFrom(OrderAction action) => Transitions[action].From;

    public static OrderState Target(OrderAction action, OrderState from) =>
        Transitions[action].From.Contains(from) ? Transitions[action].To : throw InvalidTransition(action, from);

    public static InvalidTransitionException InvalidTransition(OrderAction action, OrderState from) =>
        new( "invalid_transition",
            new("订单当前状态不允许此操作", "The order's state does not allow this"),
            new LocalizedText("订单处于 {0} 状态，不能执行 {1}。", "The order is {0}; it cannot be {1}.")
                .Format(EnumText.ToText(from), EnumText.ToText(action)));
}
