using RedYifang.Functions.Platform.Events;

namespace RedYifang.Functions.Matching;

/// <summary>A request to (re)compute matching suggestions for an order or around a resource, on queue <c>match-requests</c>.</summary>
public sealed record MatchRequest(string Kind, string Id, string Reason)
{
    public const string Queue = "match-requests";

    public static OutboxMessage ForOrder(string orderId, string reason) => new(Queue, new MatchRequest("order", orderId, reason));

    public static OutboxMessage ForResource(string resourceId, string reason)
        => new(Queue, new MatchRequest("resource", resourceId, reason));
}
