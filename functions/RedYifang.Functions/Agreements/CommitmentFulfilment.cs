using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Agreements;

/// <summary>
/// How far one commitment is met: its target, what was delivered, the ratio (delivered ÷ target, four decimals, not capped:
/// more than promised shows as more than 1) and the deliveries behind the count. A funds commitment has no count
/// (<see cref="Target"/>, <see cref="Delivered"/> null): its <see cref="Amount"/> committed, the <see cref="AmountDelivered"/>
/// (yuan, exact decimal strings), the ratio of the two, and the agreement's <see cref="Movements"/> behind it (Fulfilment.cs).
/// </summary>
public sealed record CommitmentFulfilment(
    int Commitment,
    Category Category,
    CommitmentKind Kind,
    int? Target,
    int? Delivered,
    decimal? Ratio,
    IReadOnlyList<DeliveryRef> Deliveries,
    string? Note,
    string? Amount = null,
    string? AmountDelivered = null,
    IReadOnlyList<FundsRef>? Movements = null);
