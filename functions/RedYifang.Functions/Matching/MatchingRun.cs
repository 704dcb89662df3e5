namespace RedYifang.Functions.Matching;

/// <summary>A batch matching run over the published orders in an organisation's scope.</summary>
public sealed record MatchingRun
{
    public const string Queue = "matching-runs";

    public required string Id { get; init; }
    public required string ScopeOrgId { get; init; }
    public required IReadOnlyList<string> ScopePath { get; init; }
    public required RunState State { get; init; }
    public RunObjective? Objective { get; init; }
    public string? Error { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}
