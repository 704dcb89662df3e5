namespace RedYifang.Functions.Orders;

/// <summary>The resident's stars (1–5) and comment.</summary>
public sealed record Rating(int Stars, string? Comment, DateTimeOffset At);
