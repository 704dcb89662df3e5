using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Matching;

internal sealed class MatchRequestFunction(Suggestions suggestions)
{
    [Function("MatchRequests")]
    public Task Run([QueueTrigger(MatchRequest.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        suggestions.HandleAsync(QueueMessages.Parse<MatchRequest>(message), ct);
}

internal sealed class SuggestionFunctions(OrderChanges orders, SuggestionStore store)
{
    [Function("GetSuggestions")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/orders/{id}/suggestions")] HttpRequest req, string id)
    {
        var caller = req.Caller();
        var stored = await orders.ReadAsync(caller, id, req.HttpContext.RequestAborted);
        if (!OrderPolicy.MaySeeSuggestions(caller, stored.Order)) throw Problems.NotFound("order");
        var suggestions = await store.GetAsync(stored.Order, req.HttpContext.RequestAborted);
        return ApiResult.Ok(new { items = suggestions?.Items ?? [], computedAt = suggestions?.ComputedAt });
    }
}

internal sealed class MatchingRunFunctions(BatchMatching batch, RunStore runs)
{

    [Function("StartMatchingRun")]
    public async Task<IActionResult> Start([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/matching/runs")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<StartRunRequest>();
        var run = await batch.StartAsync(req.Caller(), body, req.HttpContext.RequestAborted);
        return ApiResult.Accepted($"/api/v1/matching/runs/{run.Id}", RunView.From(run, null));
    }

    [Function("GetMatchingRun")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/matching/runs/{id}")] HttpRequest req, string id)
    {
        var stored = await batch.ReadAsync(req.Caller(), id, req.HttpContext.RequestAborted);
        var proposals = await runs.ListProposalsAsync(id, Paging.From(req), req.HttpContext.RequestAborted);
        return ApiResult.Ok(RunView.From(stored.Run, proposals));
    }

    [Function("MatchingRuns")]
    public Task Run([QueueTrigger(MatchingRun.Queue, Connection = "AzureWebJobsStorage")] string message, long dequeueCount, CancellationToken ct) =>
        batch.ExecuteAsync(QueueMessages.Parse<RunMessage>(message).RunId, dequeueCount >= QueueMessages.MaxDequeueCount, ct);
}

public sealed record RunView(string Id, string ScopeOrgId, RunState State, IReadOnlyList<Proposal> Proposals, RunObjective? Objective,
    string? ContinuationToken, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    public static RunView From(MatchingRun run, ListPage<Proposal>? proposals) => new(run.Id, run.ScopeOrgId, run.State,
        proposals?.Items ?? [], run.Objective, proposals?.ContinuationToken, run.Error, run.CreatedAt, run.CompletedAt);
}
