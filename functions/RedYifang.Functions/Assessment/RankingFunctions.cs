using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Assessment;

/// <summary>The ranking routes of api.md: each binds the request and calls its use case; public answers are cacheable.</summary>
internal sealed class RankingFunctions(GetRanking ranking, GetRankingBreakdown breakdown, GetRankingFacts facts, ExportRanking export)
{
    [Function("GetRanking"), Anonymous]
    public async Task<IActionResult> GetRanking(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/rankings/{period}")] HttpRequest req,
        string period)
    {
        var (view, meta) = await ranking.HandleAsync(
            new GetRanking.Request(period, Param(req, "districtId"), Param(req, "streetId"), Param(req, "peerGroup")), req.HttpContext
                .RequestAborted);
        return Cacheable(req, meta, view);
    }

    [Function("GetRankingBreakdown"), Anonymous]
    public async Task<IActionResult> GetBreakdown(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "get",
            Route = "api/v1/rankings/{period}/orgs/{orgId}")] HttpRequest req, string period, string orgId)
    {
        var (view, meta) = await breakdown.HandleAsync(period, orgId, Param(req, "streetId"), req.HttpContext.RequestAborted);
        return Cacheable(req, meta, view);
    }

    [Function("GetRankingFacts")]
    public async Task<IActionResult> GetFacts(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "get",
            Route = "api/v1/rankings/{period}/orgs/{orgId}/facts")] HttpRequest req, string period,
        string orgId) =>
        ApiResult.Ok(await facts.HandleAsync(req.Caller(), period, orgId, req.HttpContext.RequestAborted));

    [Function("ExportRanking")]
    public async Task<IActionResult> Export(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/rankings/{period}/export")] HttpRequest req,
        string period)
    {
        var workbook = await export.HandleAsync(
            req.Caller(),
            period,
            Param(req, "districtId"),
            Param(req, "streetId"),
            req.HttpContext.RequestAborted);
        return new ApiResult(200, new Dictionary<string, string>
        {
            ["Content-Disposition"] = $"attachment; filename=\"{workbook.FileName}\"",
        }, workbook.Bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private static string? Param(HttpRequest req, string name) => req.Query[name].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>Public and cacheable: an ETag over the exact body, 304 when the client has it; final rankings never change.</summary>
    private static IActionResult Cacheable(HttpRequest req, RankingMeta meta, object body)
    {
        var result = ApiResult.Json(200, body);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(result.Body!))[..32]}\"";
        var cache = meta.Final ? "public, max-age=86400, immutable" : "public, max-age=300";
        if (req.Headers.IfNoneMatch.Any(v => v == etag || v == "*"))
        {
            return new ApiResult(304, new Dictionary<string, string> { ["ETag"] = etag, ["Cache-Control"] = cache }, null, null);
        }
        return result.WithHeader("ETag", etag).WithHeader("Cache-Control", cache);
    }
}
