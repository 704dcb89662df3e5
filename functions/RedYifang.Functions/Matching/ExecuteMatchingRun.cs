using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Matching;

/// <summary>
/// Solves a queued run (queue <see cref="MatchingRun.Queue"/>): the optimal assignment of every published order in the
/// run's scope to the resources that can serve it, within each resource's remaining capacity this month, kept as the
/// run's proposals. Orders are read through Orders' queries; organisations through <see cref="OrgStore"/>, and
/// resources and their capacity through <see cref="Candidates"/> (Resources' store and ledger), for now.
/// </summary>
public sealed partial class ExecuteMatchingRun(RunStore runs, OrgStore orgs, OrderQueries orders, Suggestions suggestions,
    IOptions<MatchingOptions> options, TimeProvider clock, ILogger<ExecuteMatchingRun> logger)
{
    /// <summary>Runs a queued run; a run already finished is left as it is (the message came twice).</summary>
    public async Task HandleAsync(string runId, bool lastAttempt, CancellationToken ct)
    {
        var stored = await runs.FindAsync(runId, ct);
        if (stored is null || stored.Run.State is RunState.Completed or RunState.Failed) return;
        stored = await runs.UpdateAsync(stored, stored.Run with { State = RunState.Running }, ct) ?? throw Problems.Conflict();
        try
        {
            var (proposals, objective) = await SolveAsync(stored.Run, ct);
            await runs.PutProposalsAsync(runId, proposals, ct);
            var completed = stored.Run with { State = RunState.Completed, Objective = objective, CompletedAt = clock.GetUtcNow() };
            await runs.UpdateAsync(stored, completed, ct);
            LogCompleted(runId, objective.Served, objective.Orders);
        }
        catch (Exception e) when (lastAttempt && !ct.IsCancellationRequested)
        {
            LogFailed(e, runId);
            var failed = stored.Run with { State = RunState.Failed, Error = e.GetType().Name, CompletedAt = clock.GetUtcNow() };
            await runs.UpdateAsync(stored, failed, ct);
        }
    }

    private async Task<(IReadOnlyList<Proposal>, RunObjective)> SolveAsync(MatchingRun run, CancellationToken ct)
    {
        var open = new List<Order>();
        foreach (var community in await CommunitiesAsync(run.ScopeOrgId, ct)) open.AddRange(await PublishedAsync(community, ct));
        open.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));

        var candidates = suggestions.NewCandidates();
        var scoring = new Scoring(options.Value);
        var today = ChinaTime.Today(clock.GetUtcNow());
        var resourceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var capacity = new List<int>();
        var pairs = new List<(int, int, int)>();
        for (var o = 0; o < open.Count; o++)
        {
            var need = OrderNeed.From(open[o]);
            foreach (var offer in await candidates.ForAsync(need, ct))
            {
                if (scoring.Score(need, offer, today) is not { } suggestion) continue;
                if (!resourceIndex.TryGetValue(offer.Resource.Id, out var r))
                {
                    resourceIndex[offer.Resource.Id] = r = capacity.Count;
                    capacity.Add(offer.Remaining);
                }
                pairs.Add((o, r, (int)Math.Round(suggestion.Score * AssignmentProblem.MaxScore)));
            }
        }
        var problem = new AssignmentProblem([.. capacity], open.Select(o => (int)o.Urgency).ToArray(), pairs);
        var result = TransportationSolver.Solve(problem);
        var resourceIds = resourceIndex.OrderBy(x => x.Value).Select(x => x.Key).ToArray();
        var scores = pairs.ToDictionary(p => (p.Item1, p.Item2), p => p.Item3);
        var proposals = Enumerable.Range(0, open.Count).Where(o => result.ResourceOf[o] >= 0)
            .Select(o => new Proposal(open[o].Id, resourceIds[result.ResourceOf[o]], scores[(o, result.ResourceOf[o])] / MaxScore))
            .ToList();
        var objective = new RunObjective(open.Count, result.Served, result.ServedByTier[2], result.ServedByTier[1], result.ServedByTier[0],
            result.TotalScore / MaxScore, result.Objective.ToString(CultureInfo.InvariantCulture));
        return (proposals, objective);
    }

    private const double MaxScore = AssignmentProblem.MaxScore;

    private async Task<List<string>> CommunitiesAsync(string scopeId, CancellationToken ct)
    {
        var scope = await orgs.FindAsync(scopeId, ct) ?? throw Problems.NotFound("organisation");
        if (scope.Kind == OrgKind.Community) return [scope.Id];
        var streets = scope.Kind == OrgKind.Street ? [scope.Id] : await ChildrenAsync(scope.Id, OrgKind.Street, ct);
        var communities = new List<string>();
        foreach (var street in streets) communities.AddRange(await ChildrenAsync(street, OrgKind.Community, ct));
        return communities;
    }

    private async Task<List<string>> ChildrenAsync(string parentId, OrgKind kind, CancellationToken ct)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await orgs.ListChildrenAsync(parentId, kind, Paging.After(100, token), ct);
            ids.AddRange(page.Items.Select(o => o.Id));
            token = page.ContinuationToken;
        } while (token is not null);
        return ids;
    }

    private async Task<List<Order>> PublishedAsync(string communityId, CancellationToken ct)
    {
        var found = new List<Order>();
        string? token = null;
        do
        {
            var page = await orders.PublishedInCommunityAsync(communityId, Paging.After(100, token), ct);
            found.AddRange(page.Items);
            token = page.ContinuationToken;
        } while (token is not null);
        return found;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Matching run {RunId} completed: {Served} of {Orders} orders proposed")]
    private partial void LogCompleted(string runId, int served, int orders);

    [LoggerMessage(Level = LogLevel.Error, Message = "Matching run {RunId} failed on its last attempt")]
    private partial void LogFailed(Exception exception, string runId);
}
