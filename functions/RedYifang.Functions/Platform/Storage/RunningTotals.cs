using Azure.Data.Tables;

namespace RedYifang.Functions.Platform.Storage;

/// <summary>
/// Running totals kept beside the facts they count, in one partition: recording a fact is one entity-group
/// transaction that adds the fact row and replaces the totals row on the ETag it was read with. A fact recorded
/// before fails the add, so a redelivered message counts once; a lost race on the totals is reloaded and retried.
/// </summary>
public static class RunningTotals
{
    /// <param name="fact">The fact's row; its partition is the totals' partition.</param>
    /// <param name="add">The totals after the fact, from the totals before it (null when there were none).</param>
    public static Task RecordAsync<TTotals>(TableClient table, TableEntity fact, string totalsRowKey, Func<TTotals?, TTotals> add,
        CancellationToken ct) where TTotals : class =>
        ConcurrentUpdate.RunAsync(async token =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(fact.PartitionKey, totalsRowKey, cancellationToken: token);
            var current = row.HasValue ? row.Value : null;
            var totals = JsonRows.Create(fact.PartitionKey, totalsRowKey, add(current is null ? null : JsonRows.Read<TTotals>(current)));
            try
            {
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, fact),
                    current is null
                        ? new TableTransactionAction(TableTransactionActionType.Add, totals)
                        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, totals, current.ETag),
                ], token);
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 0 && e.Status == 409)
            {
                // Recorded before: a redelivered message counts once.
            }
        }, ct).AsTask();
}
