using Azure.Data.Tables;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Matching;

/// <summary>
/// Table <c>Suggestions</c>, one partition per community: row <c>{orderId}</c> holds the order's ranked suggestions.
/// Only this store reads or writes it.
/// </summary>
public sealed class SuggestionStore(Tables tables)
{
    public const string TableName = "Suggestions";

    public async Task<StoredSuggestions?> GetAsync(Order order, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(order.CommunityId, order.Id, cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? JsonRows.Read<StoredSuggestions>(e) : null;
    }

    /// <summary>Replaces the order's suggestions; computing them twice from the same data writes the same thing.</summary>
    public async Task PutAsync(Order order, StoredSuggestions suggestions, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        await table.UpsertEntityAsync(JsonRows.Create(order.CommunityId, order.Id, suggestions), TableUpdateMode.Replace, ct);
    }
}
