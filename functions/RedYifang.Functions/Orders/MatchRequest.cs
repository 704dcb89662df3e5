namespace RedYifang.Functions.Orders;

/// <summary>A request to (re)compute matching suggestions, on queue <c>match-requests</c> (consumed by Matching).</summary>
public sealed record MatchRequest(string Kind, string Id, string Reason)
{
    public const string Queue = "match-requests";

    public static (string Queue, object Message) ForOrder(string orderId, string reason) => (Queue, new MatchRequest("order", orderId, reason));

    public static (string Queue, object Message) ForResource(string resourceId, string reason) => (Queue, new MatchRequest("resource", resourceId, reason));
}
