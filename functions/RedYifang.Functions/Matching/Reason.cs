namespace RedYifang.Functions.Matching;

/// <summary>One factor of a suggestion's score: its weight and its value in [0, 1].</summary>
public sealed record Reason(string Factor, double Weight, double Value);
