using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.PartyMembers;

/// <summary>The points routes (积分): rules per district and year, a member's ledger, a community's ranking, a unit's summary.</summary>
internal sealed class PointsFunctions(
    GetPointsRules getRules,
    PutPointsRules putRules,
    GetLedger ledger,
    GetPointsRanking ranking,
    GetUnitPointsSummary summary)
{
    [Function("GetPointsRules")]
    public async Task<IActionResult> GetRules(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/districts/{districtId}/points/rules/{year}")] HttpRequest req,
        string districtId, string year)
    {
        var rules = await getRules.HandleAsync(districtId, year, req.HttpContext.RequestAborted);
        return ApiResult.Ok(PointsRulesView.From(rules)).WithHeader("ETag", rules.ETag);
    }

    [Function("PutPointsRules")]
    public async Task<IActionResult> PutRules(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/districts/{districtId}/points/rules/{year}")] HttpRequest req,
        string districtId, string year)
    {
        var body = await req.ReadJsonAsync<PutPointsRules.Request>();
        var ifMatch = req.Headers.IfMatch.ToString() is { Length: > 0 } given ? given : null;
        var rules = await putRules.HandleAsync(req.Caller(), districtId, year, ifMatch, body, req.HttpContext.RequestAborted);
        return ApiResult.Ok(PointsRulesView.From(rules)).WithHeader("ETag", rules.ETag);
    }

    [Function("GetMemberPoints")]
    public async Task<IActionResult> GetLedger(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/party-members/{userId}/points")] HttpRequest req, string userId)
    {
        var period = req.Query["period"].ToString() is { Length: > 0 } p ? p : null;
        return ApiResult.Ok(await ledger.HandleAsync(req.Caller(), userId, period, Paging.From(req), req.HttpContext.RequestAborted));
    }

    [Function("GetPointsRanking")]
    public async Task<IActionResult> GetRanking(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/communities/{id}/points-ranking")] HttpRequest req, string id) =>
        ApiResult.Ok(await ranking.HandleAsync(req.Caller(), id, req.Query["period"].ToString(), req.HttpContext.RequestAborted));

    [Function("GetUnitPointsSummary")]
    public async Task<IActionResult> GetSummary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/party-members/points")] HttpRequest req)
    {
        var q = req.Query;
        var request = new GetUnitPointsSummary.Request(q["workUnitId"].ToString(), q["quarter"].ToString());
        return ApiResult.Ok(await summary.HandleAsync(req.Caller(), request, req.HttpContext.RequestAborted));
    }
}
