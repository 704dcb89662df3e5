using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Organisations;

internal sealed class OrgFunctions(CreateOrganisation create, RoleGrants roleGrants, OrgStore orgs, IdempotentRequests idempotency)
{
    [Function("CreateOrg")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/orgs")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<CreateOrgRequest>();
        return await idempotency.RunAsync(req, async () =>
        {
            var org = await create.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/orgs/{org.Id}", org);
        });
    }

    [Function("GetOrg")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/orgs/{id}")] HttpRequest req, string id)
    {
        var org = await orgs.FindAsync(id, req.HttpContext.RequestAborted) ?? throw Problems.NotFound("organisation");
        return ApiResult.Ok(org);
    }

    [Function("ListOrgs")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/orgs")] HttpRequest req)
    {
        var v = new Validator();
        var parentId = req.Query["parentId"].ToString() is { Length: > 0 } p ? p : null;
        if (parentId is not null && !Keys.IsWellFormedId(parentId)) v.Add("parentId", new("不是有效的组织标识", "is not a valid organisation id"));
        var kind = v.OneOf<OrgKind>("kind", req.Query["kind"].ToString(), required: false);
        v.ThrowIfInvalid();
        var page = await orgs.ListChildrenAsync(parentId, kind, Paging.From(req), req.HttpContext.RequestAborted);
        return ApiResult.Ok(page);
    }

    [Function("GrantRole")]
    public async Task<IActionResult> Grant(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/orgs/{id}/roles/{userId}")] HttpRequest req, string id, string userId)
    {
        var body = await req.ReadJsonAsync<GrantRoleRequest>();
        return ApiResult.Ok(await roleGrants.GrantAsync(req.Caller(), id, userId, body, req.HttpContext.RequestAborted));
    }

    [Function("RevokeRole")]
    public async Task<IActionResult> Revoke(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/orgs/{id}/roles/{userId}")] HttpRequest req, string id, string userId)
    {
        await roleGrants.RevokeAsync(req.Caller(), id, userId, req.Query["role"].ToString(), req.HttpContext.RequestAborted);
        return ApiResult.NoContent();
    }
}
