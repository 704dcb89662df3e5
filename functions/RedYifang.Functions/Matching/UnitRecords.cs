using Azure.Data.Tables;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Matching;

/// <summary>
/// Table <c>UnitRecords</c>, one partition per unit: a <c>totals</c> row (the running record matching reads) and
/// one <c>fact|{orderId}|{kind}</c> row per fact, kept together by <see cref="RunningTotals"/>.
/// </summary>
public sealed class UnitRecords(Tables tables)
{
    public const string TableName = "UnitRecords";

    public async Task<UnitRecord> GetAsync(string unitId, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(unitId, "totals", cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? JsonRows.Read<UnitRecord>(e) : UnitRecord.New;
    }

    public async Task RecordAsync(OrderFact fact, CancellationToken ct = default)
    {
        var table = await tables.GetAsync(TableName, ct);
        var row = JsonRows.Create(fact.UnitId, fact.RowKey, fact);
        await RunningTotals.RecordAsync<UnitRecord>(table, row, "totals", before => Apply(before ?? UnitRecord.New, fact), ct);
    }

    public static UnitRecord Apply(UnitRecord r, OrderFact fact) => fact.Kind switch
    {
        OrderFactKind.Matched => r with { Assigned = r.Assigned + 1, Active = r.Active + 1 },
        OrderFactKind.Completed => r with { Completed = r.Completed + 1, Active = r.Active - 1 },
        OrderFactKind.Released => r with { Active = r.Active - 1, Failed = r.Failed + 1 },
        OrderFactKind.Reopened => r with { Failed = r.Failed + 1 },
        OrderFactKind.Declined => r with { Active = r.Active - 1, Failed = r.Failed + 1, Declined = r.Declined + 1 },
        _ => r with { Rated = r.Rated + 1, StarsSum = r.StarsSum + fact.Stars },
    };
}
