using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Notifications;

/// <summary>The caller's subscriptions and inbox (<c>/v1/me/…</c>): each binds the request and calls its use case.</summary>
internal sealed class NotificationFunctions(
    AddSubscription add,
    ListSubscriptions subscriptions,
    ListNotifications list,
    MarkNotificationRead read,
    IdempotentRequests idempotency)
{
    [Function("AddSubscription")]
    public async Task<IActionResult> Add(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/me/subscriptions")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<AddSubscription.Request>();
        // A retried report would count the subscription twice: with an Idempotency-Key it counts once.
        return await idempotency.RunAsync(req, "AddSubscription", mayStill: null, async () =>
            ApiResult.Ok(await add.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted)));
    }

    [Function("ListSubscriptions")]
    public async Task<IActionResult> Subscriptions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/me/subscriptions")] HttpRequest req) =>
        ApiResult.Ok(new { items = await subscriptions.HandleAsync(req.Caller(), req.HttpContext.RequestAborted) });

    [Function("ListNotifications")]
    public async Task<IActionResult> Notifications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/me/notifications")] HttpRequest req)
    {
        var paging = Paging.From(req);
        return ApiResult.Ok(await list.HandleAsync(req.Caller(), paging, req.HttpContext.RequestAborted));
    }

    [Function("MarkNotificationRead")]
    public async Task<IActionResult> Read(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/me/notifications/{id}/read")] HttpRequest req, string id) =>
        ApiResult.Ok(await read.HandleAsync(req.Caller(), id, req.HttpContext.RequestAborted));
}
