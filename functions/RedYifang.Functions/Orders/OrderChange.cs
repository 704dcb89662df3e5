namespace RedYifang.Functions.Orders;

/// <summary>An order after an action, and the events the action caused (written with it, in one transaction).</summary>
public sealed record OrderChange(Order Order, IReadOnlyList<OrderEvent> Events)
{
    /// <summary>This change followed by another applied to its result (the demo walks orders through several steps).</summary>
    public OrderChange Then(Func<Order, OrderChange> next)
    {
        var change = next(Order);
        return new OrderChange(change.Order, [.. Events, .. change.Events]);
    }
}
