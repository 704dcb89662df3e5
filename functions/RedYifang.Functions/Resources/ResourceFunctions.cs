using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Catalogue;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Resources;

internal sealed class ResourceFunctions(ResourceHandlers handlers, ResourceStore resources, IdempotentRequests idempotency)
{
    [Function("CreateResource")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/resources")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<CreateResourceRequest>();
        return await idempotency.RunAsync(req, async () =>
        {
            var resource = await handlers.CreateAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/resources/{resource.Id}", ResourceView.From(resource));
        });
    }

    [Function("ChangeResource")]
    public async Task<IActionResult> Change(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/resources/{id}/{action:regex(^(publish|pause|retire)$)}")] HttpRequest req,
        string id, string action)
    {
        var resource = await handlers.ApplyAsync(req.Caller(), id, EnumText.Parse<ResourceAction>(action), req.HttpContext.RequestAborted);
        return ApiResult.Ok(ResourceView.From(resource));
    }

    [Function("GetResource")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/resources/{id}")] HttpRequest req, string id)
    {
        var stored = await resources.FindAsync(id, req.HttpContext.RequestAborted) ?? throw Problems.NotFound("resource");
        return ApiResult.Ok(ResourceView.From(stored.Resource));
    }

    [Function("ListResources")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/resources")] HttpRequest req)
    {
        var v = new Validator();
        var category = v.OneOf<Category>("category", req.Query["category"].ToString(), required: false);
        var state = v.OneOf<ResourceState>("state", req.Query["state"].ToString(), required: false);
        var areaId = IdParameter(v, req, "areaId");
        var unitId = IdParameter(v, req, "unitId");
        if (areaId is null && unitId is null && category is null)
        {
            v.Add("areaId", new("请至少指定 areaId、unitId 或 category 之一", "give at least one of areaId, unitId or category"));
        }
        var paging = Paging.From(req);
        v.ThrowIfInvalid();
        bool Fits(Resource r) => (state is null || r.State == state) && (category is null || r.Category == category)
            && (unitId is null || r.UnitId == unitId);
        var page = unitId is not null
            ? await resources.ListByUnitAsync(unitId, r => Fits(r) && (areaId is null || r.AreaIds.Contains(areaId)), paging, req.HttpContext.RequestAborted)
            : await resources.ListIndexedAsync(areaId, category, Fits, paging, req.HttpContext.RequestAborted);
        return ApiResult.Ok(new ListPage<ResourceView>(page.Items.Select(ResourceView.From).ToList(), page.ContinuationToken));
    }

    private static string? IdParameter(Validator v, HttpRequest req, string name)
    {
        var value = req.Query[name].ToString();
        if (value.Length == 0) return null;
        if (Keys.IsWellFormedId(value)) return value;
        v.Add(name, new("不是有效的标识", "is not a valid id"));
        return null;
    }
}
