using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Organisations;

/// <summary>The organisation routes of api.md: each binds the request and calls its use case.</summary>
internal sealed class OrgFunctions(CreateOrganisation create, GetOrganisation get, ListOrganisations list, GrantRole grant,
    RevokeRole revoke, EditOrganisation edit, GetOrgHistory history, IdempotentRequests idempotency)
{
    [Function("CreateOrg")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/orgs")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<CreateOrganisation.Request>();
        Task MayStill() => create.MayStillAsync(req.Caller(), body, req.HttpContext.RequestAborted);
        return await idempotency.RunAsync(req, "CreateOrg", MayStill, async () =>
        {
            var org = await create.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/orgs/{org.Id}", org);
        });
    }

    [Function("GetOrg")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/orgs/{id}")] HttpRequest req,
        string id)
    {
        var stored = await get.HandleAsync(req.Caller(), id, req.HttpContext.RequestAborted);
        return ApiResult.Ok(stored.Org).WithHeader("ETag", stored.ETag.ToString());
    }

    [Function("EditOrg")]
    public async Task<IActionResult> Edit([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/orgs/{id}")] HttpRequest req,
        string id)
    {
        var body = await req.ReadJsonAsync<EditOrganisation.Request>();
        var ifMatch = req.Headers.IfMatch.ToString() is { Length: > 0 } given ? given : null;
        var stored = await edit.HandleAsync(req.Caller(), id, ifMatch, body, req.HttpContext.RequestAborted);
        return ApiResult.Ok(stored.Org).WithHeader("ETag", stored.ETag.ToString());
    }

    [Function("GetOrgHistory")]
    public async Task<IActionResult> History(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/orgs/{id}/history")] HttpRequest req,
        string id) =>
        ApiResult.Ok(new { items = await history.HandleAsync(req.Caller(), id, req.HttpContext.RequestAborted) });

    [Function("ListOrgs")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/orgs")] HttpRequest req)
    {
        var query = new ListOrganisations.Request(req.Query["parentId"].ToString(), req.Query["kind"].ToString());
        return ApiResult.Ok(await list.HandleAsync(req.Caller(), query, Paging.From(req), req.HttpContext.RequestAborted));
    }

    [Function("GrantRole")]
    public async Task<IActionResult> Grant(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/orgs/{id}/roles/{userId}")]
        HttpRequest req, string id, string userId)
    {
        var body = await req.ReadJsonAsync<GrantRole.Request>();
        return ApiResult.Ok(await grant.HandleAsync(req.Caller(), id, userId, body, req.HttpContext.RequestAborted));
    }

    [Function("RevokeRole")]
    public async Task<IActionResult> Revoke(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "delete",
            Route = "api/v1/orgs/{id}/roles/{userId}")] HttpRequest req, string id, string userId)
    {
        await revoke.HandleAsync(req.Caller(), id, userId, req.Query["role"].ToString(), req.HttpContext.RequestAborted);
        return ApiResult.NoContent();
    }
}
