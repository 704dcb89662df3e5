using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Agreements;

/// <summary>The co-building agreement routes (共驻共建协议书): each binds the request and calls its use case.</summary>
internal sealed class AgreementFunctions(
    CreateAgreement create,
    GetAgreement get,
    ListAgreements list,
    SignAgreement sign,
    CountersignAgreement countersign,
    TerminateAgreement terminate,
    IdempotentRequests idempotency)
{
    [Function("CreateAgreement")]
    public async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agreements")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<CreateAgreement.Request>();
        Task MayStill() => create.MayStillAsync(req.Caller(), body, req.HttpContext.RequestAborted);
        return await idempotency.RunAsync(req, "CreateAgreement", MayStill, async () =>
        {
            var agreement = await create.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/agreements/{agreement.Id}", AgreementView.From(agreement));
        });
    }

    [Function("GetAgreement")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/agreements/{id}")] HttpRequest req,
        string id) =>
        ApiResult.Ok(await get.HandleAsync(req.Caller(), id, req.HttpContext.RequestAborted));

    [Function("ListAgreements")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/agreements")] HttpRequest req)
    {
        var q = req.Query;
        string? Param(string name) => q[name].ToString() is { Length: > 0 } value ? value : null;
        var paging = Paging.From(req);
        var page = await list.HandleAsync(req.Caller(),
            new ListAgreements.Request(Param("orgId"), Param("state"), Param("expiringWithinDays"), paging),
            req.HttpContext.RequestAborted);
        return ApiResult.Ok(new ListPage<AgreementView>([.. page.Items.Select(a => AgreementView.From(a))], page.ContinuationToken));
    }

    [Function("ChangeAgreement")]
    public async Task<IActionResult> Change(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agreements/{id}/{action:regex(^(sign|countersign|terminate)$)}")]
        HttpRequest req, string id, string action)
    {
        var (caller, ct) = (req.Caller(), req.HttpContext.RequestAborted);
        var agreement = action switch
        {
            "sign" => await sign.HandleAsync(caller, id, ct),
            "countersign" => await countersign.HandleAsync(caller, id, ct),
            _ => await terminate.HandleAsync(caller, id, await req.ReadJsonAsync<TerminateAgreement.Request>(), ct),
        };
        return ApiResult.Ok(AgreementView.From(agreement));
    }
}
