using Azure;

namespace RedYifang.Functions.Orders;

/// <summary>An order as read, with the ETag its next write is conditional on.</summary>
public sealed record StoredOrder(Order Order, ETag ETag);
