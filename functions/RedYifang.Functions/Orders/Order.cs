using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Orders;

/// <summary>
/// A service order (服务项目订单). <see cref="CommunityPath"/> is the community's place in the hierarchy, kept on the
/// order so scope checks need no extra read. Every change goes through <see cref="Apply"/> or one of the methods
/// that carry data (<see cref="Match"/>, <see cref="Complete"/>, <see cref="Accept"/>, <see cref="Rate"/>), which
/// return the new order and the events it caused.
/// </summary>
public sealed record Order
{
    public required string Id { get; init; }
    public required string CommunityId { get; init; }
    public required IReadOnlyList<string> CommunityPath { get; init; }
    public string? GridId { get; init; }
    public required OrderLevel Level { get; init; }
    public required string Title { get; init; }
    public required Category Category { get; init; }
    public required string Description { get; init; }
    public required int Beneficiaries { get; init; }
    public required Urgency Urgency { get; init; }
    public DateTimeOffset? PreferredFrom { get; init; }
    public DateTimeOffset? PreferredTo { get; init; }
    public string? ContactPhone { get; init; }

    /// <summary>
    /// How the title and description stand with content security (docs/content-security.md): screened before the order was
    /// written, then an admin's decision; null for orders written before screening began (shown as they always were).
    /// </summary>
    public Screening? Moderation { get; init; }

    /// <summary>
    /// The resident the order is for, who alone takes the owner's part (rating, follow-up, cancelling, photos): who raised it,
    /// or the resident an admin filed it for. Null for an order filed for a <see cref="Represented"/> resident without an account.
    /// </summary>
    public string? OwnerId { get; init; }

    /// <summary>The admin who filed the order on a resident's behalf (never its owner); null when the owner raised it.</summary>
    public string? FiledBy { get; init; }

    /// <summary>
    /// The resident without an account an admin filed the order for; its admins then rate it (<see cref="Rating.Represented"/>).
    /// </summary>
    public RepresentedPerson? Represented { get; init; }

    /// <summary>
    /// Raised by staff (an admin over the community) for the residents they serve, not by a resident for their own household: the
    /// owner then stands for no household, and the assessment's <c>householdsServed</c> does not count it (docs/assessment.md).
    /// </summary>
    public bool RaisedByStaff { get; init; }
    public required OrderState State { get; init; }
    public required IReadOnlyList<HistoryEntry> History { get; init; }
    public IReadOnlyList<OrderClaim> Claims { get; init; } = [];
    public ProjectAgreement? Agreement { get; init; }
    public Completion? Completion { get; init; }
    public Rating? Rating { get; init; }

    /// <summary>The resident's follow-up, once given (whether fixed or not): a second one is refused.</summary>
    public OrderFollowUp? FollowUp { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public string? UnitId => Agreement?.UnitId;

    /// <summary>When the order was last accepted (a follow-up that reopened it is accepted again later).</summary>
    public DateTimeOffset? AcceptedAt => History.LastOrDefault(h => h.To == OrderState.Accepted)?.At;

    /// <summary>
    /// A new order, submitted by <paramref name="by"/>: its owner, unless <paramref name="behalf"/> says whom an admin files it for.
    /// </summary>
    public static OrderChange Submit(NewOrder draft, string id, IReadOnlyList<string> communityPath, string by, DateTimeOffset at,
        bool raisedByStaff = false, Behalf? behalf = null, Screening? moderation = null)
    {
        var order = new Order
        {
            Id = id, CommunityId = communityPath[^1], CommunityPath = communityPath, GridId = draft.GridId, Level = draft.Level,
            Title = draft.Title, Category = draft.Category, Description = draft.Description, Beneficiaries = draft.Beneficiaries,
            Urgency = draft.Urgency, PreferredFrom = draft.PreferredFrom, PreferredTo = draft.PreferredTo, ContactPhone = draft
                .ContactPhone, Moderation = moderation,
            OwnerId = behalf is null ? by : behalf.ResidentId, FiledBy = behalf is null ? null : by,
            Represented = behalf?.Represented, RaisedByStaff = raisedByStaff, State = OrderState.Submitted,
            History = [new HistoryEntry(null, OrderState.Submitted, by, at, null)],
            CreatedAt = at, UpdatedAt = at,
        };
        return new OrderChange(order, [new OrderEvent.Submitted(order)]);
    }

    /// <summary>
    /// Applies an action that carries no data of its own, recording who, when and why; an action the state does not
    /// allow throws <c>InvalidTransitionException</c>.
    /// </summary>
    public OrderChange Apply(OrderAction action, string by, DateTimeOffset at, string? reason = null) =>
        action switch
        {
            OrderAction.Match or OrderAction.Complete or OrderAction.Accept or OrderAction.Rate or OrderAction.Decline
                or OrderAction.FollowUpReopen =>
                throw new ArgumentException($"{action} carries data: use its own method.", nameof(action)),
            _ => Step(this, action, by, at, reason),
        };

    /// <summary>A unit's liaison asks to take the order with one of the unit's resources (the order stays published).</summary>
    public OrderChange Claim(OrderClaim claim)
    {
        if (State != OrderState.Published) throw OrderLifecycle.InvalidTransition(OrderAction.Match, State);
        var after = this with { Claims = [.. Claims.Where(c => c.UnitId != claim.UnitId), claim], UpdatedAt = claim.At };
        return new OrderChange(after, [new OrderEvent.Claimed(after, claim)]);
    }

    /// <summary>
    /// The community turns a unit's claim down: the claim dropped, the order published still, the reason in the history
    /// (published → published, naming the unit).
    /// </summary>
    public OrderChange RejectClaim(string unitId, string by, DateTimeOffset at, string reason)
    {
        var claim = ApproveClaim.Claimed(this, unitId);
        var after = this with
        {
            Claims = [.. Claims.Where(c => c.UnitId != unitId)],
            History = [.. History, new HistoryEntry(State, State, by, at, $"驳回 {unitId} 的认领：{reason}")], UpdatedAt = at,
        };
        return new OrderChange(after, [new OrderEvent.ClaimRejected(after, claim)]);
    }

    /// <summary>The community confirms a resource: the project agreement (项目意见书) binds the order to its unit.</summary>
    public OrderChange Match(ProjectAgreement agreement) =>
        Step(this with { Agreement = agreement }, OrderAction.Match, agreement.By, agreement.At, null);

    /// <summary>
    /// The matched unit gives the order back, with a reason: published again without its agreement, and without the unit's
    /// claim (it asked once and changed its mind; others' claims stand).
    /// </summary>
    public OrderChange Decline(string by, DateTimeOffset at, string reason)
    {
        var unit = UnitId;
        OrderLifecycle.Target(OrderAction.Decline, State);
        return Step(this with { Agreement = null, Claims = [.. Claims.Where(c => c.UnitId != unit)] }, OrderAction.Decline, by, at, reason,
            before: this);
    }

    public OrderChange Complete(Completion completion, string by) =>
        Step(this with { Completion = completion }, OrderAction.Complete, by, completion.At, null);

    /// <param name="evidenceVerified">Every piece of the completion's evidence is verified and this order's (the assessment counts only then).</param>
    public OrderChange Accept(string by, DateTimeOffset at, bool evidenceVerified) =>
        Step(this, OrderAction.Accept, by, at, null, evidenceVerified);

    public OrderChange Rate(Rating rating, string by) =>
        Step(this with { Rating = rating }, OrderAction.Rate, by, rating.At, null);

    /// <summary>
    /// The resident's follow-up, <paramref name="afterDays"/> days or more after acceptance, once: fixed, it is kept on the
    /// order (still accepted, to be rated); not fixed, the order goes back in progress to the unit that holds it, with the
    /// resident's words in the history, and counts as a reopened order (<see cref="OrderEvent.Reopened"/>).
    /// <paramref name="moderation"/>: how WeChat screened the comment (FollowUpOrder.cs).
    /// </summary>
    public OrderChange FollowUpBy(bool isFixed, string? comment, string by, DateTimeOffset at, int afterDays,
        Screening? moderation = null)
    {
        OrderLifecycle.CheckFollowUp(this, at, afterDays);
        var answered = this with { FollowUp = new OrderFollowUp(isFixed, comment, by, at, moderation) };
        if (!isFixed)
        {
            return Step(answered, OrderAction.FollowUpReopen, by, at, OrderFollowUp.ReopenReason(comment));
        }
        var after = answered with { UpdatedAt = at };
        return new OrderChange(after, [new OrderEvent.Confirmed(after)]);
    }

    /// <summary>Accepted, never rated within the period: the system closes it with the reason, and no rating.</summary>
    public OrderChange CloseUnrated(DateTimeOffset at, int afterDays) =>
        Step(this, OrderAction.CloseUnrated, SystemUser, at, $"验收后 {afterDays} 天未评价，自动关闭");

    /// <summary>Who the timers' changes are by in the history.</summary>
    public const string SystemUser = "system";

    /// <param name="changed">The order with the action's data set, before the transition.</param>
    /// <param name="before">The order as it was, when the action's data changed more than the transition (a decline drops the agreement).</param>
    private static OrderChange Step(
        Order changed,
        OrderAction action,
        string by,
        DateTimeOffset at,
        string? reason,
        bool evidenceVerified = false,
        Order? before = null)
    {
        var to = OrderLifecycle.Target(action, changed.State);
        var after = changed with { State = to, History = [.. changed
            .History, new HistoryEntry(changed.State, to, by, at, reason)], UpdatedAt = at };
        return new OrderChange(after, [OrderEvent.For(action, before ?? changed, after, evidenceVerified)]);
    }
}
