using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Resources;

/// <summary>The resource routes of api.md: each binds the request and calls its use case.</summary>
internal sealed class ResourceFunctions(CreateResource create, ChangeResourceState change, GetResource get, ListResources list,
    EditResource edit, IdempotentRequests idempotency)
{
    [Function("CreateResource")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/resources")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<CreateResource.Request>();
        Task MayStill() => create.MayStillAsync(req.Caller(), body, req.HttpContext.RequestAborted);
        return await idempotency.RunAsync(req, "CreateResource", MayStill, async () =>
        {
            var resource = await create.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/resources/{resource.Id}", ResourceView.From(resource));
        });
    }

    [Function("ChangeResource")]
    public async Task<IActionResult> Change(
        [HttpTrigger(
            AuthorizationLevel.Anonymous,
            "post",
            Route = "api/v1/resources/{id}/{action:regex(^(publish|pause|retire)$)}")] HttpRequest req,
        string id, string action)
    {
        var resource = await change.HandleAsync(req.Caller(), id, EnumText.Parse<ResourceAction>(action), req.HttpContext.RequestAborted);
        return ApiResult.Ok(ResourceView.From(resource));
    }

    [Function("GetResource")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/resources/{id}")] HttpRequest req,
        string id)
    {
        var resource = await get.HandleAsync(id, req.HttpContext.RequestAborted);
        return ApiResult.Ok(ResourceView.From(resource)).WithHeader("ETag", resource.ETag);
    }

    [Function("EditResource")]
    public async Task<IActionResult> Edit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/resources/{id}")] HttpRequest req,
        string id)
    {
        var body = await req.ReadJsonAsync<EditResource.Request>();
        var ifMatch = req.Headers.IfMatch.ToString() is { Length: > 0 } given ? given : null;
        var resource = await edit.HandleAsync(req.Caller(), id, ifMatch, body, req.HttpContext.RequestAborted);
        return ApiResult.Ok(ResourceView.From(resource)).WithHeader("ETag", resource.ETag);
    }

    [Function("ListResources")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/resources")] HttpRequest req)
    {
        var q = req.Query;
        var paging = Paging.From(req);
        var page = await list.HandleAsync(
            new ListResources.Request(Param(q, "areaId"), Param(q, "unitId"), Param(q, "category"), Param(q, "state"), paging),
            req.HttpContext.RequestAborted);
        return ApiResult.Ok(new ListPage<ResourceView>(page.Items.Select(ResourceView.From).ToList(), page.ContinuationToken));
    }

    private static string? Param(IQueryCollection query, string name) => query[name].ToString() is { Length: > 0 } value ? value : null;
}
