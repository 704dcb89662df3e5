namespace RedYifang.Functions.Orders;

/// <summary>One step of an order's history: from which state to which, by whom, when and why.</summary>
public sealed record HistoryEntry(OrderState? From, OrderState To, string By, DateTimeOffset At, string? Reason);
