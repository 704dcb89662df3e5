using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Assessment;

/// <summary>Ranking runs: asked for over HTTP, run from the queue, and nightly by the timer.</summary>
internal sealed class AssessmentRunFunctions(StartAssessmentRun start, AssessmentRuns runs, RunAllDistricts nightly)
{
    [Function("StartAssessmentRun")]
    public async Task<IActionResult> StartRun(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/assessment/runs")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<StartAssessmentRun.Request>();
        var (districtId, period) = await start.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted);
        return ApiResult.Accepted($"/api/v1/rankings/{period}?districtId={districtId}", new { districtId, period, state = "queued" });
    }

    [Function("AssessmentTimer")]
    public Task Timer([TimerTrigger("%Assessment:Schedule%")] TimerInfo timer, CancellationToken ct) => nightly.HandleAsync(ct);

    [Function("AssessmentRuns")]
    public Task Run([QueueTrigger(AssessmentRuns.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct)
    {
        var run = QueueMessages.Parse<AssessmentRuns.RunMessage>(message);
        return runs.RunAsync(run.DistrictId, IndicatorSets.ParsePeriod(run.Period), ct);
    }
}
