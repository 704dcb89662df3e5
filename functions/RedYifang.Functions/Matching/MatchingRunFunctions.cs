using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Matching;

/// <summary>The matching run routes of api.md and the queue that executes runs: each binds and calls its use case.</summary>
internal sealed class MatchingRunFunctions(StartMatchingRun start, GetMatchingRun get, ExecuteMatchingRun execute)
{
    [Function("StartMatchingRun")]
    public async Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/matching/runs")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<StartMatchingRun.Request>();
        var run = await start.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted);
        return ApiResult.Accepted($"/api/v1/matching/runs/{run.Id}", RunView.From(run, null));
    }

    [Function("GetMatchingRun")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/matching/runs/{id}")] HttpRequest req, string id) =>
        ApiResult.Ok(await get.HandleAsync(req.Caller(), id, Paging.From(req), req.HttpContext.RequestAborted));

    [Function("MatchingRuns")]
    public Task Run(
        [QueueTrigger(MatchingRun.Queue, Connection = "AzureWebJobsStorage")] string message, long dequeueCount, CancellationToken ct) =>
        execute.HandleAsync(QueueMessages.Parse<RunMessage>(message).RunId, dequeueCount >= QueueMessages.MaxDequeueCount, ct);
}
