using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Activities;

/// <summary>The activity routes (活动 and check-in): each binds the request and calls its use case.</summary>
internal sealed class ActivityFunctions(
    CreateActivity create,
    GetActivity get,
    ListActivities list,
    GetCheckinCode code,
    CheckIn checkIn,
    CheckOut checkOut,
    ListAttendance attendance,
    BackfillAttendance backfill,
    ApproveAttendance approve,
    DeclineAttendance decline,
    CloseActivity close,
    CancelActivity cancel,
    IdempotentRequests idempotency)
{
    [Function("CreateActivity")]
    public async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/activities")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<CreateActivity.Request>();
        Task MayStill() => create.MayStillAsync(req.Caller(), body, req.HttpContext.RequestAborted);
        return await idempotency.RunAsync(req, "CreateActivity", MayStill, async () =>
        {
            var activity = await create.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/activities/{activity.Id}", ActivityView.From(activity, 0));
        });
    }

    [Function("GetActivity")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/activities/{id}")] HttpRequest req,
        string id) =>
        ApiResult.Ok(await get.HandleAsync(req.Caller(), id, req.HttpContext.RequestAborted));

    [Function("ListActivities")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/activities")] HttpRequest req)
    {
        var q = req.Query;
        string? Param(string name) => q[name].ToString() is { Length: > 0 } value ? value : null;
        var paging = Paging.From(req);
        var page = await list.HandleAsync(req.Caller(), new ListActivities.Request(Param("orgId"), Param("from"), Param("to"), paging),
            req.HttpContext.RequestAborted);
        return ApiResult.Ok(new ListPage<ActivityView>([.. page.Items.Select(a => ActivityView.From(a))], page.ContinuationToken));
    }

    [Function("GetCheckinCode")]
    public async Task<IActionResult> Code(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/activities/{id}/checkin-code")] HttpRequest req,
        string id) =>
        ApiResult.Ok(await code.HandleAsync(req.Caller(), id, req.HttpContext.RequestAborted));

    [Function("CheckIn")]
    public async Task<IActionResult> CheckIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/activities/{id}/checkins")] HttpRequest req,
        string id)
    {
        var body = await req.ReadJsonAsync<CheckIn.Request>();
        var (record, created) = await checkIn.HandleAsync(req.Caller(), id, body, req.HttpContext.RequestAborted);
        return ApiResult.Json(created ? 201 : 200, record);
    }

    [Function("CheckOut")]
    public async Task<IActionResult> CheckOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/activities/{id}/checkouts")] HttpRequest req,
        string id) =>
        ApiResult.Ok(await checkOut.HandleAsync(req.Caller(), id, await req.ReadJsonAsync<CheckIn.Request>(),
            req.HttpContext.RequestAborted));

    [Function("ListAttendance")]
    public async Task<IActionResult> Attendance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/activities/{id}/attendance")] HttpRequest req,
        string id) =>
        ApiResult.Ok(await attendance.HandleAsync(req.Caller(), id, Paging.From(req), req.HttpContext.RequestAborted));

    [Function("BackfillAttendance")]
    public async Task<IActionResult> Backfill(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/activities/{id}/attendance")] HttpRequest req,
        string id)
    {
        var body = await req.ReadJsonAsync<BackfillAttendance.Request>();
        return ApiResult.Json(201, await backfill.HandleAsync(req.Caller(), id, body, req.HttpContext.RequestAborted));
    }

    [Function("ReviewAttendance")]
    public async Task<IActionResult> Review(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post",
            Route = "api/v1/activities/{id}/attendance/{userId}/{action:regex(^(approve|decline)$)}")]
        HttpRequest req, string id, string userId, string action)
    {
        var (caller, ct) = (req.Caller(), req.HttpContext.RequestAborted);
        var body = await req.ReadJsonAsync<ReviewAttendance.Request>();
        return ApiResult.Ok(action == "approve"
            ? await approve.HandleAsync(caller, id, userId, body, ct)
            : await decline.HandleAsync(caller, id, userId, body, ct));
    }

    [Function("ChangeActivity")]
    public async Task<IActionResult> Change(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/activities/{id}/{action:regex(^(close|cancel)$)}")]
        HttpRequest req, string id, string action)
    {
        var (caller, ct) = (req.Caller(), req.HttpContext.RequestAborted);
        var activity = action == "close"
            ? await close.HandleAsync(caller, id, ct)
            : await cancel.HandleAsync(caller, id, await req.ReadJsonAsync<CancelActivity.Request>(), ct);
        return ApiResult.Ok(ActivityView.From(activity));
    }
}
