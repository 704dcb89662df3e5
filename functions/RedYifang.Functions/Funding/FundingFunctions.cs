using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Funding;

/// <summary>The funding routes (经费保障): each binds the request and calls its use case.</summary>
internal sealed class FundingFunctions(
    SetBudget setBudget,
    RecordMovement record,
    ReverseMovement reverse,
    ListAccounts accounts,
    ListMovements movements,
    GetEntitlements entitlements,
    IdempotentRequests idempotency)
{
    [Function("SetFundingBudget")]
    public async Task<IActionResult> Budget(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/funding/budgets/{orgId}/{year}")] HttpRequest req, string orgId,
        string year)
    {
        var body = await req.ReadJsonAsync<SetBudget.Request>();
        return ApiResult.Ok(await setBudget.HandleAsync(req.Caller(), orgId, year, body, req.HttpContext.RequestAborted));
    }

    [Function("RecordFundingMovement")]
    public async Task<IActionResult> Record(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/funding/movements")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<RecordMovement.Request>();
        Task MayStill() => record.MayStillAsync(req.Caller(), body, req.HttpContext.RequestAborted);
        return await idempotency.RunAsync(req, "RecordFundingMovement", MayStill, async () =>
        {
            var movement = await record.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/funding/movements/{movement.Id}", MovementView.Of(movement));
        });
    }

    [Function("ReverseFundingMovement")]
    public async Task<IActionResult> Reverse(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/funding/movements/{id}/reverse")] HttpRequest req, string id)
    {
        var body = await req.ReadJsonAsync<ReverseMovement.Request>();
        var reversal = await reverse.HandleAsync(req.Caller(), id, body, req.HttpContext.RequestAborted);
        return ApiResult.Created($"/api/v1/funding/movements/{reversal.Id}", MovementView.Of(reversal));
    }

    [Function("ListFundingAccounts")]
    public async Task<IActionResult> Accounts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/funding/accounts")] HttpRequest req) =>
        ApiResult.Ok(new
        {
            items = await accounts.HandleAsync(req.Caller(), Param(req, "orgId"), Param(req, "year"), req.HttpContext.RequestAborted),
        });

    [Function("ListFundingMovements")]
    public async Task<IActionResult> Movements(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/funding/movements")] HttpRequest req) =>
        ApiResult.Ok(new
        {
            items = await movements.HandleAsync(req.Caller(), Param(req, "orgId"), Param(req, "year"), req.HttpContext.RequestAborted),
        });

    [Function("GetFundingEntitlements")]
    public async Task<IActionResult> Entitlements(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/funding/entitlements")] HttpRequest req) =>
        ApiResult.Ok(await entitlements.HandleAsync(req.Caller(), Param(req, "streetId"), Param(req, "year"),
            req.HttpContext.RequestAborted));

    private static string? Param(HttpRequest req, string name) => req.Query[name].ToString() is { Length: > 0 } value ? value : null;
}
