using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Evaluations;

/// <summary>The two-way evaluation routes (双向约束): each binds the request and calls its use case.</summary>
internal sealed class EvaluationFunctions(
    SubmitEvaluation submit,
    GetReceivedEvaluations received,
    ListEvaluations list,
    IdempotentRequests idempotency)
{
    [Function("SubmitEvaluation")]
    public async Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/evaluations")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<SubmitEvaluation.Request>();
        Task MayStill() => submit.MayStillAsync(req.Caller(), body, req.HttpContext.RequestAborted);
        return await idempotency.RunAsync(req, "SubmitEvaluation", MayStill, async () =>
        {
            var e = await submit.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/evaluations?evaluatorOrgId={e.EvaluatorOrgId}&period={e.Period}",
                EvaluationView.From(req.Caller(), e));
        });
    }

    [Function("GetReceivedEvaluations")]
    public async Task<IActionResult> Received(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/evaluations/received")] HttpRequest req) =>
        ApiResult.Ok(await received.HandleAsync(req.Caller(), Param(req, "orgId"), Param(req, "period"), req.HttpContext.RequestAborted));

    [Function("ListEvaluations")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/evaluations")] HttpRequest req)
    {
        var paging = Paging.From(req);
        var page = await list.HandleAsync(req.Caller(),
            new ListEvaluations.Request(Param(req, "subjectOrgId"), Param(req, "evaluatorOrgId"), Param(req, "period"), paging),
            req.HttpContext.RequestAborted);
        return ApiResult.Ok(
            new ListPage<EvaluationView>([.. page.Items.Select(e => EvaluationView.From(req.Caller(), e))], page.ContinuationToken));
    }

    private static string? Param(HttpRequest req, string name) => req.Query[name].ToString() is { Length: > 0 } value ? value : null;
}
