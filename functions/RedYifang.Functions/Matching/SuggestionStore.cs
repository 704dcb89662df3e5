using Azure.Data.Tables;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Matching;

public sealed record StoredSuggestions(IReadOnlyList<Suggestion> Items, DateTimeOffset ComputedAt);

/// <summary>An order's ranked suggestions: row <c>suggest|{orderId}</c> in the order's own partition of <c>Orders</c>.</summary>
public sealed class SuggestionStore(Tables tables)
{
    public async Task<StoredSuggestions?> GetAsync(Order order, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(OrderStore.TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(order.CommunityId, Row(order.Id), cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? JsonRows.Read<StoredSuggestions>(e) : null;
    }

    /// <summary>Replaces the order's suggestions; computing them twice from the same data writes the same thing.</summary>
    public async Task PutAsync(Order order, StoredSuggestions suggestions, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(OrderStore.TableName, ct);
        await table.UpsertEntityAsync(JsonRows.Create(order.CommunityId, Row(order.Id), suggestions), TableUpdateMode.Replace, ct);
    }

    private static string Row(string orderId) => $"suggest|{orderId}";
}
