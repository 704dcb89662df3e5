using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Resources;

/// <summary>
/// The orders holding a resource's capacity in a month (China Standard Time): table <c>ResourceCapacity</c>, row
/// <c>load|{resourceId}|{yyyy-MM}</c> in the unit's partition, listing <c>{orderId}|{agreementId}</c> entries. A match reserves
/// first, with an ETag-conditional write (reloaded and retried when another match got there first), so capacity is
/// never oversubscribed; a failed match or a cancelled order releases its own entry. Capacity counts distinct
/// orders, so concurrent attempts to match the same order hold one unit between them, and a losing attempt's
/// release cannot free the winner's.
/// </summary>
public sealed class CapacityLedger(Tables tables)
{
    public const string TableName = "ResourceCapacity";

    public async Task<int> RemainingAsync(Resource resource, string month, CancellationToken ct = default)
    {
        var (holders, _) = await ReadAsync(resource, month, ct);
        return Math.Max(0, resource.MonthlyCapacity - DistinctOrders(holders, except: null));
    }

    public Task ReserveAsync(Resource resource, string orderId, string agreementId, string month, CancellationToken ct = default) =>
        ConcurrentUpdate.RunAsync(async token =>
        {
            var entry = $"{orderId}|{agreementId}";
            var (holders, etag) = await ReadAsync(resource, month, token);
            if (holders.Contains(entry)) return;
            if (DistinctOrders(holders, except: orderId) >= resource.MonthlyCapacity) throw CapacityExhausted();
            await WriteAsync(resource, month, [.. holders, entry], etag, token);
        }, ct).AsTask();

    public Task ReleaseAsync(Resource resource, string orderId, string agreementId, string month, CancellationToken ct = default) =>
        ConcurrentUpdate.RunAsync(async token =>
        {
            var entry = $"{orderId}|{agreementId}";
            var (holders, etag) = await ReadAsync(resource, month, token);
            if (!holders.Contains(entry)) return;
            await WriteAsync(resource, month, holders.Where(h => h != entry).ToList(), etag, token);
        }, ct).AsTask();

    private static int DistinctOrders(IEnumerable<string> holders, string? except) =>
        holders.Select(h => h[..h.IndexOf('|')]).Where(o => o != except).Distinct().Count();

    public static CapacityExhaustedException CapacityExhausted() =>
        new( "capacity_exhausted",
            new("该资源本月服务容量已满", "The resource has no capacity left this month"),
            new("请选择其他资源，或下月再试。", "Choose another resource, or try next month."));

    private async Task<(List<string> Holders, ETag? ETag)> ReadAsync(Resource resource, string month, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(resource.UnitId, Row(resource.Id, month), cancellationToken: ct);
        return row.HasValue && row.Value is { } e
            ? (JsonSerializer.Deserialize<List<string>>(e.GetString("Orders") ?? "[]") ?? [], e.ETag)
            : ([], null);
    }

    private async Task WriteAsync(Resource resource, string month, List<string> holders, ETag? etag, CancellationToken ct)
    {
        var table = await tables.GetAsync(TableName, ct);
        var entity = new TableEntity(resource.UnitId, Row(resource.Id, month)) {
            ["Orders"] = JsonSerializer.Serialize(holders),
            ["Count"] = holders.Count };
        if (etag is { } e) await table.UpdateEntityAsync(entity, e, TableUpdateMode.Replace, ct);
        else await table.AddEntityAsync(entity, ct);
    }

    private static string Row(string resourceId, string month) => $"load|{resourceId}|{month}";
}
