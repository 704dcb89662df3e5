using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Notifications;

/// <summary>
/// An order transition someone may be told of, staged with the change (queue <c>notifications</c>). It carries what the
/// messages say and whom they concern, so the sender reads no order; no phone number and no name (the order's contact and
/// a represented resident's phone never come here).
/// </summary>
/// <param name="EventId">The transition's own id: with the recipient, the key that keeps a replay from telling anyone twice.</param>
/// <param name="UnitId">The unit that holds the order (for a decline, the unit that gave it back).</param>
/// <param name="OwnerId">The resident the order is for; null for a represented resident without an account.</param>
/// <param name="Actor">Who did it: never told of their own act.</param>
/// <param name="Title">The order's title as its owner and admins read it; see <paramref name="TitleScreening"/>.</param>
/// <param name="Reason">Why, when the transition has a reason (rejected, cancelled, reopened, declined).</param>
/// <param name="TitleScreening">
/// How the title stood with content security when the event happened (only its state: no admin id, no label); null for an
/// order written before screening began. A title held for review or hidden reaches only whom ContentVisibility shows it to;
/// everyone else is sent its stand-in (<see cref="SeenBy"/>).
/// </param>
/// <param name="ReasonHeld">
/// The reason is a resident's own words held for review (a follow-up's comment pending screening): the unit's liaisons read
/// （内容审核中） in its place. False for reasons staff give, which are not screened.
/// </param>
public sealed record NotificationEvent(
    string EventId,
    NotificationKind Kind,
    DateTimeOffset At,
    string OrderId,
    string CommunityId,
    string? UnitId,
    string? OwnerId,
    string Actor,
    string Title,
    Category Category,
    string? Reason,
    Screening? TitleScreening = null,
    bool ReasonHeld = false)
{
    public const string Queue = "notifications";

    /// <summary>
    /// The event as one audience may read it (docs/content-security.md, "Who sees held content"): the owner is the order's author
    /// and the community admins (granted at the order's community) are admins over it, so both read the held title and reason;
    /// a unit's liaisons are neither and read the stand-in. Decided by <see cref="ContentVisibility"/> itself, so the
    /// notification shows what the order would show the same person.
    /// </summary>
    public NotificationEvent SeenBy(Audience audience)
    {
        var (isAuthor, isAdmin) = (audience == Audience.Owner, audience == Audience.CommunityAdmins);
        var reasonScreening = ReasonHeld ? new Screening(ScreeningState.Pending) : null;
        return this with
        {
            Title = ContentVisibility.Text(Title, TitleScreening, isAuthor, isAdmin),
            Reason = Reason is null ? null : ContentVisibility.Text(Reason, reasonScreening, isAuthor, isAdmin),
        };
    }
}
