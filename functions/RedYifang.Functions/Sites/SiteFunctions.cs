using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Sites;

/// <summary>The site routes (阵地): each binds the request and calls its use case.</summary>
internal sealed class SiteFunctions(
    CreateSite create,
    GetSite get,
    ListSites list,
    EditSite edit,
    GetCompliance compliance,
    IdempotentRequests idempotency)
{
    [Function("CreateSite")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/sites")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<CreateSite.Request>();
        Task MayStill() => create.MayStillAsync(req.Caller(), body, req.HttpContext.RequestAborted);
        return await idempotency.RunAsync(req, "CreateSite", MayStill, async () =>
        {
            var site = await create.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/sites/{site.Id}", SiteView.From(site)).WithHeader("ETag", site.ETag);
        });
    }

    /// <summary>
    /// Named to sort before <c>GetSite</c>: the Functions host tries routes in the order of their functions' names
    /// (Platform/Http/UnmatchedRouteFunction.cs), and <c>v1/sites/{id}</c> would take <c>v1/sites/compliance</c> first.
    /// </summary>
    [Function("CheckSiteCompliance")]
    public async Task<IActionResult> Compliance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/sites/compliance")] HttpRequest req) =>
        ApiResult.Ok(await compliance.HandleAsync(req.Caller(), Param(req, "streetId"), req.HttpContext.RequestAborted));

    [Function("GetSite")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/sites/{id}")] HttpRequest req,
        string id)
    {
        var site = await get.HandleAsync(req.Caller(), id, req.HttpContext.RequestAborted);
        return ApiResult.Ok(SiteView.From(site)).WithHeader("ETag", site.ETag);
    }

    [Function("ListSites")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/sites")] HttpRequest req)
    {
        var request = new ListSites.Request(Param(req, "ownerOrgId"), Param(req, "streetId"), Param(req, "communityId"), Param(req, "kind"),
            Paging.From(req));
        var page = await list.HandleAsync(req.Caller(), request, req.HttpContext.RequestAborted);
        return ApiResult.Ok(new ListPage<SiteView>([.. page.Items.Select(SiteView.From)], page.ContinuationToken));
    }

    [Function("EditSite")]
    public async Task<IActionResult> Edit([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/sites/{id}")] HttpRequest req,
        string id)
    {
        var body = await req.ReadJsonAsync<EditSite.Request>();
        var ifMatch = req.Headers.IfMatch.ToString() is { Length: > 0 } given ? given : null;
        var site = await edit.HandleAsync(req.Caller(), id, ifMatch, body, req.HttpContext.RequestAborted);
        return ApiResult.Ok(SiteView.From(site)).WithHeader("ETag", site.ETag);
    }

    private static string? Param(HttpRequest req, string name) => req.Query[name].ToString() is { Length: > 0 } value ? value : null;
}
