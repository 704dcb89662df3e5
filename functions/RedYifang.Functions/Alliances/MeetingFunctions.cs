using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Alliances;

/// <summary>The joint meeting routes (联席会议): each binds the request and calls its use case.</summary>
internal sealed class MeetingFunctions(
    ScheduleMeeting schedule,
    ListMeetings list,
    GetMeeting get,
    RecordDecision decide,
    CloseMeeting close,
    IdempotentRequests idempotency)
{
    [Function("ScheduleMeeting")]
    public async Task<IActionResult> Schedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alliances/{id}/meetings")] HttpRequest req, string id)
    {
        var body = await req.ReadJsonAsync<ScheduleMeeting.Request>();
        Task MayStill() => schedule.MayStillAsync(req.Caller(), id, req.HttpContext.RequestAborted);
        return await idempotency.RunAsync(req, "ScheduleMeeting", MayStill, async () =>
        {
            var meeting = await schedule.HandleAsync(req.Caller(), id, body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/alliances/{id}/meetings/{meeting.Id}", MeetingView.From(meeting));
        });
    }

    [Function("ListMeetings")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/alliances/{id}/meetings")] HttpRequest req, string id) =>
        ApiResult.Ok(await list.HandleAsync(req.Caller(), id, Paging.From(req), req.HttpContext.RequestAborted));

    [Function("GetMeeting")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/alliances/{id}/meetings/{meetingId}")] HttpRequest req,
        string id, string meetingId) =>
        ApiResult.Ok(MeetingView.From(await get.HandleAsync(req.Caller(), id, meetingId, req.HttpContext.RequestAborted)));

    [Function("RecordMeetingDecision")]
    public async Task<IActionResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alliances/{id}/meetings/{meetingId}/decisions")] HttpRequest req,
        string id, string meetingId)
    {
        var body = await req.ReadJsonAsync<RecordDecision.Request>();
        return ApiResult.Ok(MeetingView.From(await decide.HandleAsync(req.Caller(), id, meetingId, body, req.HttpContext.RequestAborted)));
    }

    [Function("CloseMeeting")]
    public async Task<IActionResult> Close(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alliances/{id}/meetings/{meetingId}/close")] HttpRequest req,
        string id, string meetingId)
    {
        var body = await req.ReadJsonAsync<CloseMeeting.Request>();
        return ApiResult.Ok(MeetingView.From(await close.HandleAsync(req.Caller(), id, meetingId, body, req.HttpContext.RequestAborted)));
    }
}
