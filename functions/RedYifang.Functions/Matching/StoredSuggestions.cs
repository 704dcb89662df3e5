namespace RedYifang.Functions.Matching;

/// <summary>An order's ranked suggestions and when they were computed.</summary>
public sealed record StoredSuggestions(IReadOnlyList<Suggestion> Items, DateTimeOffset ComputedAt);
