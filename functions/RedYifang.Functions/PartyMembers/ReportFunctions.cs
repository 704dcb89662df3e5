using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.PartyMembers;

/// <summary>The party member report routes (在职党员报到): each binds the request and calls its use case.</summary>
internal sealed class ReportFunctions(
    SubmitReport submit,
    ListReports list,
    ApproveReport approve,
    DeclineReport decline,
    IdempotentRequests idempotency)
{
    [Function("CreatePartyMemberReport")]
    public async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/party-member-reports")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<SubmitReport.Request>();
        return await idempotency.RunAsync(req, "CreatePartyMemberReport", null, async () =>
        {
            var report = await submit.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/party-member-reports/{report.Id}", ReportView.From(report));
        });
    }

    [Function("ListPartyMemberReports")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/party-member-reports")] HttpRequest req)
    {
        var q = req.Query;
        string? Param(string name) => q[name].ToString() is { Length: > 0 } value ? value : null;
        var paging = Paging.From(req);
        var page = await list.HandleAsync(req.Caller(),
            new ListReports.Request(Param("communityId"), Param("state"), QueryFlag.Read(req, "mine"), paging),
            req.HttpContext.RequestAborted);
        return ApiResult.Ok(new ListPage<ReportView>([.. page.Items.Select(ReportView.From)], page.ContinuationToken));
    }

    [Function("DecidePartyMemberReport")]
    public async Task<IActionResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/party-member-reports/{id}/{action:regex(^(approve|decline)$)}")]
        HttpRequest req, string id, string action)
    {
        var (caller, ct) = (req.Caller(), req.HttpContext.RequestAborted);
        var report = action == "approve"
            ? await approve.HandleAsync(caller, id, ct)
            : await decline.HandleAsync(caller, id, await req.ReadJsonAsync<DeclineReport.Request>(), ct);
        return ApiResult.Ok(ReportView.From(report));
    }
}
