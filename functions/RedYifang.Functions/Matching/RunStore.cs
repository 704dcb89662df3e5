using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Matching;

/// <summary>
/// Table <c>MatchingRuns</c>, one partition per run: <c>run</c> (the run), <c>p|{orderId}</c> (one proposal each)
/// and the <c>outbox|…</c> row that starts it. Proposals are upserted before the run is marked completed, so a
/// run retried after a crash rewrites the same rows.
/// </summary>
public sealed class RunStore(Tables tables, Outbox outbox)
{
    public const string TableName = "MatchingRuns";

    public async Task<StoredRun?> FindAsync(string id, CancellationToken ct = default)
    {
        if (!Keys.IsWellFormedId(id)) return null;
        var table = await tables.GetAsync(TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(id, "run", cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? new StoredRun(JsonRows.Read<MatchingRun>(e), e.ETag) : null;
    }

    public async Task AddAsync(MatchingRun run, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var staged = outbox.Stage(run.Id, MatchingRun.Queue, new RunMessage(run.Id));
        await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, Entity(run)), staged.Action], ct);
        await outbox.DispatchAsync(table, [staged.Entry], ct);
    }

    /// <summary>Replaces the run on its ETag; false when someone else changed it first.</summary>
    public async Task<StoredRun?> UpdateAsync(StoredRun before, MatchingRun after, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        try
        {
            var response = await table.UpdateEntityAsync(Entity(after), before.ETag, TableUpdateMode.Replace, ct);
            return new StoredRun(after, response.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed())
        {
            return null;
        }
    }

    public async Task PutProposalsAsync(string runId, IReadOnlyList<Proposal> proposals, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        foreach (var chunk in proposals.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(runId, $"p|{p.OrderId}") {
                    ["OrderId"] = p.OrderId,
                    ["ResourceId"] = p.ResourceId,
                    ["Score"] = p.Score })), ct);
        }
    }

    public async Task<ListPage<Proposal>> ListProposalsAsync(string runId, Paging paging, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {runId} and RowKey gt {"p|"} and RowKey lt {"p}"}");
        return await TablePages.ReadAsync(table, filter, paging,
            e => new Proposal(e.GetString("OrderId"), e.GetString("ResourceId"), e.GetDouble("Score") ?? 0), ct: ct);
    }

    private static TableEntity Entity(MatchingRun run) => JsonRows.Create(run.Id, "run", run);
}
