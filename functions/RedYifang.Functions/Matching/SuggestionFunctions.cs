using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Matching;

/// <summary>The suggestions route of api.md: binds the request and calls its use case.</summary>
internal sealed class SuggestionFunctions(GetSuggestions get)
{
    [Function("GetSuggestions")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/orders/{id}/suggestions")] HttpRequest req, string id)
    {
        var suggestions = await get.HandleAsync(req.Caller(), id, req.HttpContext.RequestAborted);
        return ApiResult.Ok(new { items = suggestions?.Items ?? [], computedAt = suggestions?.ComputedAt });
    }
}
