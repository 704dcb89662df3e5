using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Orders;

public enum OrderLevel
{
    Community,
    Street,
    District,
}

public enum Urgency
{
    Low,
    Normal,
    High,
}

public sealed record HistoryEntry(OrderState? From, OrderState To, string By, DateTimeOffset At, string? Reason);

public sealed record OrderClaim(string UnitId, string ResourceId, string By, DateTimeOffset At);

/// <summary>The project agreement (项目意见书) a match creates between the order and a unit's resource.</summary>
public sealed record ProjectAgreement(string Id, string ResourceId, string UnitId, string By, DateTimeOffset At);

public sealed record Completion(IReadOnlyList<string> EvidenceIds, decimal ServiceHours, int Beneficiaries, DateTimeOffset At);

public sealed record Rating(int Stars, string? Comment, DateTimeOffset At);

/// <summary>
/// A service order (服务项目订单). <see cref="CommunityPath"/> is the community's place in the hierarchy, kept on
/// the order so scope checks need no extra read.
/// </summary>
public sealed record Order(
    string Id,
    string CommunityId,
    IReadOnlyList<string> CommunityPath,
    string? GridId,
    OrderLevel Level,
    string Title,
    Category Category,
    string Description,
    int Beneficiaries,
    Urgency Urgency,
    DateTimeOffset? PreferredFrom,
    DateTimeOffset? PreferredTo,
    string? ContactPhone,
    string OwnerId,
    OrderState State,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<OrderClaim> Claims,
    ProjectAgreement? Agreement,
    Completion? Completion,
    Rating? Rating,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string? UnitId => Agreement?.UnitId;

    /// <summary>Applies an action of the lifecycle, recording who, when and why; an illegal one throws 409.</summary>
    public Order Apply(OrderAction action, string by, DateTimeOffset at, string? reason = null)
    {
        var to = OrderLifecycle.Target(action, State);
        return this with { State = to, History = [.. History, new HistoryEntry(State, to, by, at, reason)], UpdatedAt = at };
    }
}
