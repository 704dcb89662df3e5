using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Platform.Problems;
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

/// <summary>Daily at 03:00 China Standard Time (19:00 UTC): expires published orders nobody matched in time.</summary>
internal sealed class OrderExpiryFunction(OrderHandlers handlers, Microsoft.Extensions.Options.IOptions<OrderOptions> options)
{
    [Function("OrderExpiry")]
    public Task Run([TimerTrigger("0 0 19 * * *")] TimerInfo timer, CancellationToken ct) =>
        handlers.ExpireStaleAsync(TimeSpan.FromDays(options.Value.ExpireAfterDays), ct);
}

public sealed class OrderOptions
{
    public const string Section = "Orders";

    /// <summary>Days a published order may wait for a match before it expires.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 365)]
    public int ExpireAfterDays { get; set; } = 30;
}

/// <summary>The order lists of api.md, each a point-read index or a single-partition range.</summary>
public sealed class OrderQueries(OrderStore orders)
{
    public async Task<ListPage<Order>> ListAsync(Caller caller, HttpRequest req, CancellationToken ct)
    {
        var v = new Validator();
        var state = v.OneOf<OrderState>("state", req.Query["state"].ToString(), required: false);
        var category = v.OneOf<Category>("category", req.Query["category"].ToString(), required: false);
        var communityId = req.Query["communityId"].ToString() is { Length: > 0 } c ? c : null;
        var unitId = req.Query["unitId"].ToString() is { Length: > 0 } u ? u : null;
        var mine = req.Query["mine"].ToString() == "true";
        if (communityId is not null && !Keys.IsWellFormedId(communityId)) v.Add("communityId", new("不是有效的标识", "is not a valid id"));
        if (unitId is not null && !Keys.IsWellFormedId(unitId)) v.Add("unitId", new("不是有效的标识", "is not a valid id"));
        if (!mine && communityId is null && unitId is null)
        {
            v.Add("communityId", new("请指定 communityId、unitId 或 mine=true", "give communityId, unitId or mine=true"));
        }
        var paging = Paging.From(req);
        v.ThrowIfInvalid();

        bool Fits(Order o) => (state is null || o.State == state) && (category is null || o.Category == category);
        if (mine) return await orders.ListIndexedAsync(OrderStore.ByUserTable, caller.UserId, o => o.OwnerId == caller.UserId && Fits(o), paging, ct);
        if (unitId is not null)
        {
            if (!caller.Roles.Any(r => r.Role == Role.Liaison && r.OrgId == unitId) && !caller.Roles.Any(r => r.Role.IsAdmin())) throw Problems.Forbidden();
            return await orders.ListIndexedAsync(OrderStore.ByUnitTable, unitId, o => o.UnitId == unitId && OrderAccess.MayRead(caller, o) && Fits(o), paging, ct);
        }
        var page = await orders.ListCommunityAsync(communityId!, state, category, paging, ct);
        return page with { Items = page.Items.Where(o => OrderAccess.MayRead(caller, o)).ToList() };
    }
}
