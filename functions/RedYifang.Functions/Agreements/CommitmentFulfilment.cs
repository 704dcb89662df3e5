using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// How far one commitment is met: its target, what was delivered, the ratio (delivered ÷ target, four decimals, not capped:
/// more than promised shows as more than 1) and the deliveries behind the count. A funds commitment has no count yet
/// (<see cref="Delivered"/> and <see cref="Ratio"/> null, <see cref="Note"/> says why).
/// </summary>
public sealed record CommitmentFulfilment(
    int Commitment,
    Category Category,
    CommitmentKind Kind,
    int? Target,
    int? Delivered,
    decimal? Ratio,
    IReadOnlyList<DeliveryRef> Deliveries,
    string? Note);
