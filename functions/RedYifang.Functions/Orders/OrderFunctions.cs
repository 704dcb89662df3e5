using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Orders;

internal sealed class OrderFunctions(OrderHandlers handlers, OrderQueries queries, IdempotentRequests idempotency)
{
    [Function("SubmitOrder")]
    public async Task<IActionResult> Submit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/orders")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<CreateOrderRequest>();
        return await idempotency.RunAsync(req, async () =>
        {
            var order = await handlers.SubmitAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/orders/{order.Id}", OrderView.For(req.Caller(), order));
        });
    }

    [Function("GetOrder")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/orders/{id}")] HttpRequest req, string id)
    {
        var stored = await handlers.ReadAsync(req.Caller(), id, req.HttpContext.RequestAborted);
        return ApiResult.Ok(OrderView.For(req.Caller(), stored.Order));
    }

    [Function("ListOrders")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/orders")] HttpRequest req)
    {
        var page = await queries.ListAsync(req.Caller(), req, req.HttpContext.RequestAborted);
        return ApiResult.Ok(new ListPage<OrderView>(page.Items.Select(o => OrderView.For(req.Caller(), o)).ToList(), page.ContinuationToken));
    }

    [Function("ChangeOrder")]
    public async Task<IActionResult> Change(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post",
            Route = "v1/orders/{id}/{action:regex(^(publish|reject|cancel|claim|match|agree|start|complete|accept|reopen|rate)$)}")]
        HttpRequest req, string id, string action)
    {
        var caller = req.Caller();
        var ct = req.HttpContext.RequestAborted;
        var order = action switch
        {
            "publish" => await handlers.PublishAsync(caller, id, ct),
            "reject" => await handlers.RejectAsync(caller, id, await req.ReadJsonAsync<ReasonRequest>(), ct),
            "cancel" => await handlers.CancelAsync(caller, id, await req.ReadJsonAsync<ReasonRequest>(), ct),
            "claim" => await handlers.ClaimAsync(caller, id, await req.ReadJsonAsync<ResourceRequest>(), ct),
            "match" => await handlers.MatchAsync(caller, id, await req.ReadJsonAsync<ResourceRequest>(), ct),
            "agree" => await handlers.AgreeAsync(caller, id, ct),
            "start" => await handlers.StartAsync(caller, id, ct),
            "complete" => await handlers.CompleteAsync(caller, id, await req.ReadJsonAsync<CompleteRequest>(), ct),
            "accept" => await handlers.AcceptAsync(caller, id, ct),
            "reopen" => await handlers.ReopenAsync(caller, id, await req.ReadJsonAsync<ReasonRequest>(), ct),
            _ => await handlers.RateAsync(caller, id, await req.ReadJsonAsync<RateRequest>(), ct),
        };
        return ApiResult.Ok(OrderView.For(caller, order));
    }
}
