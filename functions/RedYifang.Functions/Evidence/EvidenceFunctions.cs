using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;

namespace RedYifang.Functions.Evidence;

/// <summary>The evidence and trace-archive routes of api.md: each binds the request and calls its use case.</summary>
internal sealed class EvidenceFunctions(RequestUploadTicket ticket, CommitEvidence commit, UploadDocument upload, GetEvidence get,
    ListEvidence list, GetOrgTrace trace, VerifyOrgTrace verify, EvidenceBlobs blobs, IdempotentRequests idempotency)
{
    [Function("EvidenceUploadTicket")]
    public async Task<IActionResult> Ticket(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/evidence/uploads")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<RequestUploadTicket.Request>();
        Task MayStill() => ticket.MayStillAsync(req.Caller(), body, req.HttpContext.RequestAborted);
        return await idempotency.RunAsync(req, "EvidenceUploadTicket", MayStill, async () =>
        {
            var issued = await ticket.HandleAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/evidence/{issued.EvidenceId}", issued);
        });
    }

    [Function("CommitEvidence")]
    public async Task<IActionResult> Commit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/evidence/{id}/commit")] HttpRequest req, string id)
    {
        var record = await commit.HandleAsync(req.Caller(), id, req.HttpContext.RequestAborted);
        return ApiResult.Accepted($"/api/v1/evidence/{id}", await EvidenceView.FromAsync(record, blobs, req.HttpContext.RequestAborted));
    }

    /// <summary>The document's own limit (Evidence:MaxDocumentBytes) is enforced while streaming, not by the pipeline.</summary>
    [Function("UploadDocument"), MaxBodyBytes(4L * 1024 * 1024 * 1024)]
    public async Task<IActionResult> Upload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/evidence")] HttpRequest req)
    {
        var record = await upload.HandleAsync(req.Caller(), req.ContentType, req.Body, req.HttpContext.RequestAborted);
        return ApiResult.Created(
            $"/api/v1/evidence/{record.Id}",
            await EvidenceView.FromAsync(record, blobs, req.HttpContext.RequestAborted));
    }

    [Function("GetEvidence")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/evidence/{id}")] HttpRequest req,
        string id) =>
        ApiResult.Ok(await get.HandleAsync(req.Caller(), id, req.HttpContext.RequestAborted));

    [Function("ListEvidence")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/evidence")] HttpRequest req)
    {
        var query = new ListEvidence.Request(req.Query["ownerType"].ToString(), req.Query["ownerId"].ToString());
        return ApiResult.Ok(await list.HandleAsync(req.Caller(), query, Paging.From(req), req.HttpContext.RequestAborted));
    }

    [Function("OrgTrace")]
    public async Task<IActionResult> Trace(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/orgs/{id}/trace")] HttpRequest req,
        string id) =>
        ApiResult.Ok(await trace.HandleAsync(req.Caller(), id, req.Query["period"].ToString(), req.HttpContext.RequestAborted));

    [Function("VerifyOrgTrace")]
    public async Task<IActionResult> Verify(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/orgs/{id}/trace/verify")] HttpRequest req, string id) =>
        ApiResult.Ok(await verify.HandleAsync(req.Caller(), id,
            new VerifyOrgTrace.Request(Query(req, "deep"), Query(req, "period"), Query(req, "anchor")), req.HttpContext.RequestAborted));

    /// <summary>A query parameter's value; a repeated one comes through joined, and so fails validation.</summary>
    private static string? Query(HttpRequest req, string name) => req.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}
