using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Idempotency;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Evidence;

internal sealed class EvidenceFunctions(EvidenceUploads uploads, DocumentUploads documents, EvidenceStore store, EvidenceBlobs blobs,
    EvidenceOwners owners, TraceArchive trace, IdempotentRequests idempotency)
{
    [Function("EvidenceUploadTicket")]
    public async Task<IActionResult> Ticket([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/evidence/uploads")] HttpRequest req)
    {
        var body = await req.ReadJsonAsync<UploadRequest>();
        return await idempotency.RunAsync(req, async () =>
        {
            var ticket = await uploads.TicketAsync(req.Caller(), body, req.HttpContext.RequestAborted);
            return ApiResult.Created($"/api/v1/evidence/{ticket.EvidenceId}", ticket);
        });
    }

    [Function("CommitEvidence")]
    public async Task<IActionResult> Commit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/evidence/{id}/commit")] HttpRequest req, string id)
    {
        var record = await uploads.CommitAsync(req.Caller(), id, req.HttpContext.RequestAborted);
        return ApiResult.Accepted($"/api/v1/evidence/{id}", await EvidenceView.FromAsync(record, blobs, req.HttpContext.RequestAborted));
    }

    /// <summary>The document's own limit (Evidence:MaxDocumentBytes) is enforced while streaming, not by the pipeline.</summary>
    [Function("UploadDocument"), MaxBodyBytes(4L * 1024 * 1024 * 1024)]
    public async Task<IActionResult> Upload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/evidence")] HttpRequest req)
    {
        var record = await documents.UploadAsync(req.Caller(), req, req.HttpContext.RequestAborted);
        return ApiResult.Created($"/api/v1/evidence/{record.Id}", await EvidenceView.FromAsync(record, blobs, req.HttpContext.RequestAborted));
    }

    [Function("GetEvidence")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/evidence/{id}")] HttpRequest req, string id)
    {
        var stored = await store.FindAsync(id, req.HttpContext.RequestAborted);
        if (stored is null || !EvidenceOwners.MayRead(req.Caller(), stored.Record)) throw Problems.NotFound("evidence");
        return ApiResult.Ok(await EvidenceView.FromAsync(stored.Record, blobs, req.HttpContext.RequestAborted));
    }

    [Function("ListEvidence")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/evidence")] HttpRequest req)
    {
        var v = new Validator();
        var ownerType = v.OneOf<OwnerType>("ownerType", req.Query["ownerType"].ToString());
        var ownerId = req.Query["ownerId"].ToString();
        if (!Keys.IsWellFormedId(ownerId)) v.Add("ownerId", new("不是有效的标识", "is not a valid id"));
        var paging = Paging.From(req);
        v.ThrowIfInvalid();
        var ct = req.HttpContext.RequestAborted;
        if (!await owners.MayListAsync(req.Caller(), ownerType!.Value, ownerId, ct)) throw Problems.NotFound("object");
        var page = await store.ListByOwnerAsync(ownerType.Value, ownerId, paging, ct);
        var views = await Task.WhenAll(page.Items.Select(r => EvidenceView.FromAsync(r, blobs, ct)));
        return ApiResult.Ok(new ListPage<EvidenceView>(views, page.ContinuationToken));
    }

    [Function("OrgTrace")]
    public async Task<IActionResult> Trace([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/orgs/{id}/trace")] HttpRequest req, string id) =>
        ApiResult.Ok(await trace.ForPeriodAsync(req.Caller(), id, req.Query["period"].ToString(), req.HttpContext.RequestAborted));

    [Function("VerifyOrgTrace")]
    public async Task<IActionResult> Verify([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/orgs/{id}/trace/verify")] HttpRequest req, string id) =>
        ApiResult.Ok(await trace.VerifyAsync(req.Caller(), id,
            new VerifyRequest(Query(req, "deep"), Query(req, "period"), Query(req, "anchor")), req.HttpContext.RequestAborted));

    /// <summary>A query parameter's value; a repeated one comes through joined, and so fails validation.</summary>
    private static string? Query(HttpRequest req, string name) => req.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}

internal sealed class EvidenceProcessFunction(EvidenceProcessor processor)
{

    [Function("ProcessEvidence")]
    public Task Run([QueueTrigger(EvidenceRecord.ProcessQueue, Connection = "AzureWebJobsStorage")] string message, long dequeueCount, CancellationToken ct) =>
        processor.ProcessAsync(QueueMessages.Parse<ProcessMessage>(message).EvidenceId, dequeueCount >= QueueMessages.MaxDequeueCount, ct);
}
