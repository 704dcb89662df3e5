using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Identity;

/// <summary>The district operator's back-fill of the role holders index (RebuildRoleHolders.cs).</summary>
internal sealed class RoleHolderFunctions(RebuildRoleHolders rebuild)
{
    [Function("RebuildRoleHolders")]
    public async Task<IActionResult> Rebuild(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/role-holders/rebuild")] HttpRequest req) =>
        ApiResult.Ok(await rebuild.HandleAsync(req.Caller(), Paging.From(req), req.HttpContext.RequestAborted));
}
