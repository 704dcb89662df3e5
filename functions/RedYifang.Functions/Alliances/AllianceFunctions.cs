using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Alliances;

/// <summary>The alliance routes (党建联盟: members, committee, chairs): each binds the request and calls its use case.</summary>
internal sealed class AllianceFunctions(
    CreateAlliance create,
    GetAlliance get,
    ListAlliances list,
    InviteMember invite,
    AcceptInvitation accept,
    DeclineInvitation decline,
    ListMembers members,
    LeaveAlliance leave,
    AppointCommitteeMember appoint,
    RemoveCommitteeMember remove,
    ListCommittee committee,
    AddChairTerm addChair,
    ListChairTerms chairs,
    IdempotentRequests idempotency)
{
    [Function("CreateAlliance")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alliances")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<CreateAlliance.Request>();
        Task MayStill() => create.MayStillAsync(req.Caller(), body, req.HttpContext.RequestAborted);
        return await idempotency.RunAsync(req, "CreateAlliance", MayStill, async () =>
        {
            var alliance = await create.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/alliances/{alliance.Id}", AllianceView.From(alliance, null));
        });
    }

    [Function("ListAlliances")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/alliances")] HttpRequest req)
    {
        string? Param(string name) => req.Query[name].ToString() is { Length: > 0 } value ? value : null;
        return ApiResult.Ok(await list.HandleAsync(req.Caller(), new ListAlliances.Request(Param("streetId"), Param("districtId"),
            Paging.From(req)), req.HttpContext.RequestAborted));
    }

    [Function("GetAlliance")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/alliances/{id}")] HttpRequest req, string id) =>
        ApiResult.Ok(await get.HandleAsync(req.Caller(), id, req.HttpContext.RequestAborted));

    [Function("InviteAllianceMember")]
    public async Task<IActionResult> Invite(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alliances/{id}/invitations")] HttpRequest req, string id)
    {
        var body = await req.ReadJsonAsync<InviteMember.Request>();
        var member = await invite.HandleAsync(req.Caller(), id, body, req.HttpContext.RequestAborted);
        return ApiResult.Created($"/api/v1/alliances/{id}/members?state=invited", MemberView.From(member));
    }

    [Function("AnswerAllianceInvitation")]
    public async Task<IActionResult> Answer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post",
            Route = "api/v1/alliances/{id}/invitations/{unitId}/{action:regex(^(accept|decline)$)}")]
        HttpRequest req, string id, string unitId, string action)
    {
        var (caller, ct) = (req.Caller(), req.HttpContext.RequestAborted);
        var member = action == "accept"
            ? await accept.HandleAsync(caller, id, unitId, ct)
            : await decline.HandleAsync(caller, id, unitId, ct);
        return ApiResult.Ok(MemberView.From(member));
    }

    [Function("ListAllianceMembers")]
    public async Task<IActionResult> Members(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/alliances/{id}/members")] HttpRequest req, string id) =>
        ApiResult.Ok(await members.HandleAsync(req.Caller(), id, req.Query["state"].ToString() is { Length: > 0 } s ? s : null,
            Paging.From(req), req.HttpContext.RequestAborted));

    [Function("LeaveAlliance")]
    public async Task<IActionResult> Leave(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alliances/{id}/members/{unitId}/leave")] HttpRequest req,
        string id, string unitId) =>
        ApiResult.Ok(MemberView.From(await leave.HandleAsync(req.Caller(), id, unitId, req.HttpContext.RequestAborted)));

    [Function("AppointCommitteeMember")]
    public async Task<IActionResult> Appoint(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alliances/{id}/committee")] HttpRequest req, string id)
    {
        var body = await req.ReadJsonAsync<AppointCommitteeMember.Request>();
        var seat = await appoint.HandleAsync(req.Caller(), id, body, req.HttpContext.RequestAborted);
        return ApiResult.Created($"/api/v1/alliances/{id}/committee", CommitteeSeatView.From(seat));
    }

    [Function("ListCommitteeMembers")]
    public async Task<IActionResult> Committee(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/alliances/{id}/committee")] HttpRequest req, string id) =>
        ApiResult.Ok(await committee.HandleAsync(req.Caller(), id, Paging.From(req), req.HttpContext.RequestAborted));

    [Function("RemoveCommitteeMember")]
    public async Task<IActionResult> Remove(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/alliances/{id}/committee/{userId}")] HttpRequest req,
        string id, string userId)
    {
        await remove.HandleAsync(req.Caller(), id, userId, req.HttpContext.RequestAborted);
        return ApiResult.NoContent();
    }

    [Function("AddChairTerm")]
    public async Task<IActionResult> AddChair(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alliances/{id}/chairs")] HttpRequest req, string id)
    {
        var body = await req.ReadJsonAsync<AddChairTerm.Request>();
        return ApiResult.Created($"/api/v1/alliances/{id}/chairs", await addChair.HandleAsync(req.Caller(), id, body,
            req.HttpContext.RequestAborted));
    }

    [Function("ListChairTerms")]
    public async Task<IActionResult> Chairs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/alliances/{id}/chairs")] HttpRequest req, string id) =>
        ApiResult.Ok(await chairs.HandleAsync(req.Caller(), id, req.HttpContext.RequestAborted));
}
