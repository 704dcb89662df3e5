using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Assessment;

public sealed record RankingItem(int? Rank, string OrgId, string Name, PeerGroup PeerGroup, string? StreetId, double Score, bool Eligible);

public sealed record StartAssessmentRequest(string? DistrictId, string? Period);

/// <summary>Which ranking a response is: the district's peer groups, or one street's (ranked among its members only).</summary>
public sealed record RankingScopeView(string Kind, string OrgId, string DistrictId);

public sealed record RankingView(string Period, bool Final, DateTimeOffset GeneratedAt, string Version, RankingScopeView Scope, string PeerGroupScope,
    string TieBreak, IReadOnlyList<RankingItem> Items);

internal sealed partial class AssessmentFunctions(IndicatorSets indicators, AssessmentRuns runs, RankingStore rankings, FactStore facts, OrgStore orgs,
    Districts districts, Outbox outbox, Platform.Storage.Tables tables, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<AssessmentFunctions> logger)
{
    public const string TieBreak = "同分（保留6位小数）时，按本组权重最高指标的原始值排序，再按组织标识排序";

    [Function("GetIndicators"), Anonymous]
    public async Task<IActionResult> GetIndicators(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/districts/{districtId}/assessment/indicators/{period}")] HttpRequest req,
        string districtId, string period) =>
        ApiResult.Ok(await indicators.ViewAsync(districtId, period, req.HttpContext.RequestAborted));

    [Function("PutIndicators")]
    public async Task<IActionResult> PutIndicators(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/districts/{districtId}/assessment/indicators/{period}")] HttpRequest req,
        string districtId, string period)
    {
        var body = await req.ReadJsonAsync<IndicatorSetRequest>();
        return ApiResult.Ok(await indicators.PutAsync(req.Caller(), districtId, period, body, req.HttpContext.RequestAborted));
    }

    [Function("StartAssessmentRun")]
    public async Task<IActionResult> StartRun([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/assessment/runs")] HttpRequest req)
    {
        var ct = req.HttpContext.RequestAborted;
        var body = await req.ReadJsonAsync<StartAssessmentRequest>();
        var period = IndicatorSets.ParsePeriod(body.Period);
        var district = await districts.FindAsync(body.DistrictId, "districtId", ct);
        if (!req.Caller().IsAdminOf(district.Path)) throw Problems.Forbidden();
        var table = await tables.GetAsync(RankingStore.TableName, ct);
        var staged = outbox.Stage(new RankingScope(district.Id, false).Partition(period.Text), AssessmentRuns.Queue,
            new AssessmentRuns.RunMessage(district.Id, period.Text));
        await table.SubmitTransactionAsync([staged.Action], ct);
        await outbox.DispatchAsync(table, [staged.Entry], ct);
        return ApiResult.Accepted($"/api/v1/rankings/{period.Text}?districtId={district.Id}", new { districtId = district.Id, period = period.Text, state = "queued" });
    }

    [Function("GetRanking"), Anonymous]
    public async Task<IActionResult> GetRanking([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/rankings/{period}")] HttpRequest req, string period)
    {
        var v = new Validator();
        var group = v.OneOf<PeerGroup>("peerGroup", req.Query["peerGroup"].ToString(), required: false);
        var parsed = IndicatorSets.ParsePeriod(period);
        v.ThrowIfInvalid();
        var ct = req.HttpContext.RequestAborted;
        var (district, street) = await districts.ScopeAsync(req.Query["districtId"].ToString(), req.Query["streetId"].ToString(), ct);
        var meta = await MetaAsync(district, street, parsed, ct);
        var items = (await rankings.GroupsAsync(meta, group is { } g ? EnumText.ToText(g) : null, ct))
            .Select(r => new RankingItem(r.Rank, r.OrgId, r.Name, r.PeerGroup, r.StreetId, r.Score, r.Eligible))
            .ToList();
        return Cacheable(req, meta, new RankingView(meta.Period, meta.Final, meta.GeneratedAt, meta.Version, ScopeView(district, street),
            street is null ? "district" : "street", TieBreakOf(street), items));
    }

    [Function("GetRankingBreakdown"), Anonymous]
    public async Task<IActionResult> GetBreakdown(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/rankings/{period}/orgs/{orgId}")] HttpRequest req, string period, string orgId)
    {
        var ct = req.HttpContext.RequestAborted;
        var parsed = IndicatorSets.ParsePeriod(period);
        var org = await orgs.FindAsync(orgId, ct) ?? throw Problems.NotFound("organisation");
        // The district's ranking by default; ?streetId= the street's (the organisation must be in it).
        var streetId = req.Query["streetId"].ToString();
        var (district, street) = await districts.ScopeAsync(org.Path[0], streetId, ct);
        if (street is not null && !org.Path.Contains(street.Id)) throw Problems.NotFound("organisation");
        var meta = await MetaAsync(district, street, parsed, ct);
        var ranked = await rankings.OrgAsync(meta, orgId, ct) ?? throw Problems.NotFound("organisation");
        return Cacheable(req, meta, new
        {
            period = meta.Period, final = meta.Final, generatedAt = meta.GeneratedAt, scope = ScopeView(district, street),
            peerGroupScope = street is null ? "district" : "street", item = ranked,
        });
    }

    [Function("GetRankingFacts")]
    public async Task<IActionResult> GetFacts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/rankings/{period}/orgs/{orgId}/facts")] HttpRequest req, string period, string orgId)
    {
        var parsed = IndicatorSets.ParsePeriod(period);
        var org = await orgs.FindAsync(orgId, req.HttpContext.RequestAborted);
        if (org is null || !req.Caller().ActsFor(org.Path)) throw Problems.NotFound("organisation");
        return ApiResult.Ok(new
        {
            period = parsed.Text, orgId, districtId = org.Path[0],
            items = await facts.FactsAsync(parsed, org.Path[0], orgId, req.HttpContext.RequestAborted),
        });
    }

    [Function("ExportRanking")]
    public async Task<IActionResult> Export([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/rankings/{period}/export")] HttpRequest req, string period)
    {
        var ct = req.HttpContext.RequestAborted;
        var parsed = IndicatorSets.ParsePeriod(period);
        var (district, street) = await districts.ScopeAsync(req.Query["districtId"].ToString(), req.Query["streetId"].ToString(), ct);
        if (!req.Caller().IsAdminOf((street ?? district).Path)) throw Problems.Forbidden();
        var meta = await MetaAsync(district, street, parsed, ct);
        var items = await rankings.GroupsAsync(meta, null, ct);
        var names = (await orgs.InDistrictAsync(district.Id, ct)).ToDictionary(o => o.Id, o => o.Name);
        var bytes = Xlsx.Write($"{meta.Period} 排名",
            ["同类组", "名次", "组织", "所属街道", "得分", "具备评优资格", "定稿"],
            items.Select(r => (IReadOnlyList<object?>)[GroupName(r.PeerGroup), r.Rank, r.Name, r.StreetId is { } s ? names.GetValueOrDefault(s, s) : "", r.Score, r.Eligible ? "是" : "否", meta.Final ? "是" : "否"]));
        return new ApiResult(200, new Dictionary<string, string>
        {
            ["Content-Disposition"] = $"attachment; filename=\"rankings-{(street ?? district).Id}-{meta.Period}.xlsx\"",
        }, bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    /// <summary>Every district on its own, so that one district's failure does not stop another's.</summary>
    [Function("AssessmentTimer")]
    public async Task Timer([TimerTrigger("%Assessment:Schedule%")] TimerInfo timer, CancellationToken ct)
    {
        foreach (var district in await orgs.DistrictsAsync(ct))
        {
            foreach (var period in AssessmentRuns.PeriodsAround(clock.GetUtcNow()))
            {
                try
                {
                    await runs.RunAsync(district.Id, period, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogDistrictFailed(e, district.Id, period.Text);
                }
            }
        }
    }

    [Function("AssessmentRuns")]
    public Task Run([QueueTrigger(AssessmentRuns.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct)
    {
        var run = QueueMessages.Parse<AssessmentRuns.RunMessage>(message);
        return runs.RunAsync(run.DistrictId, IndicatorSets.ParsePeriod(run.Period), ct);
    }

    private async Task<RankingMeta> MetaAsync(Org district, Org? street, Period period, CancellationToken ct) =>
        (await rankings.MetaAsync(new RankingScope((street ?? district).Id, street is not null), period.Text, ct))?.Meta
        ?? throw Problems.NotFound("ranking");

    private static RankingScopeView ScopeView(Org district, Org? street) =>
        street is null ? new("district", district.Id, district.Id) : new("street", street.Id, district.Id);

    private static string TieBreakOf(Org? street) =>
        (street is null ? "在全区同类组内排名；" : "仅在本街道同类组内排名（名次为街道内 1..n）；") + TieBreak;

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

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Error,
        Message = "The assessment run of district {DistrictId} for {Period} failed; the other districts go on")]
    private partial void LogDistrictFailed(Exception exception, string districtId, string period);

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
