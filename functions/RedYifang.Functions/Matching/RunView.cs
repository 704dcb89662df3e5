using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Matching;

/// <summary>A run as the API shows it: its state and objective with a page of its proposals.</summary>
public sealed record RunView
{
    public required string Id { get; init; }
    public required string ScopeOrgId { get; init; }
    public required RunState State { get; init; }
    public required IReadOnlyList<Proposal> Proposals { get; init; }
    public RunObjective? Objective { get; init; }
    public string? ContinuationToken { get; init; }
    public string? Error { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    public static RunView From(MatchingRun run, ListPage<Proposal>? proposals) => new()
    {
        Id = run.Id, ScopeOrgId = run.ScopeOrgId, State = run.State, Proposals = proposals?.Items ?? [], Objective = run.Objective,
        ContinuationToken = proposals?.ContinuationToken, Error = run.Error, CreatedAt = run.CreatedAt, CompletedAt = run.CompletedAt,
    };
}
