namespace RedYifang.Functions.Orders;

/// <summary>A unit's request to take a published order with one of its resources.</summary>
public sealed record OrderClaim(string UnitId, string ResourceId, string By, DateTimeOffset At);
