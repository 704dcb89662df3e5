using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Platform.Health;

internal sealed class HealthFunction(StorageHealth health)
{
    [Function("Health"), Anonymous]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest req)
    {
        var view = await health.CheckAsync(req.HttpContext.RequestAborted);
        return ApiResult.Json(view.Status == "healthy" ? 200 : 503, view).WithHeader("Cache-Control", "no-store");
    }
}
