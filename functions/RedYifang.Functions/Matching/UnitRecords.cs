using Azure;
using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Matching;

public enum OrderFactKind
{
    Matched,
    Completed,
    Released,
    Rated,
}

/// <summary>What happened to an order at a unit, staged with the change (queue <c>order-events</c>).</summary>
public sealed record OrderFact(string UnitId, string OrderId, OrderFactKind Kind, int Stars, DateTimeOffset At)
{
    public const string Queue = "order-events";
}

/// <summary>
/// Table <c>UnitRecords</c>, one partition per unit: a <c>totals</c> row (the running record matching reads) and
/// one <c>fact|{orderId}|{kind}</c> row per fact, added in the same transaction as the totals change, so a
/// message delivered twice changes nothing the second time.
/// </summary>
public sealed class UnitRecords(Tables tables)
{
    public const string TableName = "UnitRecords";

    public async Task<UnitRecord> GetAsync(string unitId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(unitId, "totals", cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? ToRecord(e) : UnitRecord.New;
    }

    public async Task RecordAsync(OrderFact fact, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        for (var attempt = 0; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(fact.UnitId, "totals", cancellationToken: ct);
            var before = row.HasValue && row.Value is { } current ? ToRecord(current) : UnitRecord.New;
            var after = Apply(before, fact);
            var totals = new TableEntity(fact.UnitId, "totals")
            {
                ["Assigned"] = after.Assigned, ["Completed"] = after.Completed, ["Rated"] = after.Rated,
                ["StarsSum"] = after.StarsSum, ["Active"] = after.Active,
            };
            var factRow = new TableEntity(fact.UnitId, $"fact|{fact.OrderId}|{EnumText.ToText(fact.Kind)}") { ["Stars"] = fact.Stars, ["At"] = fact.At };
            try
            {
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, factRow),
                    row.HasValue
                        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, totals, row.Value!.ETag)
                        : new TableTransactionAction(TableTransactionActionType.Add, totals),
                ], ct);
                return;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 0 && e.Status == 409)
            {
                return; // This fact was recorded before.
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5 << Math.Min(attempt, 5)), ct);
            }
        }
    }

    public static UnitRecord Apply(UnitRecord r, OrderFact fact) => fact.Kind switch
    {
        OrderFactKind.Matched => r with { Assigned = r.Assigned + 1, Active = r.Active + 1 },
        OrderFactKind.Completed => r with { Completed = r.Completed + 1, Active = Math.Max(0, r.Active - 1) },
        OrderFactKind.Released => r with { Active = Math.Max(0, r.Active - 1) },
        _ => r with { Rated = r.Rated + 1, StarsSum = r.StarsSum + fact.Stars },
    };

    private static UnitRecord ToRecord(TableEntity e) => new(e.GetInt32("Assigned") ?? 0, e.GetInt32("Completed") ?? 0,
        e.GetInt32("Rated") ?? 0, e.GetInt32("StarsSum") ?? 0, e.GetInt32("Active") ?? 0);
}

internal sealed class OrderFactFunction(UnitRecords records)
{
    [Function("RecordOrderFact")]
    public Task Run([QueueTrigger(OrderFact.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken ct) =>
        records.RecordAsync(QueueMessages.Parse<OrderFact>(message), ct);
}
