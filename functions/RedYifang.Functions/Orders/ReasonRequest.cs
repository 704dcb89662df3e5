namespace RedYifang.Functions.Orders;

/// <summary>The body of the actions that need a reason (reject, cancel, reopen).</summary>
public sealed record ReasonRequest(string? Reason);
