namespace RedYifang.Functions.Matching;

/// <summary>A run's proposal: serve the order with the resource (an admin confirms it with <c>match</c>).</summary>
public sealed record Proposal(string OrderId, string ResourceId, double Score);
