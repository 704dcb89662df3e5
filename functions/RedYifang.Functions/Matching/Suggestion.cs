namespace RedYifang.Functions.Matching;

/// <summary>A resource suggested for an order, with its score and the factors that make it up.</summary>
public sealed record Suggestion(string ResourceId, string UnitId, string Title, double Score, IReadOnlyList<Reason> Reasons);
