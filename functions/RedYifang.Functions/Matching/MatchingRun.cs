namespace RedYifang.Functions.Matching;

public enum RunState
{
    Queued,
    Running,
    Completed,
    Failed,
}

public sealed record RunObjective(int Orders, int Served, int ServedHigh, int ServedNormal, int ServedLow, double TotalScore, string Value);

public sealed record Proposal(string OrderId, string ResourceId, double Score);

/// <summary>A batch matching run over the published orders in an organisation's scope.</summary>
public sealed record MatchingRun(
    string Id, string ScopeOrgId, IReadOnlyList<string> ScopePath, RunState State, RunObjective? Objective, string? Error,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    public const string Queue = "matching-runs";
}

public sealed record RunMessage(string RunId);
