using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Matching;

/// <summary>A request to (re)compute matching suggestions for an order or around a resource, on queue <c>match-requests</c>.</summary>
/// <param name="FormerAreaIds">Around a resource: areas it served before an edit, whose orders are ranked again as well.</param>
public sealed record MatchRequest(string Kind, string Id, string Reason, IReadOnlyList<string>? FormerAreaIds = null)
{
    public const string Queue = "match-requests";

    public static OutboxMessage ForOrder(string orderId, string reason) => new(Queue, new MatchRequest("order", orderId, reason));

    public static OutboxMessage ForResource(string resourceId, string reason, IReadOnlyList<string>? formerAreaIds = null)
        => new(Queue, new MatchRequest("resource", resourceId, reason, formerAreaIds is { Count: > 0 } ? formerAreaIds : null));
}
