using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Orders;

/// <summary>
/// What happened to an order. Each event carries the order as it is after the event, so a consumer needs no read
/// of the order; translators in Matching, Assessment and Orders' integration events turn them into messages.
/// </summary>
public abstract record OrderEvent(Order Order) : IDomainEvent
{
    public DateTimeOffset At => Order.UpdatedAt;

    /// <summary>The last step of the order's history: the transition this event records.</summary>
    public HistoryEntry Step => Order.History[^1];

    /// <summary>A new order; its title and description, when held for review, are listed for the community's admins.</summary>
    public sealed record Submitted(Order Order) : OrderEvent(Order), IHoldsContent
    {
        public IEnumerable<HeldContent> Held => OrderModeration.TextOf(Order);
    }

    public sealed record Published(Order Order) : OrderEvent(Order);

    public sealed record Rejected(Order Order) : OrderEvent(Order);

    public sealed record Claimed(Order Order, OrderClaim Claim) : OrderEvent(Order);

    /// <summary>The community turned the unit's claim down (the order stays published; the reason is in the history).</summary>
    public sealed record ClaimRejected(Order Order, OrderClaim Claim) : OrderEvent(Order);

    public sealed record Matched(Order Order, ProjectAgreement Agreement) : OrderEvent(Order);

    public sealed record Agreed(Order Order) : OrderEvent(Order);

    public sealed record Started(Order Order) : OrderEvent(Order);

    /// <param name="First">The first completion reported (a reopened order completes again).</param>
    public sealed record Completed(Order Order, bool First) : OrderEvent(Order);

    /// <param name="EvidenceVerified">Every piece of the completion's evidence was verified and the order's when it was accepted.</param>
    /// <param name="First">
    /// The first acceptance: an order the resident's follow-up reopened is accepted again, and what the first acceptance gave
    /// (deliveries, points, gifts) is not given twice.
    /// </param>
    public sealed record Accepted(Order Order, bool EvidenceVerified, bool First = true) : OrderEvent(Order);

    /// <summary>
    /// Back in progress: the community refused the reported completion, or (<paramref name="ByResident"/>) the resident's
    /// follow-up said the accepted work did not fix it (its comment, when held for review, listed for the community's admins).
    /// </summary>
    public sealed record Reopened(Order Order, bool ByResident = false) : OrderEvent(Order), IHoldsContent
    {
        public IEnumerable<HeldContent> Held => ByResident ? OrderModeration.FollowUpCommentOf(Order) : [];
    }

    /// <summary>
    /// The resident's follow-up confirmed the work fixed it (no transition: the order stays accepted, to be rated); its comment,
    /// when held for review, is listed for the community's admins.
    /// </summary>
    public sealed record Confirmed(Order Order) : OrderEvent(Order), IHoldsContent
    {
        public IEnumerable<HeldContent> Held => OrderModeration.FollowUpCommentOf(Order);
    }

    /// <summary>
    /// An admin's decision changed the state of one of the order's texts (<paramref name="Kind"/>: its title and description, its
    /// rating's comment, its follow-up's comment) from <paramref name="Before"/> to <paramref name="After"/>; no transition. Only
    /// a change of state: a decision repeated raises none (OrderModeration.cs).
    /// </summary>
    public sealed record Moderated(Order Order, ContentKind Kind, Screening? Before, Screening After) : OrderEvent(Order);

    /// <summary>Accepted and not rated in time: closed by the system, without a rating.</summary>
    public sealed record ClosedUnrated(Order Order) : OrderEvent(Order);

    /// <summary>Rated (and closed); a comment held for review is listed for the community's admins.</summary>
    public sealed record Rated(Order Order, Rating Rating) : OrderEvent(Order), IHoldsContent
    {
        public IEnumerable<HeldContent> Held => OrderModeration.CommentOf(Order, Rating);
    }

    /// <param name="HeldBy">The unit that held the order (matched, agreed) when it was cancelled, if any.</param>
    /// <param name="WasPublished">The order had been published (a lapse the community answers for).</param>
    public sealed record Cancelled(Order Order, ProjectAgreement? HeldBy, bool WasPublished) : OrderEvent(Order);

    /// <summary>The matched unit gave the order back, with a reason: published again, its project agreement void.</summary>
    /// <param name="HeldBy">The agreement the unit held.</param>
    public sealed record Declined(Order Order, ProjectAgreement HeldBy) : OrderEvent(Order);

    /// <summary>Published, and nobody matched it in time.</summary>
    public sealed record Expired(Order Order) : OrderEvent(Order);

    internal static OrderEvent For(OrderAction action, Order before, Order after, bool evidenceVerified) => action switch
    {
        OrderAction.Publish => new Published(after),
        OrderAction.Reject => new Rejected(after),
        OrderAction.Cancel => new Cancelled(after, before.Agreement, before.History.Any(h => h.To == OrderState.Published)),
        OrderAction.Match => new Matched(after, after.Agreement!),
        OrderAction.Agree => new Agreed(after),
        OrderAction.Start => new Started(after),
        OrderAction.Complete => new Completed(after, !before.History.Any(h => h.To == OrderState.Completed)),
        OrderAction.Accept => new Accepted(after, evidenceVerified, !before.History.Any(h => h.To == OrderState.Accepted)),
        OrderAction.Reopen => new Reopened(after),
        OrderAction.FollowUpReopen => new Reopened(after, ByResident: true),
        OrderAction.CloseUnrated => new ClosedUnrated(after),
        OrderAction.Rate => new Rated(after, after.Rating!),
        OrderAction.Expire => new Expired(after),
        OrderAction.Decline => new Declined(after, before.Agreement!),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
