using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Assessment;

/// <summary>The awards list route: binds the query and calls its use case.</summary>
internal sealed class AwardFunctions(GetAwardEligibility eligibility)
{
    [Function("GetAwardEligibility")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/awards/eligibility")] HttpRequest req) =>
        ApiResult.Ok(await eligibility.HandleAsync(req.Caller(), Param(req, "year"), Param(req, "districtId"), Param(req, "streetId"),
            req.HttpContext.RequestAborted));

    private static string? Param(HttpRequest req, string name) => req.Query[name].ToString() is { Length: > 0 } value ? value : null;
}
