namespace RedYifang.Functions.Matching;

/// <summary>What happened to an order at a unit, staged with the change (queue <c>order-events</c>).</summary>
public sealed record OrderFact(string UnitId, string OrderId, OrderFactKind Kind, int Stars, DateTimeOffset At)
{
    public const string Queue = "order-events";
}
