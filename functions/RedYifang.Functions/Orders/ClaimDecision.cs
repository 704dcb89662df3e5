namespace RedYifang.Functions.Orders;

/// <summary>The body of <c>claim/approve</c> (<c>{unitId}</c>) and <c>claim/reject</c> (<c>{unitId, reason}</c>): whose claim.</summary>
public sealed record ClaimDecision(string? UnitId, string? Reason = null);
