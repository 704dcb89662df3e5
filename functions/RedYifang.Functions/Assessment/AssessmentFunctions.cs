using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Assessment;

public sealed record RankingItem(int? Rank, string OrgId, string Name, PeerGroup PeerGroup, string? StreetId, double Score, bool Eligible);

public sealed record RankingView(string Period, bool Final, DateTimeOffset GeneratedAt, string Version, string TieBreak, IReadOnlyList<RankingItem> Items);

public sealed record StartAssessmentRequest(string? Period);

internal sealed class AssessmentFunctions(IndicatorSets indicators, AssessmentRuns runs, RankingStore rankings, FactStore facts, OrgStore orgs,
    Outbox outbox, Platform.Storage.Tables tables, TimeProvider clock)
{
    public const string TieBreak = "同分（保留6位小数）时，按本组权重最高指标的原始值排序，再按组织标识排序";

    [Function("GetIndicators")]
    public async Task<IActionResult> GetIndicators(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/assessment/indicators/{period}")] HttpRequest req, string period) =>
        ApiResult.Ok(await indicators.ViewAsync(period, req.HttpContext.RequestAborted));

    [Function("PutIndicators")]
    public async Task<IActionResult> PutIndicators(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/assessment/indicators/{period}")] HttpRequest req, string period)
    {
        var body = await req.ReadJsonAsync<IndicatorSetRequest>();
        return ApiResult.Ok(await indicators.PutAsync(req.Caller(), period, body, req.HttpContext.RequestAborted));
    }

    [Function("StartAssessmentRun")]
    public async Task<IActionResult> StartRun([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/assessment/runs")] HttpRequest req)
    {
        if (!req.Caller().Roles.Any(r => r.Role == Role.DistrictAdmin)) throw Problems.Forbidden();
        var body = await req.ReadJsonAsync<StartAssessmentRequest>();
        var period = IndicatorSets.ParsePeriod(body.Period);
        var table = await tables.GetAsync(RankingStore.TableName, req.HttpContext.RequestAborted);
        var staged = outbox.Stage(period.Text, AssessmentRuns.Queue, new AssessmentRuns.RunMessage(period.Text));
        await table.SubmitTransactionAsync([staged.Action], req.HttpContext.RequestAborted);
        await outbox.DispatchAsync(table, [staged.Entry], req.HttpContext.RequestAborted);
        return ApiResult.Accepted($"/api/v1/rankings/{period.Text}", new { period = period.Text, state = "queued" });
    }

    [Function("GetRanking"), Anonymous]
    public async Task<IActionResult> GetRanking([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/rankings/{period}")] HttpRequest req, string period)
    {
        var v = new Validator();
        var group = v.OneOf<PeerGroup>("peerGroup", req.Query["peerGroup"].ToString(), required: false);
        var streetId = req.Query["streetId"].ToString() is { Length: > 0 } s ? s : null;
        v.ThrowIfInvalid();
        var meta = await MetaAsync(period, req.HttpContext.RequestAborted);
        var items = (await rankings.GroupsAsync(meta, group is { } g ? EnumText.ToText(g) : null, req.HttpContext.RequestAborted))
            .Where(r => streetId is null || r.StreetId == streetId)
            .Select(r => new RankingItem(r.Rank, r.OrgId, r.Name, r.PeerGroup, r.StreetId, r.Score, r.Eligible))
            .ToList();
        return Cacheable(req, meta, new RankingView(meta.Period, meta.Final, meta.GeneratedAt, meta.Version, TieBreak, items));
    }

    [Function("GetRankingBreakdown"), Anonymous]
    public async Task<IActionResult> GetBreakdown(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/rankings/{period}/orgs/{orgId}")] HttpRequest req, string period, string orgId)
    {
        var meta = await MetaAsync(period, req.HttpContext.RequestAborted);
        var ranked = await rankings.OrgAsync(meta, orgId, req.HttpContext.RequestAborted) ?? throw Problems.NotFound("organisation");
        return Cacheable(req, meta, new { period = meta.Period, final = meta.Final, generatedAt = meta.GeneratedAt, item = ranked });
    }

    [Function("GetRankingFacts")]
    public async Task<IActionResult> GetFacts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/rankings/{period}/orgs/{orgId}/facts")] HttpRequest req, string period, string orgId)
    {
        var parsed = IndicatorSets.ParsePeriod(period);
        var org = await orgs.FindAsync(orgId, req.HttpContext.RequestAborted);
        if (org is null || !req.Caller().ActsFor(org.Path)) throw Problems.NotFound("organisation");
        return ApiResult.Ok(new { period = parsed.Text, orgId, items = await facts.FactsAsync(parsed, orgId, req.HttpContext.RequestAborted) });
    }

    [Function("ExportRanking")]
    public async Task<IActionResult> Export([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/rankings/{period}/export")] HttpRequest req, string period)
    {
        if (!req.Caller().Roles.Any(r => r.Role.IsAdmin())) throw Problems.Forbidden();
        var meta = await MetaAsync(period, req.HttpContext.RequestAborted);
        var items = await rankings.GroupsAsync(meta, null, req.HttpContext.RequestAborted);
        var names = (await orgs.AllAsync(req.HttpContext.RequestAborted)).ToDictionary(o => o.Id, o => o.Name);
        var bytes = Xlsx.Write($"{meta.Period} 排名",
            ["同类组", "名次", "组织", "所属街道", "得分", "具备评优资格", "定稿"],
            items.Select(r => (IReadOnlyList<object?>)[GroupName(r.PeerGroup), r.Rank, r.Name, r.StreetId is { } s ? names.GetValueOrDefault(s, s) : "", r.Score, r.Eligible ? "是" : "否", meta.Final ? "是" : "否"]));
        return new ApiResult(200, new Dictionary<string, string>
        {
            ["Content-Disposition"] = $"attachment; filename=\"rankings-{meta.Period}.xlsx\"",
        }, bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Function("AssessmentTimer")]
    public async Task Timer([TimerTrigger("%Assessment:Schedule%")] TimerInfo timer, CancellationToken ct)
    {
        foreach (var period in AssessmentRuns.PeriodsAround(clock.GetUtcNow())) await runs.RunAsync(period, ct);
    }

    [Function("AssessmentRuns")]
    public Task Run([QueueTrigger(AssessmentRuns.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        runs.RunAsync(IndicatorSets.ParsePeriod(QueueMessages.Parse<AssessmentRuns.RunMessage>(message).Period), ct);

    private async Task<RankingMeta> MetaAsync(string period, CancellationToken ct)
    {
        var parsed = IndicatorSets.ParsePeriod(period);
        return (await rankings.MetaAsync(parsed.Text, ct))?.Meta ?? throw Problems.NotFound("ranking");
    }

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

    private static string GroupName(PeerGroup group) => group switch
    {
        PeerGroup.Agency => "机关事业单位",
        PeerGroup.StateEnterprise => "国有企业",
        PeerGroup.NonPublicEnterprise => "非公企业",
        PeerGroup.SocialOrganization => "社会组织",
        PeerGroup.VolunteerTeam => "志愿服务队",
        _ => "社区",
    };
}

internal sealed class AssessmentFactFunction(AssessmentFacts facts)
{
    [Function("RecordAssessmentFact")]
    public Task Run([QueueTrigger(AssessmentEvent.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        facts.RecordAsync(QueueMessages.Parse<AssessmentEvent>(message), ct);
}
