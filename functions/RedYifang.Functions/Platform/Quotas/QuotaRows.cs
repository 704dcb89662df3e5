using Azure.Data.Tables;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Platform.Quotas;

/// <summary>
/// The <c>Quotas</c> table: one row per user and quota (partition the user id, row the quota's name) holding the quota's
/// state as JSON, changed on the ETag it was read with so that instances counting at once never lose a count.
/// </summary>
public sealed class QuotaRows(Tables tables)
{
    public const string TableName = "Quotas";

    /// <summary>Reads the state, decides, and writes the next state when there is one; a lost race decides again.</summary>
    /// <param name="decide">The next state (null: write nothing) and the answer, from the state read (null: none yet).</param>
    public async Task<TResult> ChangeAsync<TState, TResult>(
        string userId,
        string quota,
        Func<TState?, (TState? Next, TResult Result)> decide,
        CancellationToken ct)
        where TState : class
    {
        var table = await tables.GetAsync(TableName, ct);
        return await ConcurrentUpdate.RunAsync(async token =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(userId, quota, cancellationToken: token);
            var current = row.HasValue ? row.Value : null;
            var (next, result) = decide(current is null ? null : JsonRows.Read<TState>(current));
            if (next is null) return result;
            var entity = JsonRows.Create(userId, quota, next);
            if (current is null) await table.AddEntityAsync(entity, token);
            else await table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, token);
            return result;
        }, ct);
    }
}
