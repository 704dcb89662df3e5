namespace RedYifang.Functions.Orders;

/// <summary>The body of claim and match: which resource.</summary>
public sealed record ResourceRequest(string? ResourceId);
