using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Catalogue;

namespace RedYifang.Functions.Matching;

/// <summary>What matching needs to know of an order.</summary>
public sealed record OrderNeed(
    string Id, Category Category, IReadOnlyList<string> AreaPath, Urgency Urgency,
    DateTimeOffset? PreferredFrom, DateTimeOffset? PreferredTo)
{
    /// <summary>The order's place: district, street, community and, when given, grid.</summary>
    public static OrderNeed From(Order o) => new(
        o.Id, o.Category, o.GridId is null ? o.CommunityPath : [.. o.CommunityPath, o.GridId], o.Urgency, o.PreferredFrom, o.PreferredTo);
}
