using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Orders;

/// <summary>The order routes of api.md: each binds the request and calls its use case.</summary>
internal sealed class OrderFunctions(SubmitOrder submit, OrderChanges changes, ListOrders list, IdempotentRequests idempotency,
    IServiceProvider services)
{
    [Function("SubmitOrder")]
    public async Task<IActionResult> Submit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/orders")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<SubmitOrder.Request>();
        return await idempotency.RunAsync(req, "SubmitOrder", mayStill: null, async () =>
        {
            var order = await submit.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/orders/{order.Id}", OrderView.For(req.Caller(), order));
        });
    }

    [Function("GetOrder")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/orders/{id}")] HttpRequest req,
        string id)
    {
        var stored = await changes.ReadAsync(req.Caller(), id, req.HttpContext.RequestAborted);
        return ApiResult.Ok(OrderView.For(req.Caller(), stored.Order));
    }

    [Function("ListOrders")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/orders")] HttpRequest req)
    {
        var q = req.Query;
        string? Param(string name) => q[name].ToString() is { Length: > 0 } value ? value : null;
        var paging = Paging.From(req);
        var page = await list.HandleAsync(req.Caller(),
            new ListOrders.Request(
                Param("state"),
                Param("category"),
                Param("communityId"),
                Param("unitId"),
                QueryFlag.Read(req, "mine"),
                paging),
            req.HttpContext.RequestAborted);
        return ApiResult.Ok(
            new ListPage<OrderView>(page.Items.Select(o => OrderView.For(req.Caller(), o)).ToList(), page.ContinuationToken));
    }

    /// <summary>The community decides a unit's claim: <c>claim/approve {unitId}</c> matches it, <c>claim/reject {unitId, reason}</c> drops it.</summary>
    [Function("DecideClaim")]
    public async Task<IActionResult> DecideClaim(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/orders/{id}/claim/{decision:regex(^(approve|reject)$)}")]
        HttpRequest req, string id, string decision)
    {
        var caller = req.Caller();
        var body = await req.ReadJsonAsync<ClaimDecision>();
        var order = decision == "approve"
            ? await services.GetRequiredService<ApproveClaim>().HandleAsync(caller, id, body, req.HttpContext.RequestAborted)
            : await services.GetRequiredService<RejectClaim>().HandleAsync(caller, id, body, req.HttpContext.RequestAborted);
        return ApiResult.Ok(OrderView.For(caller, order));
    }

    [Function("ChangeOrder")]
    public async Task<IActionResult> Change(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post",
            Route = "api/v1/orders/{id}/" +
                "{action:regex(^(publish|reject|cancel|claim|match|agree|start|complete|accept|reopen|rate|decline|follow-up)$)}")]
        HttpRequest req, string id, string action)
    {
        var caller = req.Caller();
        var ct = req.HttpContext.RequestAborted;
        T Use<T>() where T : notnull => services.GetRequiredService<T>();
        var order = action switch
        {
            "publish" => await Use<PublishOrder>().HandleAsync(caller, id, ct),
            "reject" => await Use<RejectOrder>().HandleAsync(caller, id, await req.ReadJsonAsync<ReasonRequest>(), ct),
            "cancel" => await Use<CancelOrder>().HandleAsync(caller, id, await req.ReadJsonAsync<ReasonRequest>(), ct),
            "claim" => await Use<ClaimOrder>().HandleAsync(caller, id, await req.ReadJsonAsync<ResourceRequest>(), ct),
            "match" => await Use<MatchOrder>().HandleAsync(caller, id, await req.ReadJsonAsync<ResourceRequest>(), ct),
            "agree" => await Use<AgreeOrder>().HandleAsync(caller, id, ct),
            "start" => await Use<StartOrder>().HandleAsync(caller, id, ct),
            "complete" => await Use<CompleteOrder>().HandleAsync(caller, id, await req.ReadJsonAsync<CompleteOrder.Request>(), ct),
            "accept" => await Use<AcceptOrder>().HandleAsync(caller, id, ct),
            "reopen" => await Use<ReopenOrder>().HandleAsync(caller, id, await req.ReadJsonAsync<ReasonRequest>(), ct),
            "decline" => await Use<DeclineOrder>().HandleAsync(caller, id, await req.ReadJsonAsync<ReasonRequest>(), ct),
            "follow-up" => await Use<FollowUpOrder>().HandleAsync(caller, id, await req.ReadJsonAsync<FollowUpOrder.Request>(), ct),
            _ => await Use<RateOrder>().HandleAsync(caller, id, await req.ReadJsonAsync<RateOrder.Request>(), ct),
        };
        return ApiResult.Ok(OrderView.For(caller, order));
    }
}
