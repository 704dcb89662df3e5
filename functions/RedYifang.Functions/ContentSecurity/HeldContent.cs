using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>
/// A text or photo and its screening, as the feature that owns it describes it to content security: what it is
/// (<see cref="Kind"/>, <see cref="OwnerId"/> as the API names it, <see cref="OwnerKey"/> as the owner finds it again through
/// its <see cref="IModerated"/>), whose admins decide on it (<see cref="ScopeOrgId"/> and its path: an order's community, an
/// evaluation's evaluator or the street or community above a unit, a photo's object), who wrote it, and the text itself (none
/// for a photo: admins open the evidence).
/// </summary>
public sealed record HeldContent(
    ContentKind Kind,
    string OwnerId,
    string OwnerKey,
    string ScopeOrgId,
    IReadOnlyList<string> ScopePath,
    string AuthorId,
    string? Text,
    Screening Screening,
    DateTimeOffset At);

/// <summary>
/// A domain event that carries content to screen: the feature's own event (an order submitted, a rating, an evaluation) raised
/// in the same write, so <see cref="ModerationTranslator"/> stages what awaits a person in that write's outbox.
/// </summary>
public interface IHoldsContent : IDomainEvent
{
    IEnumerable<HeldContent> Held { get; }
}

/// <summary>Content held outside any event of the owner's own (a photo after WeChat's check could not be made).</summary>
public sealed record ContentHeld(HeldContent Item) : IHoldsContent
{
    public DateTimeOffset At => Item.At;

    public IEnumerable<HeldContent> Held => [Item];
}
