using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Assessment;

/// <summary>A district's indicator set per period: read by anyone, set by the district's admins.</summary>
internal sealed class IndicatorFunctions(GetIndicatorSet get, PutIndicatorSet put)
{
    [Function("GetIndicators"), Anonymous]
    public async Task<IActionResult> GetIndicators(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "get",
            Route = "api/v1/districts/{districtId}/assessment/indicators/{period}")] HttpRequest req,
        string districtId, string period) =>
        ApiResult.Ok(await get.HandleAsync(districtId, period, req.HttpContext.RequestAborted));

    [Function("PutIndicators")]
    public async Task<IActionResult> PutIndicators(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "put",
            Route = "api/v1/districts/{districtId}/assessment/indicators/{period}")] HttpRequest req,
        string districtId, string period)
    {
        var body = await req.ReadJsonAsync<PutIndicatorSet.Request>();
        return ApiResult.Ok(await put.HandleAsync(req.Caller(), districtId, period, body, req.HttpContext.RequestAborted));
    }
}
