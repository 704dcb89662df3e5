using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.ContentSecurity;

/// <summary>The moderation routes: the admins' list of held content and their decision on one item.</summary>
internal sealed class ModerationFunctions(ListPendingModeration list, DecideModeration decide)
{
    [Function("ListPendingModeration")]
    public async Task<IActionResult> Pending(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/moderation/pending")] HttpRequest req) =>
        ApiResult.Ok(await list.HandleAsync(req.Caller(), req.Query["orgId"].ToString() is { Length: > 0 } orgId ? orgId : null,
            Paging.From(req), req.HttpContext.RequestAborted));

    [Function("DecideModeration")]
    public async Task<IActionResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/moderation/{id}/{decision:regex(^(approve|hide)$)}")]
        HttpRequest req, string id, string decision) =>
        ApiResult.Ok(await decide.HandleAsync(req.Caller(), id, decision == "approve", req.HttpContext.RequestAborted));
}
